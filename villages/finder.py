"""The homestay finder: read the GET parameters leniently, filter, sort, paginate.

Every parameter is optional. A value that cannot be used is dropped or clamped and
the visitor is told so in a notice; nothing here raises on bad input.
"""

import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import ExpressionWrapper, F, FloatField, Prefetch, Q, Value
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.collation import collated
from villages.models import Amenity, Commune, EthnicGroup, HomestayPage, VillagePage
from villages.models.queries import live_public, with_image

PER_PAGE = 12
MAX_GUESTS = 60
MAX_PRICE = 100_000_000
SORTS = ("price", "capacity", "distance")
_NUMBER_SEPARATORS = re.compile(r"[\s.,_']")


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


@dataclass
class FinderResult:
    query: FinderQuery
    choices: FinderChoices
    page_obj: object
    notices: list
    total: int


def parse_number(raw):
    """An int from "400000", "400.000", "400,000" or " 6 "; None when it is not one."""
    text = _NUMBER_SEPARATORS.sub("", str(raw or ""))
    if not re.fullmatch(r"-?[0-9]{1,15}", text):  # ASCII only: "²" and "①" are not numbers
        return None
    return int(text)


def load_choices():
    """What the form offers; four queries whatever the number of homestays."""
    villages = list(live_public(VillagePage.objects.all()).order_by(collated("title"), "pk"))
    communes = list(Commune.objects.prefetch_related("aliases").order_by(collated("name"), "pk"))
    return FinderChoices(
        villages=villages,
        communes=communes,
        amenities=list(Amenity.objects.all()),
        ethnic_groups=list(EthnicGroup.objects.all()),
    )


def _pick(items, raw, key, notice, notices):
    if raw in (None, ""):
        return None
    for item in items:
        if str(key(item)) == str(raw).strip():
            return item
    notices.append(notice)
    return None


def read_query(params, choices):
    """A FinderQuery from GET parameters, and the notices for what could not be used."""
    notices = []
    query = FinderQuery()
    query.village = _pick(
        choices.villages,
        params.get("village"),
        lambda v: v.pk,
        _("That village is not in the list; showing homestays in every village."),
        notices,
    )
    query.near = _pick(
        choices.villages,
        params.get("near"),
        lambda v: v.pk,
        _("That village is not in the list, so distances are not shown."),
        notices,
    )
    query.commune = _pick_commune(choices.communes, params.get("commune"), notices)
    query.ethnic_group = _pick(
        choices.ethnic_groups,
        params.get("ethnic_group"),
        lambda g: g.slug,
        _("That ethnic group is not in the list; showing every host."),
        notices,
    )
    query.guests = _read_guests(params.get("guests"), notices)
    query.max_price = _read_max_price(params.get("max_price"), notices)
    query.amenities = _read_amenities(params.getlist("amenity"), choices.amenities, notices)
    query.sort = _read_sort(params.get("sort"), query, notices)
    query.page = parse_number(params.get("page"))
    if query.page is None or query.page < 1:
        query.page = 1
    return query, notices


def vietnamese_slug(text):
    """slugify() that keeps đ as d: "Húc Động" → "huc-dong"."""
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


def _pick_commune(communes, raw, notices):
    """A commune by its slug, or by a former name ("huc-dong" finds today's commune)."""
    if raw in (None, ""):
        return None
    wanted = vietnamese_slug(str(raw).strip())
    for commune in communes:
        if wanted == commune.slug or wanted in {vietnamese_slug(n) for n in commune.former_names}:
            return commune
    notices.append(_("That commune is not in the list; showing every commune."))
    return None


def _read_guests(raw, notices):
    if raw in (None, ""):
        return None
    guests = parse_number(raw)
    if guests is None:
        notices.append(_("The number of guests must be a whole number; it was ignored."))
        return None
    if guests < 1:
        notices.append(_("The number of guests must be at least 1; showing places for 1."))
        return 1
    if guests > MAX_GUESTS:
        notices.append(
            _("No homestay here takes more than %(max)s guests; showing places for %(max)s.")
            % {"max": MAX_GUESTS}
        )
        return MAX_GUESTS
    return guests


def _read_max_price(raw, notices):
    if raw in (None, ""):
        return None
    price = parse_number(raw)
    if price is None:
        notices.append(_("The maximum price must be a number in dong; it was ignored."))
        return None
    if price < 0:
        notices.append(_("The maximum price cannot be negative; it was ignored."))
        return None
    return min(price, MAX_PRICE)


def _read_amenities(raws, known, notices):
    by_slug = {amenity.slug: amenity for amenity in known}
    chosen, unknown = [], []
    for raw in raws:
        slug = raw.strip()
        if slug in by_slug:
            if by_slug[slug] not in chosen:
                chosen.append(by_slug[slug])
        elif slug:
            unknown.append(slug)
    if unknown:
        notices.append(
            _("Unknown amenity %(names)s was ignored.") % {"names": ", ".join(unknown[:5])}
        )
    return chosen


def _read_sort(raw, query, notices):
    sort = (raw or "price").strip()
    if sort not in SORTS:
        notices.append(_("Results can be sorted by price, capacity or distance; sorted by price."))
        return "price"
    if sort == "distance" and query.near is None:
        query.near = query.village
        if query.near is None:
            notices.append(_("Choose a village to sort by distance from it; sorted by price."))
            return "price"
    return sort


def filter_homestays(query, choices):
    """The live, public homestays matching ``query``, sorted as asked."""
    homestays = live_public(HomestayPage.objects.all())
    if query.village:
        homestays = homestays.child_of(query.village)
    if query.commune:
        paths = [v.path for v in choices.villages if v.commune_id == query.commune.pk]
        within = Q(pk__in=[])
        for path in paths:
            within |= Q(path__startswith=path)
        homestays = homestays.filter(within)
    if query.guests:
        homestays = homestays.filter(capacity__gte=query.guests)
    if query.max_price is not None:
        homestays = homestays.filter(price_min__lte=query.max_price)
    for amenity in query.amenities:  # all selected must match
        homestays = homestays.filter(amenities=amenity)
    if query.ethnic_group:
        homestays = homestays.filter(host_ethnic_group=query.ethnic_group)
    return sort_homestays(homestays, query)


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
    query, notices = read_query(request.GET, choices)
    paginator = Paginator(with_details(filter_homestays(query, choices)), PER_PAGE)
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
        query=query, choices=choices, page_obj=page_obj, notices=notices, total=paginator.count
    )
