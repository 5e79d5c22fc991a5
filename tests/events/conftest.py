"""Fixtures of the events tests: a frozen clock, the demo's events, page factories."""

import datetime

import pytest
from django.utils import translation

from events import clock
from events.listing import forget_horizon
from events.models import EventCategory, EventIndexPage, EventPage
from events.occurrences import EVENT_TZ, Kind
from tests.factories import add_page

# A fixed "today" for date logic: late November 2026, before the Sở flower festival.
TODAY = datetime.date(2026, 11, 26)


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


def demo_event(slug_en):
    return EventPage.objects.get(slug_en=slug_en)


@pytest.fixture
def make_event(events_index):
    """Add a published (or draft) event under the index; one-day, all-day by default."""

    def make(publish_it=True, **fields):
        fields.setdefault("schedule_kind", Kind.SINGLE)
        fields.setdefault("start_date", TODAY + datetime.timedelta(days=10))
        fields.setdefault("venue_name_vi", "Bình Liêu")
        return add_page(events_index, EventPage, publish_it=publish_it, **fields)

    return make


@pytest.fixture
def english():
    with translation.override("en"):
        yield
