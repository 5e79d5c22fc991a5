"""Pages an anonymous visitor may see, in the SQL query that lists them.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction in a query
of its own, on every call: a page that lists villages, homestays and its menu paid
that query five to nine times. ``live_public(queryset)`` keeps the same rule (no
draft, nothing at or below a restricted page) as a subquery of the listing query.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def live_public(queryset):
    """``queryset.live().public()`` with no query of its own: a page is left out when
    a view restriction sits on it or on one of its ancestors (its path starts with
    the restricted page's path)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().exclude(Exists(restricted))
