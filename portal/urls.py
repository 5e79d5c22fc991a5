from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import offline, views
from portal.api import build_api_router
from portal.i18n import in_every_language
from portal.sitemap import sitemap_response


@in_every_language
def sitemap_view(request):
    return sitemap_response(request)


# Outside the language prefix: admin, API, feeds, sitemap, health check, service worker.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", build_api_router().urls),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("sw.js", offline.service_worker, name="service_worker"),
]

# Each app adds its language-neutral paths (feeds, GeoJSON, embeds) with the
# ``portal_urls`` hook: a function returning a list of URL patterns.
for register_urls in hooks.get_hooks("portal_urls"):
    urlpatterns += register_urls()

# Each app adds paths under /vi/ and /en/ with ``portal_i18n_urls``.
i18n_urls = [
    path("search/", views.search, name="search"),
    path("search/suggest/", views.search_suggest, name="search_suggest"),
    path("404-preview/", views.not_found_preview, name="not_found_preview"),
    path("offline/", offline.offline_page, name="offline"),
]
for register_urls in hooks.get_hooks("portal_i18n_urls"):
    i18n_urls += register_urls()

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: /vi/… and /en/…; `/` redirects by Accept-Language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    *i18n_urls,
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
