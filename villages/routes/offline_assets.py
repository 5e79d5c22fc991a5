"""The static files a route page needs without a connection, added to portal's offline
assets (portal/offline.py) through the ``portal_offline_assets`` hook: "save for
offline" stores them with the route, and the service worker pre-caches them.

Imported for its registration by villages/routes/display.py (loaded, through views.py,
with the URLs, so before any page or /sw.js is served).
"""

from wagtail import hooks

ROUTE_ASSETS = (
    "villages/css/places.css",
    "routes/css/routes.css",
    "villages/vendor/leaflet/leaflet.css",
    "villages/vendor/leaflet/leaflet.js",
    "villages/js/places-map.js",
    "routes/js/route-map.js",
    "routes/js/offline.js",
)


@hooks.register("portal_offline_assets")
def route_offline_assets():
    """Static paths of the route page's styles and scripts (the map's included)."""
    return list(ROUTE_ASSETS)
