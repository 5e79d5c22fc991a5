"""Routes among the places: a feature type of the places GeoJSON (and so of the map),
and a place type of /api/v2/places/ with each route's ``gpx_url``."""

from django.utils.translation import gettext_lazy as _

from villages.models.queries import live_public


def route_features(request):
    from villages.routes.export import route_feature
    from villages.routes.models import RoutePage

    pages = live_public(RoutePage.objects.exclude(line=[])).defer("track", "profile")
    for page in pages.order_by("path"):
        if page.line:
            yield route_feature(page, request, simplified=True)


def register():
    from villages.api import register_place_type
    from villages.geojson import register_feature_type
    from villages.routes.models import RoutePage
    from villages.routes.serializers import GpxUrlField

    register_feature_type("route", _("Routes"), route_features, order=40)
    register_place_type("route", RoutePage, {"gpx_url": GpxUrlField()})
