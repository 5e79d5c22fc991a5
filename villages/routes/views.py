"""Language-neutral downloads of a route (GPX, GeoJSON), the offline service worker
and the offline page it shows for pages not saved on the device."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from portal.i18n import default_language, language_codes, uses_query_language
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


def offline_pages():
    """{"vi": "/vi/offline/", "en": "/en/offline/", …}: the offline page per public language."""
    pages = {}
    for code in language_codes():
        with translation.override(code):
            pages[code] = reverse("routes_offline")
    return pages


@require_safe
def service_worker(request):
    """`/sw.js`: serves saved route pages when the network is gone, and the offline page
    (pre-cached at install, in every language) for any other page (scope: the site)."""
    body = render_to_string(
        "routes/sw.js",
        {
            "version": getattr(settings, "ROUTES_OFFLINE_VERSION", "1"),
            "offline_pages": json.dumps(offline_pages()),
            "default_language": json.dumps(default_language()),
            "static_prefix": json.dumps(static("")),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline_page(request):
    """`/<lang>/offline/`: "no connection", and the routes saved on this device (listed
    by routes/js/offline-page.js from the browser's cache)."""
    return render(request, "routes/offline_page.html")
