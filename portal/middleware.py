"""Open data for partners: CORS on the data paths; no language redirects off the pages."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from portal import params

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
            # Its page is in the visitor's language (Accept-Language, cookie), which no
            # cache's key holds (wagtail-cache served an English 404 to a Vietnamese
            # visitor; nginx keys by URI): say so, and keep it out of every cache.
            patch_vary_headers(response, ("Accept-Language",))
            patch_cache_control(response, no_cache=True)
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class QueryGuardMiddleware:
    """400 for a query parameter no path can use: control characters (NUL…) or a
    value longer than portal.params.MAX_PARAMETER_LENGTH. Runs after the locale
    middleware, so the message is in the page's language (or ``?lang=``'s on the
    language-neutral paths); JSON on /api/, plain text elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Checked once the view is known: views marked with
        ``params.lenient_parameters`` clean those parameters themselves."""
        lenient = getattr(view_func, "lenient_parameters", frozenset())
        for name, values in request.GET.lists():
            if name in lenient:
                continue
            for value in values:
                if params.parameter_problem(name, value):
                    with translation.override(self._language(request)):
                        message = params.parameter_problem(name, value)
                        return params.bad_parameter_response(request, message)
        return None

    @staticmethod
    def _language(request):
        """The path's language on pages; ``?lang=`` (when known) on the other paths."""
        code = request.GET.get("lang", "")
        known = [c for c, _name in settings.LANGUAGES]
        if code in known and not translation.get_language_from_path(request.path_info):
            return code
        return translation.get_language()


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's policy (CONTENT_SECURITY_POLICY) with two path-based changes:

    * PORTAL_CSP_EMBED_PATHS (/embed/): ``frame-ancestors *`` — partners frame it;
      its style is a linked stylesheet (events/static/events/embed.css), so the
      strict ``style-src 'self'`` holds there too;
    * PORTAL_CSP_ADMIN_PATHS (/admin/): PORTAL_CSP_ADMIN_REPLACE — Wagtail's editor
      uses inline styles and scripts and shows previews in same-origin frames.

    A response that already has a policy keeps it: Wagtail serves documents with
    ``default-src 'none'`` (and, here, always as attachments).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        path = request.path_info
        replace = dict(parts.replace or {})
        if path.startswith(tuple(getattr(settings, "PORTAL_CSP_EMBED_PATHS", ()))):
            replace["frame-ancestors"] = ["*"]
        elif path.startswith(tuple(getattr(settings, "PORTAL_CSP_ADMIN_PATHS", ()))):
            replace.update(getattr(settings, "PORTAL_CSP_ADMIN_REPLACE", {}))
        parts.replace = replace or None
        return parts
