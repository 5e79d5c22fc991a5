"""Open data for partners: CORS on the data paths; no language redirects off the pages."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class PublicDataCorsMiddleware:
    """`Access-Control-Allow-Origin: *` for GET/HEAD/OPTIONS under the public data paths
    (PORTAL_CORS_PATHS, default /api/ and /feeds/). Never on pages or the admin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "PORTAL_CORS_PATHS", ("/api/", "/feeds/")))

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in SAFE_METHODS and request.path.startswith(self.prefixes):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 on a language-neutral path (API,
    feeds, embeds, admin, sitemap…) stays a 404 instead of being redirected to
    /vi/… where Wagtail's catch-all would answer with an HTML page."""

    def process_response(self, request, response):
        neutral = tuple(getattr(settings, "PORTAL_LANGUAGE_NEUTRAL_PATHS", ()))
        if response.status_code == 404 and request.path_info.startswith(neutral):
            return response
        return super().process_response(request, response)
