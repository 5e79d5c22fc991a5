"""Routes among the places: a feature type of the places GeoJSON and the map."""

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
    from villages.geojson import register_feature_type

    register_feature_type("route", _("Routes"), route_features, order=40)
