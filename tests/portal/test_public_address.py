"""Every absolute URL the portal writes is on its public address (PORTAL_BASE_URL),
whatever host the request came in on, and every language-aware response says its
language in Content-Language."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Site

from portal.address import BASE_URL_SETTINGS, sync_site
from portal.i18n import page_url
from tests.factories import add_page

PUBLIC = "http://portal.example:8100"
WEBCAL = "webcal://portal.example:8100/"
URL = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\]+""")
# Addresses of other sites the portal rightly links to (vocabularies, calendars…).
ELSEWHERE = (
    "https://schema.org",
    "http://www.sitemaps.org",
    "http://www.w3.org",
    "https://www.w3.org",
    "http://www.topografix.com",
    "https://calendar.google.com",
    "https://www.google.com",
    "http://backend.userland.com",
    "http://purl.org",
    "https://www.facebook.com",
    "https://www.openstreetmap.org",
    "https://tile.openstreetmap.org",
    "https://zalo.me",
    "https://example.org",
)


@pytest.fixture
def served_elsewhere(db):
    """The portal published on http://portal.example:8100 while requests reach it as
    http://testserver (a proxy in front, or a second instance)."""
    with override_settings(**dict.fromkeys(BASE_URL_SETTINGS, PUBLIC)):
        sync_site()
        yield PUBLIC


def urls_in(text):
    return [u.rstrip(".,;)") for u in URL.findall(text)]


def own_urls(text):
    return [u for u in urls_in(text) if not u.startswith(ELSEWHERE)]


def api_urls(test_site):
    """Paths of the JSON API answers partners read: listings and one detail of each."""
    event, village = test_site.event, test_site.village
    return [
        "/api/v2/pages/?lang=en",
        f"/api/v2/pages/{village.pk}/?lang=en",
        "/api/v2/events/?lang=en",
        f"/api/v2/events/{event.pk}/?lang=en",
        "/api/v2/places/?lang=en",
        "/api/v2/places/?lang=en&type=homestay",
        f"/api/v2/places/{village.pk}/?lang=en",
        "/api/v2/images/?lang=en",
    ]


def string_values(data, key=""):
    """(key, value) of every string in a JSON document, keys of nested values included."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from string_values(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from string_values(value, key)
    elif isinstance(data, str):
        yield key, data


def test_every_url_in_the_api_is_absolute_and_on_the_public_address(
    client, served_elsewhere, test_site
):
    checked = 0
    for path in api_urls(test_site):
        response = client.get(path)
        assert response.status_code == 200, path
        for key, value in string_values(response.json()):
            if key == "url" or key.endswith("_url") or value.startswith("/"):
                assert value.startswith(f"{PUBLIC}/"), (path, key, value)
                checked += 1
    assert checked > 50


def test_api_image_renditions_are_absolute(client, served_elsewhere):
    data = client.get("/api/v2/places/?lang=vi&type=village").json()
    thumbnails = [item["thumbnail"] for item in data["items"] if item["thumbnail"]]
    assert thumbnails
    for thumbnail in thumbnails:
        assert thumbnail["url"].startswith(f"{PUBLIC}/media/images/"), thumbnail
        assert thumbnail["full_url"] == thumbnail["url"]
    event = client.get("/api/v2/events/?lang=en").json()["items"][0]
    assert event["image_thumbnail"]["url"].startswith(f"{PUBLIC}/media/images/")


def test_api_parent_links_point_at_the_public_address(client, served_elsewhere, test_site):
    homestay = test_site.homestay
    meta = client.get(f"/api/v2/pages/{homestay.pk}/?lang=en").json()["meta"]
    assert meta["html_url"].startswith(f"{PUBLIC}/en/")
    assert meta["parent"]["meta"]["html_url"].startswith(f"{PUBLIC}/en/")
    assert meta["parent"]["meta"]["detail_url"].startswith(f"{PUBLIC}/api/v2/")


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/events.ics?lang=en",
        "/feeds/events.rss?lang=en",
        "/sitemap.xml",
        "/robots.txt",
        "/api/places.geojson?lang=en",
        "/embed/events/?lang=en",
    ],
)
def test_feeds_sitemap_and_robots_use_the_public_address(client, served_elsewhere, path):
    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode().replace("\r\n ", "")  # iCalendar folds long lines
    found = own_urls(text)
    assert found, path
    wrong = [u for u in found if not u.startswith((f"{PUBLIC}/", WEBCAL))]
    assert wrong == []


def test_route_downloads_use_the_public_address(client, served_elsewhere, test_site):
    route = test_site.route
    assert route.has_track
    for suffix in ("gpx", "geojson"):
        text = client.get(f"/api/routes/{route.pk}.{suffix}?lang=en").content.decode()
        found = own_urls(text)
        assert found and all(u.startswith(f"{PUBLIC}/") for u in found), (suffix, found)


def page_head_urls(html):
    """Canonical, alternates, Open Graph and every URL inside JSON-LD of a page."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.select("link[rel=canonical], link[hreflang]")]
    urls += [
        m["content"] for m in soup.select('meta[property="og:url"], meta[property="og:image"]')
    ]
    for script in soup.select('script[type="application/ld+json"]'):
        urls += own_urls(json.dumps(json.loads(script.string)))
    return urls


@pytest.mark.parametrize("name", ["village", "homestay", "peak", "route", "event", "about"])
def test_page_heads_and_json_ld_use_the_public_address(client, served_elsewhere, test_site, name):
    page = getattr(test_site, name)
    model = type(page)
    for language in ("vi", "en"):
        response = client.get(page_url(page, language))
        assert response.status_code == 200
        html = response.content.decode()
        urls = page_head_urls(html)
        assert len(urls) >= 5, (model, language, urls)
        assert [u for u in urls if not u.startswith(f"{PUBLIC}/")] == []
        elsewhere = [u for u in own_urls(html) if not u.startswith((PUBLIC, WEBCAL))]
        assert elsewhere == []


def test_partners_page_shows_the_public_address(client, served_elsewhere, test_site):
    page = add_page(test_site.about, body=[("partner_addresses", None)])
    for language in ("vi", "en"):
        html = client.get(page_url(page, language)).content.decode()
        section = BeautifulSoup(html, "html.parser").select_one("main section.partner-addresses")
        text = str(section)
        assert f"{PUBLIC}/feeds/events.ics?lang={language}" in text
        assert f"{WEBCAL}feeds/events.ics?lang={language}" in text
        assert f"{PUBLIC}/embed/events/?lang={language}" in text
        assert "127.0.0.1" not in html and "//testserver" not in html


def test_the_site_record_follows_the_public_address(db):
    with override_settings(**dict.fromkeys(BASE_URL_SETTINGS, "https://dulich.example")):
        assert sync_site() is True
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port) == ("dulich.example", 443)
        assert site.root_url == "https://dulich.example"
        assert sync_site() is False


LANGUAGE_AWARE = [
    "/api/v2/pages/",
    "/api/v2/events/",
    "/api/v2/places/",
    "/api/places.geojson",
    "/feeds/events.ics",
    "/feeds/events.rss",
    "/embed/events/",
]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_content_language_is_the_language_asked_for(client, test_site, language):
    route = test_site.route
    event = test_site.event
    paths = LANGUAGE_AWARE + [
        f"/api/v2/events/{event.pk}/",
        f"/api/routes/{route.pk}.gpx",
        f"/api/routes/{route.pk}.geojson",
        f"/feeds/events/{event.pk}.ics",
    ]
    for path in paths:
        response = client.get(f"{path}?lang={language}")
        assert response.status_code == 200, path
        assert response["Content-Language"] == language, path
