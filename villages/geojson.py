"""Places as GeoJSON (RFC 7946) for the map and for partners.

Each place type of the registry (villages/places.py) gives its features with its
``features(request)`` builder; the builders of villages, homestays and attractions are
here (registered in villages/wagtail_hooks.py). The map, the no-JavaScript list and
``/api/places.geojson?type=&bbox=`` read the registry: a new place type needs no change
here. A builder that also takes ``bbox`` (a :class:`BoundingBox`) filters in its query,
and one that takes ``limit`` stops there in its query; any other builder's features
are filtered by position and cut afterwards. The map page lists the first
``MAP_LIST_LIMIT`` places of each type and links to the page that lists them all.
"""

import functools
import inspect
import re
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page, Site

from portal.address import absolute_url
from portal.params import parse_id, parse_int
from villages.models.queries import live_public
from villages.places import place_type_names, place_types

MEDIA_TYPE = "application/geo+json"
# Places of one type listed on the map page; past it, a link to the page listing all.
MAP_LIST_LIMIT = 40
# Features of one type the map draws at once; a type with more is loaded again for
# the visible area after each move (places-map.js).
MAP_FEATURES_PER_TYPE = 500


def feature_types():
    """The place types in their order (each has ``.name``, ``.label``, ``.features``)."""
    return place_types()


def feature_type_names():
    return place_type_names()


class UnknownFeatureType(ValueError):
    pass


class InvalidBoundingBox(ValueError):
    """``?bbox=`` is not four decimal degrees west,south,east,north within range."""


_DEGREES = re.compile(r"^[+-]?([0-9]{1,3}(\.[0-9]{1,15})?|\.[0-9]{1,15})$")


class BoundingBox(NamedTuple):
    """RFC 7946 §5 bounding box in WGS 84 decimal degrees: [west, south, east, north].

    ``west > east`` is a box that crosses the antimeridian (§5.2)."""

    west: float
    south: float
    east: float
    north: float

    def _lon_within(self, lon):
        if self.west <= self.east:
            return self.west <= lon <= self.east
        return lon >= self.west or lon <= self.east

    def contains(self, lon, lat):
        return self.south <= lat <= self.north and self._lon_within(lon)

    def intersects(self, positions):
        """True when the extent of ``positions`` ([[lon, lat], …]) overlaps this box."""
        if not positions:
            return False
        lons = [p[0] for p in positions]
        lats = [p[1] for p in positions]
        if max(lats) < self.south or min(lats) > self.north:
            return False
        if self.west <= self.east:
            return not (max(lons) < self.west or min(lons) > self.east)
        return max(lons) >= self.west or min(lons) <= self.east

    def as_q(self, latitude="latitude", longitude="longitude"):
        """The box as a filter on a page's latitude/longitude fields."""
        lat = Q(**{f"{latitude}__gte": self.south, f"{latitude}__lte": self.north})
        if self.west <= self.east:
            return lat & Q(**{f"{longitude}__gte": self.west, f"{longitude}__lte": self.east})
        return lat & (Q(**{f"{longitude}__gte": self.west}) | Q(**{f"{longitude}__lte": self.east}))


def parse_bbox(raw):
    """``"107.3,21.4,107.6,21.7"`` → :class:`BoundingBox`; None when empty.

    Raises :class:`InvalidBoundingBox` for anything but four plain decimal numbers
    (longitudes in [-180, 180], latitudes in [-90, 90], south ≤ north).
    """
    if raw is None or not raw.strip():
        return None
    parts = [part.strip() for part in raw.split(",")]
    if len(parts) != 4 or not all(_DEGREES.match(part) for part in parts):
        raise InvalidBoundingBox(raw)
    box = BoundingBox(*(float(part) for part in parts))
    lons_ok = all(-180 <= v <= 180 for v in (box.west, box.east))
    lats_ok = all(-90 <= v <= 90 for v in (box.south, box.north))
    if not (lons_ok and lats_ok and box.south <= box.north):
        raise InvalidBoundingBox(raw)
    return box


def within(pages, bbox):
    """``pages`` (a queryset of places with latitude/longitude) inside ``bbox`` (or all)."""
    return pages if bbox is None else pages.filter(bbox.as_q())


def parse_types(raw):
    """Type names from "village,homestay" (or a list); every known type when empty."""
    if isinstance(raw, str):
        raw = [raw]
    names = [part.strip() for value in raw or [] for part in value.split(",") if part.strip()]
    known = feature_type_names()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownFeatureType(", ".join(unknown))
    return names or known


def point_feature(page, kind, request, extra=None):
    """A Point feature for a place page: [lon, lat], translated name, type and URL."""
    url = absolute_url(page.get_url(request))
    return {
        "type": "Feature",
        "id": f"{kind}-{page.pk}",
        "geometry": {
            "type": "Point",
            "coordinates": [round(page.longitude, 6), round(page.latitude, 6)],
        },
        "properties": {
            "name": page.title,
            "type": kind,
            "url": url,
            "is_sample": page.is_sample,
            **(extra or {}),
        },
    }


def village_features(request, bbox=None, limit=None):
    VillagePage = apps.get_model("villages", "VillagePage")
    for page in within(live_public(VillagePage.objects.all()), bbox).order_by("path")[:limit]:
        yield point_feature(page, "village", request)


def homestay_features(request, bbox=None, limit=None):
    HomestayPage = apps.get_model("villages", "HomestayPage")
    for page in within(live_public(HomestayPage.objects.all()), bbox).order_by("path")[:limit]:
        yield point_feature(
            page,
            "homestay",
            request,
            {"capacity": page.capacity, "price_min": page.price_min},
        )


def attraction_features(request, bbox=None, limit=None):
    AttractionPage = apps.get_model("villages", "AttractionPage")
    for page in within(live_public(AttractionPage.objects.all()), bbox).order_by("path")[:limit]:
        yield point_feature(
            page,
            "attraction",
            request,
            {"kind": page.kind, "kind_label": str(page.get_kind_display())},
        )


def _positions(geometry):
    """Every [lon, lat] position of a geometry, whatever its type."""
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "Point":
        return [coordinates]
    stack, positions = [coordinates], []
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], int | float):
            positions.append(item)
        elif item:
            stack.extend(item)
    return positions


def bounding_box(features):
    """[west, south, east, north] of the features, or None when there are none."""
    positions = [p for f in features for p in _positions(f["geometry"])]
    if not positions:
        return None
    lons = [p[0] for p in positions]
    lats = [p[1] for p in positions]
    return [min(lons), min(lats), max(lons), max(lats)]


@functools.cache
def _takes(builder, name):
    """Whether a features builder accepts the argument ``name`` (read once per builder)."""
    return name in inspect.signature(builder).parameters


def _features(place_type, request, bbox, limit=None):
    """The type's features, inside ``bbox`` when one is given, the first ``limit`` when
    given. Builders that take ``bbox`` (or ``limit``) apply it in their query; the
    others' features are filtered (or cut) here."""
    builder = place_type.features
    kwargs = {}
    if bbox is not None and _takes(builder, "bbox"):
        kwargs["bbox"] = bbox
    if limit is not None and _takes(builder, "limit") and (bbox is None or kwargs):
        kwargs["limit"] = limit
    found = builder(request, **kwargs)
    if bbox is not None and "bbox" not in kwargs:
        found = (f for f in found if bbox.intersects(_positions(f["geometry"])))
    return list(islice(found, limit))


def feature_page(request=None, types=None, bbox=None, limit=None, offset=0):
    """(features, more): the features of the given types (all when None), in the
    registry's order, inside ``bbox`` if given; with ``limit``, only ``limit`` of them
    from ``offset`` on, and ``more`` True when there are more after them (no builder
    is asked for more than ``offset + limit + 1`` features)."""
    by_name = {t.name: t for t in feature_types()}
    names = types or list(by_name)
    if limit is None:
        return [f for name in names for f in _features(by_name[name], request, bbox)], False
    wanted = offset + limit + 1
    features = []
    for name in names:
        features.extend(_features(by_name[name], request, bbox, wanted - len(features)))
        if len(features) >= wanted:
            break
    return features[offset : offset + limit], len(features) > offset + limit


def collection_of(features):
    """``features`` as a FeatureCollection, with their ``bbox`` when they have one."""
    collection = {"type": "FeatureCollection", "features": features}
    box = bounding_box(features)
    if box:
        collection["bbox"] = box
    return collection


def feature_collection(request=None, types=None, bbox=None):
    """A FeatureCollection of the given feature types (all when None), only the
    features that have a position inside ``bbox`` (a :class:`BoundingBox`) if given."""
    return collection_of(feature_page(request, types, bbox)[0])


class InvalidPaging(ValueError):
    """``?limit=`` or ``?offset=`` is not a whole number in range."""


class OffsetWithoutLimit(InvalidPaging):
    """``?offset=`` above 0 without ``?limit=``: which page is meant is unknown."""


MAX_LIMIT = 5000
MAX_OFFSET = 10_000_000


def parse_paging(limit, offset):
    """(limit or None, offset) from the raw ``?limit=`` and ``?offset=`` values:
    limit 1–MAX_LIMIT, offset 0–MAX_OFFSET (0 when empty; above 0 only with a limit).
    Raises :class:`InvalidPaging` (:class:`OffsetWithoutLimit` for the latter)."""

    def whole(raw, low, high):
        if raw is None or not raw.strip():
            return None
        try:
            return parse_int(raw, low, high)
        except ValueError as exc:
            raise InvalidPaging(raw) from exc

    limit, offset = whole(limit, 1, MAX_LIMIT), whole(offset, 0, MAX_OFFSET)
    if offset and limit is None:
        raise OffsetWithoutLimit(offset)
    return limit, offset or 0


@dataclass
class MapPlaces:
    """One place type's section of the map page's list: its first ``items`` (feature
    properties with an ``anchor``), and when there are more, ``more`` is True and
    ``listing`` the live page that lists them all (None if the site has none)."""

    label: str
    items: list
    more: bool = False
    listing: object = None


def place_feature(request, reference):
    """The feature of the live, public place named by ``reference`` (``"homestay-12"``:
    a place type's name and a page id, as a feature's ``id``), or None when it names
    none. Built by its type's builder inside a small box around the place."""
    name, _dash, raw_id = (reference or "").rpartition("-")
    page_id = parse_id(raw_id)
    place_type = next((t for t in feature_types() if t.name == name), None)
    if page_id is None or place_type is None:
        return None
    page = live_public(place_type.model_class.objects.filter(pk=page_id)).first()
    lat, lon = getattr(page, "latitude", None), getattr(page, "longitude", None)
    if lat is None or lon is None:
        return None
    near = BoundingBox(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001)
    wanted = f"{name}-{page_id}"
    return next((f for f in _features(place_type, request, near) if f["id"] == wanted), None)


def map_places(request=None, limit=None, focus=None):
    """For pages without JavaScript: [:class:`MapPlaces`, …], one per place type that
    has places, in the registry's order, each with at most ``limit`` items, plus
    ``focus`` (a feature, see :func:`place_feature`) first in its type's list if it is
    not among them (queries: one per type, and one for the listing pages, whatever
    the number of places)."""
    limit = MAP_LIST_LIMIT if limit is None else limit
    groups = {}
    for feature_type in feature_types():
        features = _features(feature_type, request, None, limit + 1)
        if features:
            shown = features[:limit]
            ours = focus and focus["properties"]["type"] == feature_type.name
            if ours and all(f["id"] != focus["id"] for f in shown):
                shown = [focus, *shown][:limit]
            items = [{**f["properties"], "anchor": f["id"]} for f in shown]
            groups[feature_type] = MapPlaces(feature_type.label, items, len(features) > limit)
    # Read for every type, crowded or not: the same queries with 10 or 10,000 places.
    for feature_type, page in listing_pages(list(groups), request).items():
        if groups[feature_type].more:
            groups[feature_type].listing = page
    return list(groups.values())


def listing_pages(place_types, request=None):
    """{place type: the first live, public page of its ``listed_on`` model, on the
    request's site when there is one}, in one query (types without ``listed_on``, or
    whose page does not exist, are left out)."""
    models = {t: t.listed_on_class for t in place_types if t.listed_on}
    if not models:
        return {}
    pages = Page.objects.type(*models.values())
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    found = {}
    for page in live_public(pages).order_by("path"):
        for place_type, model in models.items():
            if place_type not in found and issubclass(page.specific_class, model):
                found[place_type] = page
    return found
