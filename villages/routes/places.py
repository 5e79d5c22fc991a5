"""Routes among the places (villages/places.py): a feature type of the places GeoJSON
(and so of the map), and a place type of /api/v2/places/ with each route's ``gpx_url``.
Registered by the ``register_place_types`` hook in villages/routes/wagtail_hooks.py."""

from itertools import islice

from django.utils.translation import gettext_lazy as _

from villages.models.queries import live_public
from villages.places import PlaceType


def route_features(request, bbox=None, limit=None):
    """The simplified line of every live public route (with ``bbox``: those whose extent
    overlaps it; ``line`` holds [lat, lon, metres] points), the first ``limit`` if given."""
    from villages.routes.export import route_feature
    from villages.routes.models import RoutePage

    pages = live_public(RoutePage.objects.exclude(line=[])).defer("track", "profile")
    pages = pages.order_by("path")
    if bbox is None:
        pages = pages[:limit]
    found = (
        page
        for page in pages
        if page.line and (bbox is None or bbox.intersects([(p[1], p[0]) for p in page.line]))
    )
    for page in islice(found, limit):
        yield route_feature(page, request, simplified=True)


def route_place_type():
    from villages.routes.serializers import GpxUrlField

    return PlaceType(
        name="route",
        model="routes.RoutePage",
        label=_("Routes"),
        features=route_features,
        api_fields={"gpx_url": GpxUrlField()},
        order=40,
        colour="#8a4b08",
        listed_on="routes.RouteIndexPage",
    )
