"""Language-neutral downloads of a route (GPX, GeoJSON).

The service worker and the offline page belong to portal (portal/offline.py).
"""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from portal.i18n import uses_query_language
from villages.models.queries import live_public
from villages.routes.display import route_stops
from villages.routes.export import route_feature, route_gpx
from villages.routes.models import RoutePage

GPX_MEDIA_TYPE = "application/gpx+xml"


def published_route(pk):
    """The live, public route ``pk`` with a track; 404 for drafts and private pages."""
    page = live_public(RoutePage.objects.filter(pk=pk)).first()
    if page is None or not page.track:
        raise Http404("No such route")
    return page


@require_safe
@uses_query_language
def route_gpx_view(request, pk):
    """`/api/routes/<id>.gpx?lang=vi|en`: GPX 1.1 with the stops as waypoints."""
    page = published_route(pk)
    body = route_gpx(page, route_stops(page, request), request)
    response = HttpResponse(body, content_type=f"{GPX_MEDIA_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug or "route"}.gpx"'
    return response


@require_safe
@uses_query_language
def route_geojson_view(request, pk):
    """`/api/routes/<id>.geojson?lang=vi|en`: the whole track as a LineString (RFC 7946)."""
    page = published_route(pk)
    body = json.dumps(route_feature(page, request), ensure_ascii=False)
    return HttpResponse(body, content_type="application/geo+json; charset=utf-8")
