"""SQL queries per public page (issue 16): a visitor's request costs at most
QUERY_BUDGET (15) queries on every page type in both languages, and the same number
with 10 or 500 items listed, each item with an image of its own (so a rendition
query per item would show).

The items are built here, once for the module, in bulk, on top of the test site,
inside a transaction rolled back after the module: villages (found by search),
homestays in the test site's village, attractions and events held at that village,
routes, the stops of a route, the photos of an attraction, of a homestay and of the
village, and menu pages. Every
item's title carries a marker (``ZQV0007``…) so the test checks that the page
really lists them. Counts are taken on the second request: the first may fill
caches that are shared by the whole process (Wagtail's site root paths, renditions).
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import EventPage
from events.models.occurrence import current_horizon, fill
from events.occurrences import Kind
from portal.i18n import page_url
from portal.models import StandardPage
from tests.factories import rolled_back
from tests.factories.bulk import bulk_children, bulk_inline
from tests.factories.events import add_event
from tests.factories.places import add_homestay
from tests.factories.routes import DEFAULT_ENDS, add_route, straight_track
from tests.factories.site import TestSite
from villages.models import (
    AttractionGalleryImage,
    AttractionKind,
    AttractionPage,
    HomestayPage,
    HomestayPhoto,
    VillageGalleryImage,
    VillagePage,
)
from villages.routes.models import RoutePage, RouteStop
from villages.routes.track import track_fields

pytestmark = pytest.mark.django_db

SIZES = (10, 500)
LANGUAGES = ("vi", "en")
QUERY_BUDGET = 15

SEARCH_WORD = "zanthor"
MARKER = re.compile(r"ZQ[VHAERGP]\d{4}")  # an item's marker, menu pages aside
TODAY = datetime.date.today()
MONTH = (TODAY + datetime.timedelta(days=20)).strftime("%Y-%m")


def _urls(items, language):
    """{name: path} of one page of every public page type (and the calendar's and
    the finder's other views)."""
    site = items.site

    def url(page, query=""):
        return page_url(page, language) + query

    return {
        "home": f"/{language}/",
        "standard": url(site.about),
        "trip": url(site.trip),
        "villages": url(site.villages),
        "village": url(site.village),
        "homestay": url(items.homestay_page),
        "attractions": url(site.attractions),
        "attraction": url(site.peak),
        "map": url(site.map),
        "finder": url(site.finder),
        "finder-page-2": url(site.finder, "?page=2"),
        "routes": url(site.routes),
        "route": url(items.route_page),
        "events": url(site.events),
        "events-month": url(site.events, f"?view=month&month={MONTH}"),
        "events-past": url(site.events, "?past=1"),
        "event": url(items.event_page),
        "numbers": url(site.numbers),
        "search": f"/{language}/search/?q={SEARCH_WORD}",
    }


# Pages that list the generated items (their markers must show at both sizes).
LISTING = {
    "home",
    "villages",
    "village",
    "homestay",
    "attractions",
    "attraction",
    "map",
    "finder",
    "routes",
    "route",
    "events",
    "events-month",
    "events-past",
    "search",
}


class Items:
    """Grows the generated items, of every kind, to a given number."""

    def __init__(self, site):
        self.site = site
        self.count = 0
        # Pages as staff make them: a homestay with photos, an event held at a
        # village, a route stopping at a village and at attractions.
        self.homestay_page = add_homestay(
            site.village,
            host_ethnic_group=site.group("san-chi"),
            amenities=[site.amenity("wifi"), site.amenity("meals")],
        )
        self.route_page = add_route(site.routes, stops=[site.village])
        self.event_page = add_event(
            site.events, category=site.category("festival"), venue=site.village
        )
        self.track = track_fields(straight_track(*DEFAULT_ENDS), "walk", "bulk-test.gpx")

    def grow_to(self, size):
        numbers = range(self.count, size)
        site = self.site
        village, peak, route = site.village, site.peak, self.route_page
        bulk_children(
            site.villages, VillagePage, numbers, self.village, m2m=["ethnic_groups"], search=True
        )
        bulk_children(village, HomestayPage, numbers, self.homestay, m2m=["amenities"])
        attractions = bulk_children(site.attractions, AttractionPage, numbers, self.attraction)
        events = bulk_children(site.events, EventPage, numbers, self.event)
        fill(events, current_horizon())
        bulk_children(site.routes, RoutePage, numbers, self.route)
        RouteStop.objects.bulk_create(
            RouteStop(page=route, place=place, sort_order=10 + n)
            for n, place in zip(numbers, attractions, strict=True)
        )
        bulk_inline(AttractionGalleryImage, peak, numbers, caption=lambda n: f"Ảnh ZQG{n:04d}")
        bulk_inline(HomestayPhoto, self.homestay_page, numbers, caption=lambda n: f"Ảnh ZQP{n:04d}")
        bulk_inline(VillageGalleryImage, village, numbers, caption=lambda n: f"Ảnh ZQG{n:04d}")
        bulk_children(site.home, StandardPage, numbers, self.menu_page, with_image=False)
        self.count = size

    def village(self, n):
        return {
            "title_vi": f"Bản thử ZQV{n:04d}",
            "title_en": f"Test village ZQV{n:04d}",
            "introduction_vi": f"Bản {SEARCH_WORD} số {n}.",
            "introduction_en": f"Village {SEARCH_WORD} number {n}.",
            "latitude": 21.47 + (n % 100) * 0.001,
            "longitude": 107.30 + (n // 100) * 0.01,
            "featured": True,
            "commune": self.site.commune("north"),
            "ethnic_groups": [self.site.group("tay")],
        }

    def homestay(self, n):
        return {
            "title_vi": f"Nhà nghỉ ZQH{n:04d}",
            "title_en": f"Homestay ZQH{n:04d}",
            "introduction_vi": f"Nhà nghỉ thử số {n}.",
            "introduction_en": f"Test homestay number {n}.",
            "host_name": f"Chủ nhà {n}",
            "capacity": 2 + n % 8,
            "rooms": 1 + n % 4,
            "price_min": 200_000 + n * 1000,
            "price_max": 300_000 + n * 1000,
            "latitude": 21.56,
            "longitude": 107.36,
            "host_ethnic_group": self.site.group("san-chi"),
            "amenities": [self.site.amenity("wifi"), self.site.amenity("meals")],
        }

    def attraction(self, n):
        return {
            "title_vi": f"Điểm ZQA{n:04d}",
            "title_en": f"Sight ZQA{n:04d}",
            "introduction_vi": f"Điểm thử số {n}.",
            "introduction_en": f"Test sight number {n}.",
            "kind": AttractionKind.VIEWPOINT,
            "village": self.site.village,
            "latitude": 21.56 + (n % 50) * 0.0005,
            "longitude": 107.37 + (n // 50) * 0.0005,
            "best_months": [10, 11],
        }

    def event(self, n):
        return {
            "title_vi": f"Sự kiện ZQE{n:04d}",
            "title_en": f"Event ZQE{n:04d}",
            "summary_vi": f"Sự kiện thử số {n}.",
            "summary_en": f"Test event number {n}.",
            "schedule_kind": Kind.SINGLE,
            # From ten days ago to a month ahead: in the agenda, the month and the past.
            "start_date": TODAY + datetime.timedelta(days=n % 40 - 10),
            "category": self.site.category("festival"),
            "venue": self.site.village,
        }

    def route(self, n):
        return {
            "title_vi": f"Cung đường ZQR{n:04d}",
            "title_en": f"Route ZQR{n:04d}",
            "introduction_vi": f"Cung đường thử số {n}.",
            "introduction_en": f"Test route number {n}.",
            "mode": "walk",
            "best_months": [3, 4],
            **self.track,
        }

    def menu_page(self, n):
        return {
            "title_vi": f"Trang ZM{n:04d}",
            "title_en": f"Page ZM{n:04d}",
            "show_in_menus": True,
        }


@dataclass
class Visit:
    sql: list
    shown: int  # distinct generated items named on the page


def visit(client, url):
    """The second GET of ``url`` (the first warms shared caches): its SQL and items."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    main = BeautifulSoup(response.content, "html.parser").select_one("main#main")
    shown = len(set(MARKER.findall(main.decode())))
    return Visit([query["sql"] for query in captured.captured_queries], shown)


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker):
    """{(size, language, name): Visit}: every page in both languages with 10 items,
    and in its language of MEASURED_AT_500 with 500 items.

    The items are added inside an outer transaction rolled back after the module."""
    with rolled_back(django_db_blocker):
        with translation.override("vi"):
            items = Items(TestSite())
        client = Client()
        found = {}
        for size in SIZES:
            with translation.override("vi"):
                items.grow_to(size)
            for cache in caches.all():
                cache.clear()
            for language in LANGUAGES:
                with translation.override(language):
                    urls = _urls(items, language)
                assert list(urls) == PAGE_NAMES
                for name, url in urls.items():
                    if size == SIZES[-1] and MEASURED_AT_500[name] != language:
                        continue
                    found[size, language, name] = visit(client, url)
        yield found


PAGE_NAMES = [
    "home",
    "standard",
    "trip",
    "villages",
    "village",
    "homestay",
    "attractions",
    "attraction",
    "map",
    "finder",
    "finder-page-2",
    "routes",
    "route",
    "events",
    "events-month",
    "events-past",
    "event",
    "numbers",
    "search",
]


# With 500 items each page is measured in one language, the two alternating, so
# that both are measured at that size and the module stays quick.
MEASURED_AT_500 = {name: LANGUAGES[k % 2] for k, name in enumerate(PAGE_NAMES)}


def report(visit_):
    """The count and the queries, each cut to its first 300 characters."""
    return f"{len(visit_.sql)} queries\n" + "\n".join(sql[:300] for sql in visit_.sql)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_costs_the_same_queries_with_10_or_500_items(visits, name):
    language = MEASURED_AT_500[name]
    few, many = (visits[size, language, name] for size in SIZES)
    assert len(many.sql) == len(few.sql), f"10 items: {report(few)}\n500 items: {report(many)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_stays_within_its_query_budget_with_10_or_500_items(visits, name, language):
    for size in SIZES:
        if (size, language, name) in visits:
            found = visits[size, language, name]
            assert len(found.sql) <= QUERY_BUDGET, f"{size} items: {report(found)}"


@pytest.mark.parametrize("name", sorted(LISTING))
def test_the_listing_pages_show_the_generated_items_at_both_sizes(visits, name):
    language = MEASURED_AT_500[name]
    few, many = (visits[size, language, name] for size in SIZES)
    assert few.shown > 0
    assert many.shown >= few.shown
