"""Computed content of place pages: homestays of a village, nearby attractions, festivals.

Each function issues a fixed number of queries, whatever the number of items.
"""

import math

from django.apps import apps
from django.db.models import Prefetch, Q

from portal.cache import cached_for_content
from portal.collation import collated
from portal.models import visibility

NEARBY_RADIUS_KM = 12
NEARBY_LIMIT = 8
VILLAGE_HOMESTAYS = 12  # on a village page; the finder lists them all


def with_image(queryset, field="image"):
    """Fetch each item's image with the item (a join) and the images' renditions in
    one more query, not one per item."""
    return queryset.select_related(field).prefetch_related(f"{field}__renditions")


def live_public(queryset):
    """Only what an anonymous visitor may see: published and not private (the view
    restrictions as a subquery, no query of their own)."""
    return visibility.live_public(queryset)


def village_snippets(village, request=None):
    """([EthnicGroup], Commune or None, its aliases read) of ``village``: cached per
    content version (any change to the village or a snippet gives a new version),
    except in a preview, whose unsaved choices must never reach the cache."""
    Commune = apps.get_model("villages", "Commune")

    def read():
        commune = None
        if village.commune_id is not None:
            aliased = Commune.objects.prefetch_related("aliases")
            commune = aliased.filter(pk=village.commune_id).first()
        return list(village.ethnic_groups.all()), commune

    if getattr(request, "is_preview", False) or village.pk is None:
        return read()
    key = f"villages:village-snippets:{village.pk}:{village.commune_id}"
    return cached_for_content(key, read)


def village_homestays(village, limit=None):
    """The village's live, public homestays, cheapest first (at most ``limit``)."""
    HomestayPage = apps.get_model("villages", "HomestayPage")
    Amenity = apps.get_model("villages", "Amenity")
    homestays = (
        live_public(HomestayPage.objects.child_of(village))
        .select_related("host_ethnic_group")
        .prefetch_related(Prefetch("amenities", queryset=Amenity.objects.all()))
        .order_by("price_min", "path")
    )
    return list(with_image(homestays[:limit] if limit is not None else homestays))


def nearby_attractions(place, exclude=None, radius_km=NEARBY_RADIUS_KM, limit=NEARBY_LIMIT):
    """(attraction, km) pairs within ``radius_km`` of ``place``, nearest first.

    Attractions tied to the place as their village are kept whatever the distance
    (they are chosen first when there are more than ``limit``), then listed in
    distance order with the others.
    """
    AttractionPage = apps.get_model("villages", "AttractionPage")
    if place.latitude is None or place.longitude is None:
        return []
    queryset = live_public(AttractionPage.objects.all()).filter(
        Q(village_id=place.pk) | Q(**around(place.latitude, place.longitude, radius_km))
    )
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    pairs = []
    for attraction in queryset:
        km = place.distance_to(attraction)
        linked = attraction.village_id == place.pk
        if linked or km <= radius_km:
            pairs.append((attraction, round(km, 1), linked))
    pairs.sort(key=lambda item: (not item[2], item[1]))
    chosen = sorted(pairs[:limit], key=lambda item: (item[1], item[0].pk))
    return [(attraction, km) for attraction, km, _linked in chosen]


def around(latitude, longitude, radius_km):
    """Lookups for the latitude/longitude box that holds every point within
    ``radius_km`` of (``latitude``, ``longitude``), degrees WGS 84: the database
    keeps only those rows, the exact distance is then computed for them alone. A
    degree of latitude is at least 110.57 km; a degree of longitude is that times the
    cosine of the latitude (taken at the box's edge nearer a pole, so wider)."""
    lat_span = radius_km / 110.57
    edge = min(abs(latitude) + lat_span, 89.0)
    lon_span = radius_km / (110.57 * math.cos(math.radians(edge)))
    return {
        "latitude__range": (latitude - lat_span, latitude + lat_span),
        "longitude__range": (longitude - lon_span, longitude + lon_span),
    }


def village_festivals(village):
    """Events held at the village, through the events app's reverse ``hosted_events``.

    villages never imports events: when that app (or the relation) is absent, nothing.
    """
    related = getattr(village, "hosted_events", None)
    if related is None:
        return []
    queryset = related.all()
    if hasattr(queryset, "live"):
        queryset = live_public(queryset)
    return list(queryset.order_by(collated("title"), "pk")[:20])


def gallery(relation):
    """A page's gallery items with their images and renditions: two queries."""
    return list(with_image(relation.all()))
