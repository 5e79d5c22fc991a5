"""Listings and feeds issue a fixed number of queries, whatever the number of events."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventCategory
from events.occurrences import Kind, Weekday
from portal.demo.images import demo_image
from tests.events.conftest import TODAY
from villages.models import AttractionPage, EthnicGroup, VillagePage

pytestmark = pytest.mark.django_db

URLS = [
    "/en/festivals/",
    "/en/festivals/?view=month&month=2027-02",
    "/en/festivals/?village=luc-ngu",
    "/en/festivals/?past=1",
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


def add_events(make_event, start, count):
    categories = list(EventCategory.objects.all())
    venues = list(VillagePage.objects.all()) + list(AttractionPage.objects.all())
    groups = list(EthnicGroup.objects.all())
    image = demo_image("query-count", "Query count test image", "mist")
    for n in range(start, start + count):
        page = make_event(
            title_en=f"Counted event {n}",
            slug_en=f"counted-event-{n}",
            start_date=TODAY + datetime.timedelta(days=n % 300),
            category=categories[n % len(categories)],
            venue=venues[n % len(venues)] if n % 3 else None,
            image=image if n % 2 else None,
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


def test_listings_and_feeds_keep_a_constant_query_count(client, frozen_today, make_event):
    add_events(make_event, 0, 10)
    with_10 = {url: queries(client, url) for url in URLS}
    add_events(make_event, 10, 90)
    with_100 = {url: queries(client, url) for url in URLS}
    print("\nqueries (10 events, 100 events):")
    for url in URLS:
        print(f"  {with_10[url]:3d} {with_100[url]:3d}  {url}")
    assert with_100 == with_10


def test_an_event_page_needs_few_queries(client, frozen_today):
    url = "/en/festivals/soong-co-singing-festival/"
    assert queries(client, url) <= 40
