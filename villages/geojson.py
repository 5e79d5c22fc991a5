"""Places as GeoJSON (RFC 7946) for the map and for partners.

Each place type of the registry (villages/places.py) gives its features with its
``features(request)`` builder; the builders of villages, homestays and attractions are
here (registered in villages/wagtail_hooks.py). The map, the no-JavaScript list and
``/api/places.geojson?type=`` read the registry: a new place type needs no change here.
"""

from django.apps import apps

from portal.address import absolute_url
from villages.models.queries import live_public
from villages.places import place_type_names, place_types

MEDIA_TYPE = "application/geo+json"


def feature_types():
    """The place types in their order (each has ``.name``, ``.label``, ``.features``)."""
    return place_types()


def feature_type_names():
    return place_type_names()


class UnknownFeatureType(ValueError):
    pass


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
    by_name = {t.name: t for t in feature_types()}
    names = types or list(by_name)
    features = [f for name in names for f in by_name[name].features(request)]
    collection = {"type": "FeatureCollection", "features": features}
    bbox = bounding_box(features)
    if bbox:
        collection["bbox"] = bbox
    return collection


def map_places(request=None):
    """For pages without JavaScript: [(label, [feature properties…]), …] by type."""
    groups = []
    for feature_type in feature_types():
        items = [{**f["properties"], "anchor": f["id"]} for f in feature_type.features(request)]
        if items:
            groups.append((feature_type.label, items))
    return groups
