"""Language-neutral paths answer the same whatever Accept-Language says.

nginx keeps one answer per URI and encoding (deploy/nginx/portal.conf): it keeps a
200 that says ``Vary: Accept-Language`` (Django's LocaleMiddleware says so on every
path outside /vi/ and /en/) for every visitor, which is right only if the body never
depends on that header. These paths take their language from ``?lang=`` (or the
site's default) and from nothing else.
"""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver
from django.urls.resolvers import LocalePrefixPattern

from tests.languages import public_languages

pytestmark = pytest.mark.django_db

# Language-neutral prefixes left out: the admin (its own nginx location, never
# cached), documents (uploaded files, no text of ours in them), the health check (its
# own location) and the service worker (Cache-Control: no-cache, never kept).
NOT_KEPT = ("admin/", "documents/", "healthz", "sw.js")


def neutral_paths(test_site):
    event, route = test_site.festival, test_site.route
    return [
        "/feeds/events.ics",
        "/feeds/events.rss",
        f"/feeds/events/{event.pk}.ics",
        "/embed/events/",
        "/api/places.geojson",
        f"/api/routes/{route.pk}.gpx",
        f"/api/routes/{route.pk}.geojson",
        "/api/v2/events/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "/api/v2/places/",
        "/sitemap.xml",
        "/robots.txt",
    ]


# Both languages in one answer (every page's URL in each language; robots.txt points
# to the sitemap): ?lang= does not apply, Content-Language names both.
MULTILINGUAL = ("/sitemap.xml", "/robots.txt")


# (Accept-Language, language cookie): what Django's LocaleMiddleware reads.
VISITORS = [
    ("vi", None),
    ("en", None),
    ("en-US,en;q=0.9", None),
    ("fr, en;q=0.5", None),
    ("vi", "en"),
    ("en", "vi"),
]


def _route_prefixes(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            continue
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver) and not route.startswith(NOT_KEPT):
            yield from _route_prefixes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern | URLResolver):
            yield route


def _without_timestamps(body):
    # An iCalendar DTSTAMP is the moment the feed was made (RFC 5545, 3.8.7.2).
    return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z\r\n", b"", body)


def test_every_language_neutral_route_is_covered_here(test_site):
    """A new path outside /vi/ and /en/ must be added to the list below (or NOT_KEPT)."""
    from portal import urls

    covered = {p.split("?")[0].lstrip("/") for p in neutral_paths(test_site)}
    covered_patterns = {re.sub(r"/\d+(?=[./])", "/<id:pk>", p) for p in covered}
    missing = []
    for route in _route_prefixes(urls.urlpatterns):
        if route.startswith(NOT_KEPT) or not route:
            continue
        route = route.replace("^", "")
        if route.startswith("api/v2/") and route.count("/") > 3:
            continue  # an endpoint's detail and find views: its listing is checked
        if route not in covered_patterns:
            missing.append(route)
    assert missing == []


@pytest.mark.parametrize("query", ["", "?lang=en", "?lang=vi"])
def test_a_language_neutral_answer_is_the_same_for_every_accept_language(client, test_site, query):
    for path in neutral_paths(test_site):
        bodies, headers = {}, {}
        for accept_language, cookie in VISITORS:
            client.cookies.clear()
            if cookie:
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
            response = client.get(path + query, HTTP_ACCEPT_LANGUAGE=accept_language)
            assert response.status_code == 200, (path + query, accept_language, cookie)
            key = (accept_language, cookie)
            bodies[key] = _without_timestamps(response.content)
            headers[key] = response["Content-Language"]
        if path in MULTILINGUAL:
            expected = {", ".join(public_languages())}
        else:
            expected = {query.removeprefix("?lang=") or public_languages()[0]}
        assert set(headers.values()) == expected, path
        assert len(set(bodies.values())) == 1, f"{path}{query} differs by Accept-Language"


@pytest.mark.parametrize(
    "path", ["/feeds/events/999999.ics", "/api/routes/999999.gpx", "/api/routes/999999.geojson"]
)
def test_a_missing_item_on_a_language_neutral_path_says_its_page_follows_accept_language(
    client, test_site, path
):
    """Its 404 page is in the visitor's language, so no cache may keep one copy for
    everyone (nginx keeps no non-200 answer that varies on Accept-Language; wagtail-cache
    none marked no-cache)."""
    english = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = client.get(path, HTTP_ACCEPT_LANGUAGE="vi")
    assert english.status_code == vietnamese.status_code == 404
    assert "Accept-Language" in english["Vary"]
    assert "no-cache" in english["Cache-Control"]  # wagtail-cache keeps it for no one
    assert (english["Content-Language"], vietnamese["Content-Language"]) == ("en", "vi")
