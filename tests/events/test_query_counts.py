"""Listings and feeds issue a fixed number of queries, whatever the number of events:
the same with 10 or 500 events, each with its own image, of every kind of schedule,
in every category, at villages and at attractions, with and without ethnic groups."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventCategory
from events.occurrences import Kind, Weekday
from portal.i18n import page_url
from tests.events.conftest import TODAY
from tests.factories.bulk import add_bulk_events
from tests.factories.images import make_image
from villages.models import AttractionPage, EthnicGroup, VillagePage

pytestmark = pytest.mark.django_db

INDEX = "/en/test-festivals/"  # the test site's events index (tests/factories/site.py)
URLS = [
    INDEX,
    f"{INDEX}?view=month&month=2027-02",
    f"{INDEX}?village=ban-doi-may-thu",  # the test site's first village
    f"{INDEX}?past=1",
    "/feeds/events.ics?lang=en",
    "/feeds/events.rss?lang=en",
    "/api/v2/events/?lang=en&limit=20",
    "/api/v2/events/?lang=en&limit=20&fields=*",
    "/embed/events/?lang=en&limit=20",
    "/en/",
]

KINDS = [
    {"schedule_kind": Kind.SINGLE},
    {"schedule_kind": Kind.YEARLY_SOLAR, "rule_month": 12, "rule_day": 20, "duration_days": 2},
    {"schedule_kind": Kind.YEARLY_LUNAR, "rule_month": 1, "rule_day": 15, "duration_days": 3},
    {"schedule_kind": Kind.WEEKLY, "weekday": Weekday.SATURDAY},
]


def venues():
    return list(VillagePage.objects.order_by("pk")) + list(AttractionPage.objects.order_by("pk"))


def add_events(make_event, count):
    """``count`` events published one by one, each with its own image."""
    categories = list(EventCategory.objects.order_by("pk"))
    places = venues()
    groups = list(EthnicGroup.objects.order_by("pk"))
    for n in range(count):
        page = make_event(
            title_en=f"Counted event {n}",
            slug_en=f"counted-event-{n}",
            start_date=TODAY + datetime.timedelta(days=n % 300),
            category=categories[n % len(categories)],
            venue=places[n % len(places)] if n % 3 else None,
            image=make_image(f"Counted event image {n}", 48, 30),
            **KINDS[n % len(KINDS)],
        )
        page.ethnic_groups.set(groups[: n % 3])
        page.save()


def queries(client, url):
    client.get(url)  # creates image renditions once
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def test_listings_and_feeds_keep_a_constant_query_count(
    client, frozen_today, make_event, vietnamese
):
    add_events(make_event, 10)
    with_10 = {url: queries(client, url) for url in URLS}
    add_bulk_events(10, 490, venues(), EthnicGroup.objects.order_by("pk"))
    with_500 = {url: queries(client, url) for url in URLS}
    print("\nqueries (10 events, 500 events):")
    for url in URLS:
        print(f"  {with_10[url]:3d} {with_500[url]:3d}  {url}")
    assert with_500 == with_10


def test_an_event_page_needs_few_queries(client, frozen_today, test_site):
    assert queries(client, page_url(test_site.festival, "en")) <= 40
