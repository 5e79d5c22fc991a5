"""The offline page the service worker shows for pages not saved on the device, the
service worker that pre-caches it in every language, and the offline assets apps add
through the ``portal_offline_assets`` hook."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

from portal.i18n import page_url

pytestmark = pytest.mark.django_db

HEADINGS = {"vi": "Không có kết nối", "en": "No connection"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_offline_page_speaks_the_visitors_language_and_stays_out_of_search_engines(
    client, lang
):
    response = client.get(f"/{lang}/offline/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == HEADINGS[lang]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    # The list is filled on the device from its cache, by a script file (no inline script).
    assert soup.select_one("[data-offline-routes-list]") is not None
    assert any("offline-page.js" in s.get("src", "") for s in soup.select("script"))
    assert not [
        s for s in soup.select("script:not([src])") if s.get("type") != "application/ld+json"
    ]


def test_the_service_worker_precaches_the_offline_page_of_every_language(client):
    body = client.get("/sw.js").content.decode()
    pages = re.search(r"var OFFLINE_PAGES = (\{.*?\});", body).group(1)
    assert '"vi": "/vi/offline/"' in pages and '"en": "/en/offline/"' in pages
    assert 'addEventListener("install"' in body
    assert "caches.open(OFFLINE_CACHE)" in body


# What a route page needs offline besides portal's styles: listed here, not read from
# the code, so a file dropped from the routes app's registration is noticed.
ROUTE_PAGE_FILES = [
    "/static/routes/css/routes.css",
    "/static/routes/js/route-map.js",
    "/static/routes/js/offline.js",
    "/static/villages/vendor/leaflet/leaflet.js",
    "/static/villages/vendor/leaflet/leaflet.css",
]


def worker_assets(client):
    body = client.get("/sw.js").content.decode()
    return json.loads(re.search(r"var OFFLINE_ASSETS = (\[.*?\]);", body).group(1))


def saved_assets(client, route):
    soup = BeautifulSoup(client.get(page_url(route, "en")).content, "html.parser")
    return json.loads(soup.select_one("[data-offline-files]")["data-offline-files"])["assets"]


def test_the_service_worker_precaches_portals_styles_and_the_route_page_files(client):
    assets = worker_assets(client)
    assert "/static/portal/css/site.css" in assets
    assert set(ROUTE_PAGE_FILES) <= set(assets)
    assert len(assets) == len(set(assets))


def test_an_app_adds_a_file_to_the_worker_and_to_saved_routes_through_the_hook(client, test_site):
    route = test_site.route

    def guide_assets():
        return ["guides/css/guides.css", "portal/css/site.css"]  # one portal already lists

    before_worker, before_saved = worker_assets(client), saved_assets(client, route)
    with hooks.register_temporarily("portal_offline_assets", guide_assets):
        worker, saved = worker_assets(client), saved_assets(client, route)
    assert "/static/guides/css/guides.css" not in before_worker + before_saved
    for assets in (worker, saved):
        assert "/static/guides/css/guides.css" in assets
        assert assets.count("/static/portal/css/site.css") == 1
        assert set(ROUTE_PAGE_FILES) <= set(assets)


def test_the_offline_page_loads_portals_own_script_and_styles_and_no_route_files(client):
    soup = BeautifulSoup(client.get("/en/offline/").content, "html.parser")
    own = [s["src"] for s in soup.select("script[src]")] + [
        link["href"] for link in soup.select("link[rel=stylesheet]")
    ]
    assert "/static/portal/js/offline-page.js" in own
    assert "/static/portal/css/offline.css" in own
    assert not any("/routes/" in url for url in own)  # portal's page, no app's files
