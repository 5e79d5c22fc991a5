"""The finder's active filters as conditions, removable chips and loosening hints.

Each filter in use becomes an ``ActiveFilter``: a label the visitor reads ("Hot water",
"At least 6 guests"), the database condition it adds, and the query string of the same
search without it (the chip's link). When nothing matches, ``loosening_suggestions``
counts, in one query, how many homestays each search would find with one filter left
out, and offers the ones that find something, most results first.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from villages.models import HomestayPage
from villages.templatetags.villages_tags import vnd

SUGGESTIONS = 3


@dataclass
class ActiveFilter:
    """One filter in use: ``pairs`` are its query parameters, ``condition`` a Q."""

    key: str
    label: str
    condition: Q
    pairs: list = field(default_factory=list)
    query_without: str = ""


@dataclass
class Suggestion:
    """A search with one filter left out, and how many homestays it finds."""

    label: str
    count: int
    query: str

    @property
    def text(self):
        return ngettext(
            "Without “%(filter)s”: %(count)s homestay",
            "Without “%(filter)s”: %(count)s homestays",
            self.count,
        ) % {"filter": self.label, "count": self.count}


def _commune_condition(commune, choices):
    within = Q(pk__in=[])
    for village in choices.villages:
        if village.commune_id == commune.pk:
            within |= Q(path__startswith=village.path)
    return within


def _amenity_condition(amenity):
    through = HomestayPage.amenities.through.objects.filter(amenity=amenity)
    return Q(pk__in=through.values("homestaypage_id"))


def active_filters(query, choices):
    """The filters ``query`` (a FinderQuery) uses, in the form's order."""
    found = []
    if query.village:
        village = query.village
        found.append(
            ActiveFilter(
                "village",
                _("Village: %(name)s") % {"name": village.title},
                Q(path__startswith=village.path, depth=village.depth + 1),
                [("village", village.pk)],
            )
        )
    if query.commune:
        found.append(
            ActiveFilter(
                "commune",
                _("Commune: %(name)s") % {"name": query.commune.name},
                _commune_condition(query.commune, choices),
                [("commune", query.commune.slug)],
            )
        )
    if query.guests:
        found.append(
            ActiveFilter(
                "guests",
                ngettext("At least %(count)s guest", "At least %(count)s guests", query.guests)
                % {"count": query.guests},
                Q(capacity__gte=query.guests),
                [("guests", query.guests)],
            )
        )
    if query.max_price is not None:
        found.append(
            ActiveFilter(
                "max_price",
                _("Up to %(price)s a night") % {"price": vnd(query.max_price)},
                Q(price_min__lte=query.max_price),
                [("max_price", query.max_price)],
            )
        )
    for amenity in query.amenities:
        found.append(
            ActiveFilter(
                f"amenity-{amenity.slug}",
                str(amenity.label),
                _amenity_condition(amenity),
                [("amenity", amenity.slug)],
            )
        )
    if query.ethnic_group:
        found.append(
            ActiveFilter(
                "ethnic_group",
                _("Host: %(group)s") % {"group": query.ethnic_group.name},
                Q(host_ethnic_group=query.ethnic_group),
                [("ethnic_group", query.ethnic_group.slug)],
            )
        )
    params = query.params()
    for item in found:
        item.query_without = urlencode([p for p in params if p not in item.pairs])
    return found


def combined(filters, leave_out=None):
    """The AND of every filter's condition but ``leave_out`` (an ActiveFilter)."""
    condition = Q()
    for item in filters:
        if item is not leave_out:
            condition &= item.condition
    return condition


def loosening_suggestions(homestays, filters, limit=SUGGESTIONS):
    """Searches with one filter left out that find something, most results first.

    ``homestays`` is the queryset of every public homestay; one aggregate query,
    whatever the number of filters. Returns at most ``limit`` Suggestions.
    """
    if not filters:
        return []
    counts = homestays.aggregate(
        **{
            f"without_{n}": Count("pk", filter=combined(filters, leave_out=item), distinct=True)
            for n, item in enumerate(filters)
        }
    )
    suggestions = [
        Suggestion(item.label, counts[f"without_{n}"], item.query_without)
        for n, item in enumerate(filters)
        if counts[f"without_{n}"]
    ]
    suggestions.sort(key=lambda s: -s.count)
    return suggestions[:limit]
