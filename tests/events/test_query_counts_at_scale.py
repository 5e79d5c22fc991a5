"""Every events page and endpoint costs the same number of SQL queries with 10 or 500
events (each with an image and its renditions); the feeds, the API and the embed at
most 15. (The HTML pages add the site's own per-page queries: menus, settings, view
restrictions of the page served; see the report printed with -s.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import listing
from events.models import EventPage
from portal.i18n import page_url
from tests.factories.bulk import add_bulk_events
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
INDEX = "/en/test-festivals/"  # the test site's events index (tests/factories/site.py)
ENDPOINTS = ("/feeds/", "/api/", "/embed/")


def add_bench_events(start, count):
    """``count`` sample events (given dates, yearly solar and lunar rules, weekly
    markets) at the test site's villages, each with its own image, inserted in bulk
    with their stored occurrences."""
    return add_bulk_events(start, count, list(VillagePage.objects.live().order_by("pk")))


def urls(event, village):
    return [
        "/en/",
        INDEX,
        f"{INDEX}?view=month&month=2027-02",
        f"{INDEX}?past=1",
        page_url(event, "en"),
        "/feeds/events.ics?lang=en",
        "/feeds/events.rss?lang=en",
        "/api/v2/events/?lang=en",
        "/api/v2/events/?lang=en&fields=*",
        "/embed/events/?lang=en&limit=20",
        page_url(village, "en"),
    ]


def count_queries(client, url):
    client.get(url)  # the first request draws the image renditions
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def test_events_pages_cost_the_same_queries_with_10_or_500_events(
    client, frozen_today, monkeypatch
):
    monkeypatch.setattr(listing, "HORIZON_SECONDS", 3600)  # read once, as in production
    first = add_bench_events(0, 10)
    village = first[0].venue
    urls_shown = urls(first[0], village)
    with_10 = {url: count_queries(client, url) for url in urls_shown}
    add_bench_events(10, 490)
    assert EventPage.objects.live().filter(venue=village).count() > 20  # a long list
    with_500 = {url: count_queries(client, url) for url in urls_shown}
    print("\nqueries (10 events, 500 events):")
    for url in urls_shown:
        print(f"  {with_10[url]:3d} {with_500[url]:3d}  {url}")
    assert with_500 == with_10
    endpoints = {url: n for url, n in with_500.items() if url.startswith(ENDPOINTS)}
    assert len(endpoints) == 5
    assert max(endpoints.values()) <= MAX_QUERIES
