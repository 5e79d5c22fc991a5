"""The events index's filter form: the shared event filters (``EventFilterForm``) plus
how the list is shown (``view``) and which page of it (``page``), with the widgets the
index renders (``{{ field }}`` in events/includes/filters.html, no hand-written selects).

Same policy as the finder and search: an unknown ``view`` is the list, silently; a
page number that is a word or below 1 is page 1; digits of another script or a number
beyond the database's range are a 400 with the message (``portal.params.PageNumberField``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.listing import EventFilterForm
from portal.params import PageNumberField

VIEWS = (("agenda", _("List")), ("month", _("Month calendar")))
MAX_PAGE = 10_000


class EventIndexForm(EventFilterForm):
    view = forms.CharField(label=_("Show as"), required=False)
    page = PageNumberField(label=_("Page"), required=False)

    def __init__(self, data=None, today=None, categories=(), villages=(), **kwargs):
        """``categories``: EventCategory objects, ``villages``: VillagePage objects, in
        the order the selects list them."""
        super().__init__(data, today=today, **kwargs)
        # Widgets are replaced, not passed to the fields, so the CharFields' maxlength
        # does not land on a <select> (invalid HTML).
        self.fields["category"].widget = forms.Select(
            choices=[("", _("All categories"))] + [(c.slug, c.name) for c in categories]
        )
        self.fields["village"].widget = forms.Select(
            choices=[("", _("All villages"))] + [(v.slug, v.title) for v in villages]
        )
        self.fields["month"].widget = forms.DateInput(attrs={"type": "month"})
        for name in ("from", "to"):
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["view"].widget = forms.Select(choices=VIEWS)

    def clean_view(self):
        value = self.cleaned_data.get("view")
        return value if value in dict(VIEWS) else "agenda"

    def clean_page(self):
        number = self.cleaned_data.get("page") or 1
        return number if number < MAX_PAGE else 1

    def filter_fields(self):
        """The fields a visitor sets (``past`` and ``page`` travel in the query string)."""
        return [self[name] for name in ("category", "village", "month", "from", "to", "view")]
