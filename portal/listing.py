"""One page of a section's listing (villages, attractions, routes).

``listing_page(request, items, per_page)`` reads the ``page`` parameter with
``ListingPageForm`` (the site's one policy for parameters, ``portal.params``: a word
or "0" is page 1, a number past the last page is the last page, a number in another
script's digits or beyond the database's range is refused) and returns
``(page, errors)``: ``page`` is a ``django.core.paginator.Page`` of ``items`` (a
queryset is sliced in SQL, so a section of 5,000 items costs what one of 24 does:
one COUNT and one page of rows), ``errors`` is ``{field: [messages]}``, empty when
the number was usable. ``IndexPage.serve`` answers 400 when there are errors.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from portal.params import PageNumberField, malformed_errors

PER_PAGE = 24  # cards per page: a phone scrolls through them in a few swipes


class ListingPageForm(forms.Form):
    page = PageNumberField(label=_("Page"), required=False)


def listing_page(request, items, per_page=PER_PAGE):
    """(page of ``items``, errors) for the request's ``page`` parameter."""
    form = ListingPageForm(request.GET)
    form.is_valid()
    errors = malformed_errors(form)
    number = 1 if errors else form.cleaned_data.get("page") or 1
    return Paginator(items, per_page).get_page(number), errors
