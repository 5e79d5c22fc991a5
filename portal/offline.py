"""The site-wide service worker (`/sw.js`, scope "/") and the offline page it shows.

The worker is registered by an app's "save for offline" button (the routes app's, for
now), never on page load. At install it pre-caches the offline page in every public
language, the static files that page refers to, and the offline assets: portal's own
plus those apps add with the ``portal_offline_assets`` hook (a function returning a
list of static paths such as ``"routes/css/routes.css"``). Offline, it serves what
was saved in caches named ``route:<path>`` and the offline page for anything else.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail import hooks

from portal.i18n import default_language, language_codes

HOOK = "portal_offline_assets"
PORTAL_ASSETS = ("portal/css/site.css", "portal/css/offline.css", "portal/js/offline-page.js")


def offline_assets():
    """Static paths ("portal/css/site.css", …) kept for offline use: portal's first, then
    each ``portal_offline_assets`` hook's in registration order, without repeats."""
    paths = list(PORTAL_ASSETS)
    for hook in hooks.get_hooks(HOOK):
        paths.extend(path for path in hook() if path not in paths)
    return paths


def offline_asset_urls():
    """The offline assets as URLs ("/static/portal/css/site.css", …)."""
    return [static(path) for path in offline_assets()]


def offline_pages():
    """{"vi": "/vi/offline/", "en": "/en/offline/", …}: the offline page per public language."""
    pages = {}
    for code in language_codes():
        with translation.override(code):
            pages[code] = reverse("offline")
    return pages


@require_safe
def service_worker(request):
    """`/sw.js`: serves saved pages when the network is gone, and the offline page
    (pre-cached at install, in every language) for any other page (scope: the site)."""
    body = render_to_string(
        "portal/sw.js",
        {
            "version": getattr(settings, "OFFLINE_VERSION", "1"),
            "offline_pages": json.dumps(offline_pages()),
            "offline_assets": json.dumps(offline_asset_urls()),
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
    by portal/js/offline-page.js from the browser's cache)."""
    return render(request, "portal/offline_page.html")
