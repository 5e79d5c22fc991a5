"""Fixtures of the events tests: a frozen clock, a calendar of made-up events built
with the factories (``calendar``), page factories."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from events import clock
from events.listing import forget_horizon
from events.models import EventCategory, EventIndexPage, EventPage
from events.occurrences import EVENT_TZ, Kind, Weekday
from events.status import Status
from tests.factories import add_page
from tests.factories.events import add_category, add_event

# A fixed "today" for date logic: Thursday 26 November 2026.
TODAY = datetime.date(2026, 11, 26)

# Published Vietnamese lunar calendar values (lịch âm Việt Nam), written here, not
# computed by the code under test:
# 16th day of the 3rd lunar month: Thursday 22 April 2027, 10 April 2028, 29 April 2029.
LUNAR_16_3 = [datetime.date(2027, 4, 22), datetime.date(2028, 4, 10), datetime.date(2029, 4, 29)]
# 15th to 17th day of the 1st lunar month of 2027 (Tết is 6 February 2027): 20–22 Feb.
LUNAR_15_1_2027 = datetime.date(2027, 2, 20)
LUNAR_17_1_2027 = datetime.date(2027, 2, 22)
# 4th day of the 4th lunar month of 2027: Sunday 9 May 2027.
LUNAR_4_4_2027 = datetime.date(2027, 5, 9)


@pytest.fixture
def frozen_today(monkeypatch):
    """Freeze events.clock at noon (UTC+7) of ``TODAY``; returns a function to move it."""

    def freeze(day=TODAY):
        moment = datetime.datetime.combine(day, datetime.time(12), EVENT_TZ)
        monkeypatch.setattr(clock, "now", lambda: moment)
        return day

    freeze()
    return freeze


@pytest.fixture(autouse=True)
def _fresh_occurrence_horizon():
    """The horizon is kept in memory for minutes: read it again around every test,
    since a test's changes to it are rolled back."""
    forget_horizon()
    yield
    forget_horizon()


@pytest.fixture
def events_index(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def festival_category(db):
    return EventCategory.objects.get(slug="festival")


@pytest.fixture
def make_event(events_index):
    """Add a published (or draft) event under the index; one-day, all-day by default."""

    def make(publish_it=True, **fields):
        fields.setdefault("schedule_kind", Kind.SINGLE)
        fields.setdefault("start_date", TODAY + datetime.timedelta(days=10))
        fields.setdefault("venue_name_vi", "Sân thử")
        return add_page(events_index, EventPage, publish_it=publish_it, **fields)

    return make


@pytest.fixture(scope="module")
def _calendar_pages(django_db_setup, django_db_blocker):
    """{name: (model, pk)} of the calendar's pages, built once per module (with the
    clock frozen at ``TODAY``, as ``frozen_today`` freezes it) inside a transaction
    rolled back after the module; tests/events runs whole on one xdist worker
    (tests/scheduling.py)."""
    from tests.factories import rolled_back
    from tests.factories.site import TestSite

    with rolled_back(django_db_blocker):
        moment = datetime.datetime.combine(TODAY, datetime.time(12), EVENT_TZ)
        with translation.override("vi"), pytest.MonkeyPatch.context() as patch:
            patch.setattr(clock, "now", lambda: moment)
            forget_horizon()
            pages = _build_calendar(TestSite(), EventIndexPage.objects.get())
        forget_horizon()
        yield {name: (type(value), value.pk) for name, value in vars(pages).items()}


@pytest.fixture
def calendar(_calendar_pages, db, vietnamese):
    """The events index holding only the made-up events of ``_build_calendar``, read
    fresh for each test (whatever a test changes is rolled back after it)."""
    return SimpleNamespace(
        **{name: model.objects.get(pk=pk) for name, (model, pk) in _calendar_pages.items()}
    )


def _build_calendar(test_site, events_index):
    """The events index holding only these made-up events (the test site's own
    events are removed, so listings hold exactly what is below):

    - ``lunar``: yearly on the 16th of the 3rd lunar month, in a hamlet with no page;
    - ``lunar_span``: yearly, the 15th to the 17th of the 1st lunar month, at the
      test site's market square, an attraction of ``test_site.village2``;
    - ``season``: from the 15th of the 12th to the 15th of the 1st lunar month, at
      ``test_site.village``;
    - ``solar``: every 15–17 December since 2015;
    - ``market`` (Saturdays) and ``market2`` (Sundays), weekly markets at 6–11;
    - ``past``: one day, 25 December 2025;
    - ``cancelled``: a paying evening on 6 December 2026, cancelled;
    - ``rescheduled``: a sports afternoon on 19 December 2026, moved from the 12th.
    """
    for event in EventPage.objects.all():
        event.delete()
    festival = test_site.category("festival")
    market = test_site.category("market")
    ceremony = test_site.category("ceremony")
    sport = add_category("the-thao-thu", "Thể thao thử", "Test sport", "SportsEvent", 9)
    pages = SimpleNamespace(sport=sport)
    pages.lunar = add_event(
        events_index,
        category=festival,
        title_vi="Hội hát Đồi Thông Thử",
        title_en="Pine Hill Test Singing Festival",
        slug_vi="hoi-hat-doi-thong-thu",
        slug_en="pine-hill-test-singing-festival",
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=3,
        rule_day=16,
        venue_name_vi="Thôn Thông Thử",
        venue_name_en="Pine Test Hamlet",
        venue_latitude=21.58,
        venue_longitude=107.41,
    )
    pages.lunar_span = add_event(
        events_index,
        category=festival,
        title_vi="Hội Chợ Xuân Thử",
        title_en="Test Spring Square Festival",
        slug_vi="hoi-cho-xuan-thu",
        slug_en="test-spring-square-festival",
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=1,
        rule_day=15,
        rule_end_month=1,
        rule_end_day=17,
        venue=test_site.market_place,
    )
    pages.season = add_event(
        events_index,
        category=ceremony,
        title_vi="Mùa Tết Thử",
        title_en="The Test New Year Season",
        slug_vi="mua-tet-thu",
        slug_en="test-new-year-season",
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=12,
        rule_day=15,
        rule_end_month=1,
        rule_end_day=15,
        venue=test_site.village,
    )
    pages.solar = add_event(
        events_index,
        category=festival,
        title_vi="Hội Hoa Thử",
        title_en="Test Flower Fair",
        slug_vi="hoi-hoa-thu",
        slug_en="test-flower-fair",
        schedule_kind=Kind.YEARLY_SOLAR,
        start_date=datetime.date(2015, 12, 1),
        rule_month=12,
        rule_day=15,
        duration_days=3,
        venue_latitude=21.54,
        venue_longitude=107.46,
    )
    pages.market = add_event(
        events_index,
        category=market,
        title_vi="Chợ Thứ Bảy Thử",
        title_en="Test Saturday Market",
        slug_vi="cho-thu-bay-thu",
        slug_en="test-saturday-market",
        schedule_kind=Kind.WEEKLY,
        start_date=datetime.date(2020, 1, 4),
        weekday=Weekday.SATURDAY,
        start_time=datetime.time(6),
        end_time=datetime.time(11),
        venue=test_site.village,
    )
    pages.market2 = add_event(
        events_index,
        category=market,
        title_vi="Chợ Chủ Nhật Thử",
        title_en="Test Sunday Fair",
        slug_vi="cho-chu-nhat-thu",
        slug_en="test-sunday-fair",
        schedule_kind=Kind.WEEKLY,
        start_date=datetime.date(2020, 1, 5),
        weekday=Weekday.SUNDAY,
        start_time=datetime.time(6),
        end_time=datetime.time(11),
        venue=test_site.market_place,
    )
    pages.past = add_event(
        events_index,
        category=ceremony,
        title_vi="Lễ Kỷ Niệm Thử",
        title_en="Test Anniversary Rite",
        slug_vi="le-ky-niem-thu",
        slug_en="test-anniversary-rite",
        start_date=datetime.date(2025, 12, 25),
    )
    pages.cancelled = add_event(
        events_index,
        category=ceremony,
        title_vi="Đêm Lửa Trại Thử",
        title_en="Test Campfire Evening",
        slug_vi="dem-lua-trai-thu",
        slug_en="test-campfire-evening",
        start_date=datetime.date(2026, 12, 5),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(22),
        is_free=False,
        price_vnd=50_000,
        organiser_vi="Tổ du lịch thử",
        organiser_en="Test tourism group",
        status=Status.CANCELLED,
        venue=test_site.village,
    )
    pages.rescheduled = add_event(
        events_index,
        category=sport,
        title_vi="Giải Bóng Đá Thử",
        title_en="Test Football Match",
        slug_vi="giai-bong-da-thu",
        slug_en="test-football-match",
        start_date=datetime.date(2026, 12, 19),
        start_time=datetime.time(14),
        end_time=datetime.time(17),
        status=Status.RESCHEDULED,
        previous_start_date=datetime.date(2026, 12, 12),
        previous_start_time=datetime.time(14),
        venue=test_site.village,
    )
    return pages


@pytest.fixture
def english():
    with translation.override("en"):
        yield
