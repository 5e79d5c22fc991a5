"""Places as GeoJSON (RFC 7946) for the map and for partners.

Each kind of place is a *feature type*: a name, a label and a function that yields
the features of that type. Other modules (routes) add their own with
``register_feature_type("route", label, builder)``; the map, the no-JavaScript list
and ``/api/places.geojson?type=`` pick them up without a change here.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from portal.address import absolute_url
from villages.models.queries import live_public

MEDIA_TYPE = "application/geo+json"


@dataclass(frozen=True)
class FeatureType:
    name: str
    label: str
    builder: object  # callable(request) -> iterable of GeoJSON Feature dicts
    order: int = 100


_FEATURE_TYPES = {}


def register_feature_type(name, label, builder, order=100):
    """Add (or replace) the feature type ``name``; ``builder(request)`` yields features."""
    _FEATURE_TYPES[name] = FeatureType(name, label, builder, order)


def feature_types():
    return sorted(_FEATURE_TYPES.values(), key=lambda t: t.order)


def feature_type_names():
    return [t.name for t in feature_types()]


class UnknownFeatureType(ValueError):
    pass


def parse_types(raw):
    """Type names from "village,homestay" (or a list); every known type when empty."""
    if isinstance(raw, str):
        raw = [raw]
    names = [part.strip() for value in raw or [] for part in value.split(",") if part.strip()]
    unknown = [name for name in names if name not in _FEATURE_TYPES]
    if unknown:
        raise UnknownFeatureType(", ".join(unknown))
    return names or feature_type_names()


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


def village_features(request):
    VillagePage = apps.get_model("villages", "VillagePage")
    for page in live_public(VillagePage.objects.all()).order_by("path"):
        yield point_feature(page, "village", request)


def homestay_features(request):
    HomestayPage = apps.get_model("villages", "HomestayPage")
    for page in live_public(HomestayPage.objects.all()).order_by("path"):
        yield point_feature(
            page,
            "homestay",
            request,
            {"capacity": page.capacity, "price_min": page.price_min},
        )


def attraction_features(request):
    AttractionPage = apps.get_model("villages", "AttractionPage")
    for page in live_public(AttractionPage.objects.all()).order_by("path"):
        yield point_feature(
            page,
            "attraction",
            request,
            {"kind": page.kind, "kind_label": str(page.get_kind_display())},
        )


register_feature_type("village", _("Villages"), village_features, order=10)
register_feature_type("homestay", _("Homestays"), homestay_features, order=20)
register_feature_type("attraction", _("Attractions"), attraction_features, order=30)


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


def feature_collection(request=None, types=None):
    """A FeatureCollection of the given feature types (all when None)."""
    names = types or feature_type_names()
    features = [f for name in names for f in _FEATURE_TYPES[name].builder(request)]
    collection = {"type": "FeatureCollection", "features": features}
    bbox = bounding_box(features)
    if bbox:
        collection["bbox"] = bbox
    return collection


def map_places(request=None):
    """For pages without JavaScript: [(label, [feature properties…]), …] by type."""
    groups = []
    for feature_type in feature_types():
        items = [{**f["properties"], "anchor": f["id"]} for f in feature_type.builder(request)]
        if items:
            groups.append((feature_type.label, items))
    return groups
