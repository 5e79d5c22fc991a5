"""The homestay finder: read the GET parameters with a form, filter, sort, paginate.

Every parameter is optional and read by ``villages.forms.HomestayFinderForm``. A value
that cannot be used is dropped or clamped and the visitor is told so in a notice; a
malformed one (digits of another script, a number beyond the database's range) is an
error instead: ``FinderResult.errors`` is then set, nothing is searched and the page
answers 400 (``HomestayFinderPage.serve``). Nothing here raises on bad input.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import ExpressionWrapper, F, FloatField, Max, Prefetch, Value
from django.utils.translation import get_language, ngettext

from portal.cache import CachedSlices, cached_for_content
from portal.collation import collated
from villages.finder_filters import active_filters, combined, loosening_suggestions
from villages.forms import HomestayFinderForm
from villages.models import Amenity, Commune, EthnicGroup, HomestayPage, VillagePage
from villages.models.queries import live_public, with_image

PER_PAGE = 12


@dataclass
class FinderQuery:
    """The parameters actually used, after cleaning."""

    village: object = None
    commune: object = None
    guests: int | None = None
    max_price: int | None = None
    amenities: list = field(default_factory=list)
    ethnic_group: object = None
    sort: str = "price"
    near: object = None
    page: int = 1

    def params(self):
        """Query parameters that reproduce this search (without the page)."""
        pairs = []
        if self.village:
            pairs.append(("village", self.village.pk))
        if self.commune:
            pairs.append(("commune", self.commune.slug))
        if self.guests:
            pairs.append(("guests", self.guests))
        if self.max_price is not None:
            pairs.append(("max_price", self.max_price))
        pairs += [("amenity", amenity.slug) for amenity in self.amenities]
        if self.ethnic_group:
            pairs.append(("ethnic_group", self.ethnic_group.slug))
        if self.sort != "price":
            pairs.append(("sort", self.sort))
        if self.near:
            pairs.append(("near", self.near.pk))
        return pairs

    @property
    def query_string(self):
        return urlencode(self.params())

    @property
    def is_filtered(self):
        return bool(
            self.village
            or self.commune
            or self.guests
            or self.max_price is not None
            or self.amenities
            or self.ethnic_group
        )


@dataclass
class FinderChoices:
    villages: list
    communes: list
    amenities: list
    ethnic_groups: list
    max_capacity: int | None = None  # the most guests any public homestay takes


@dataclass
class FinderResult:
    query: FinderQuery
    choices: FinderChoices
    page_obj: object
    notices: list
    total: int
    form: object = None
    errors: dict = field(default_factory=dict)  # {field label: [messages]}: a 400
    filters: list = field(default_factory=list)  # ActiveFilters, shown as chips
    suggestions: list = field(default_factory=list)  # Suggestions when nothing matched


def public_homestays():
    return live_public(HomestayPage.objects.all())


def load_choices():
    """What the form offers and the largest capacity, in the active language's order:
    six queries whatever the number of homestays, none while the content has not
    changed (cached per content version)."""
    return cached_for_content(f"villages:finder-choices:{get_language()}", read_choices)


def read_choices():
    """:func:`load_choices`, read from the database."""
    villages = list(live_public(VillagePage.objects.all()).order_by(collated("title"), "pk"))
    communes = list(Commune.objects.prefetch_related("aliases").order_by(collated("name"), "pk"))
    return FinderChoices(
        villages=villages,
        communes=communes,
        amenities=list(Amenity.objects.all()),
        ethnic_groups=list(EthnicGroup.objects.all()),
        max_capacity=public_homestays().aggregate(largest=Max("capacity"))["largest"],
    )


def read_query(params, choices):
    """A FinderQuery from GET parameters, the notices for what could not be used, and
    the malformed values ({field label: [messages]}; HomestayFinderForm reads them)."""
    form = HomestayFinderForm(params, choices=choices)
    values, notices = form.used_values()
    errors = {str(form.fields[name].label or name): m for name, m in form.malformed().items()}
    query = FinderQuery(
        village=values["village"],
        commune=values["commune"],
        guests=values["guests"],
        max_price=values["max_price"],
        amenities=values["amenity"],
        ethnic_group=values["ethnic_group"],
        sort=values["sort"],
        near=values["near"],
        page=values["page"],
    )
    return query, notices, errors


def display_form(query, choices):
    """An unbound form showing the values in use (not the raw ones), so the URL of the
    search can be shared and a clamped value shows as clamped."""
    initial = {
        "village": query.village.pk if query.village else "",
        "commune": query.commune.slug if query.commune else "",
        "guests": query.guests,
        "max_price": query.max_price,
        "ethnic_group": query.ethnic_group.slug if query.ethnic_group else "",
        "sort": query.sort,
        "near": query.near.pk if query.near else "",
        "amenity": [amenity.slug for amenity in query.amenities],
    }
    return HomestayFinderForm(initial=initial, choices=choices)


def filter_homestays(query, choices, filters=None):
    """The live, public homestays matching ``query``, sorted as asked (``filters``:
    its ActiveFilters, when already built)."""
    if filters is None:
        filters = active_filters(query, choices)
    return sort_homestays(public_homestays().filter(combined(filters)), query)


def sort_homestays(homestays, query):
    if query.sort == "capacity":
        return homestays.order_by("-capacity", "price_min", "pk")
    if query.sort == "distance" and query.near:
        return homestays.annotate(
            distance_sq=_squared_distance(query.near.latitude, query.near.longitude)
        ).order_by("distance_sq", "pk")
    return homestays.order_by("price_min", "price_max", "pk")


def _squared_distance(lat, lon):
    """Equirectangular squared distance in degrees²: enough to order places by distance."""
    scale = math.cos(math.radians(lat))
    dlat = F("latitude") - Value(lat)
    dlon = (F("longitude") - Value(lon)) * Value(scale)
    return ExpressionWrapper(dlat * dlat + dlon * dlon, output_field=FloatField())


def with_details(homestays):
    homestays = homestays.select_related("host_ethnic_group").prefetch_related(
        Prefetch("amenities", queryset=Amenity.objects.all())
    )
    return with_image(homestays)


def attach_villages(items, choices, near=None):
    """Give each homestay its ``village_page`` (and ``distance`` from ``near``): no query."""
    by_path = {v.path: v for v in choices.villages}
    for homestay in items:
        homestay.village_page = by_path.get(homestay.path[: -VillagePage.steplen])
        homestay.distance = round(near.distance_to(homestay), 1) if near else None
    return items


def find_homestays(request):
    """Everything the finder page shows, from the request's GET parameters."""
    choices = load_choices()
    query, notices, errors = read_query(request.GET, choices)
    if errors:
        return FinderResult(
            query=query,
            choices=choices,
            page_obj=None,
            notices=[],
            total=0,
            form=display_form(query, choices),
            errors=errors,
        )
    filters = active_filters(query, choices)
    # The count and each page's homestays are the same for every visitor asking the
    # same: cached per content version (5,000 homestays: counted and sorted each time).
    found = CachedSlices(with_details(filter_homestays(query, choices, filters)), "villages:finder")
    paginator = Paginator(found, PER_PAGE)
    if query.page > paginator.num_pages:
        notices.append(
            ngettext(
                "The results fit on %(count)s page; showing it.",
                "The results fit on %(count)s pages; showing the last one.",
                paginator.num_pages,
            )
            % {"count": paginator.num_pages}
        )
        query.page = paginator.num_pages
    page_obj = paginator.get_page(query.page)
    page_obj.object_list = attach_villages(list(page_obj.object_list), choices, query.near)
    return FinderResult(
        query=query,
        choices=choices,
        page_obj=page_obj,
        notices=notices,
        total=paginator.count,
        form=display_form(query, choices),
        filters=filters,
        suggestions=[] if paginator.count else loosening_suggestions(public_homestays(), filters),
    )
