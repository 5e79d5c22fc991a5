"""Open data for partners: CORS on the read-only API and feed paths."""

from django.conf import settings

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
