"""The events demo content: from the fact sheet, linked to the places, idempotent."""

import datetime

import pytest
from wagtail.models import Revision

from events import clock, demo
from events.models import EventCategory, EventIndexPage, EventPage
from events.occurrences import EVENT_TZ
from events.status import Status
from portal.demo import load_demo
from portal.demo.pages import demo_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen_today(monkeypatch):
    moment = datetime.datetime(2026, 11, 26, 12, tzinfo=EVENT_TZ)
    monkeypatch.setattr(clock, "now", lambda: moment)


def demo_event(slug_en):
    return EventPage.objects.get(slug_en=slug_en)


def test_loading_the_demo_again_changes_nothing(frozen_today):
    load_demo()  # the module's load may have run on another day than the frozen one
    revisions = Revision.objects.count()
    pages = EventPage.objects.count()
    load_demo()
    assert Revision.objects.count() == revisions
    assert EventPage.objects.count() == pages


def test_the_demo_has_every_festival_of_the_fact_sheet_with_its_lunar_rule():
    slugs = set(EventPage.objects.values_list("slug_en", flat=True))
    assert {spec["slug_en"] for spec in demo.EVENTS} <= slugs
    assert EventIndexPage.objects.get().live
    assert set(EventCategory.objects.values_list("slug", flat=True)) == {
        "festival",
        "ceremony",
        "market",
        "sport",
        "culture-week",
        "cross-border",
    }
    rules = {
        slug: (page.rule_day, page.rule_month, page.rule_end_day, page.rule_end_month)
        for slug, page in (
            (s, demo_event(s))
            for s in (
                "soong-co-singing-festival",
                "kieng-gio-wind-avoiding-day",
                "luc-na-communal-house-festival",
                "vo-ngai-communal-house-festival",
                "dao-tet-season",
            )
        )
    }
    assert rules == {
        "soong-co-singing-festival": (16, 3, None, None),
        "kieng-gio-wind-avoiding-day": (4, 4, None, None),
        "luc-na-communal-house-festival": (15, 1, 17, 1),
        "vo-ngai-communal-house-festival": (5, 1, 6, 1),
        "dao-tet-season": (15, 12, 15, 1),
    }


def test_venues_are_the_places_apps_pages_when_they_exist():
    # The fact sheet places the Soóng cọ festival in Húc Động, not at one village page.
    assert demo_event("soong-co-singing-festival").venue is None
    assert demo_event("soong-co-singing-festival").venue_name_vi == "Húc Động"
    assert demo_event("luc-na-communal-house-festival").venue.specific.slug_vi == "dinh-luc-na"
    assert demo_event("so-flower-festival").venue is None
    assert demo_event("so-flower-festival").venue_latitude is not None


def test_every_demo_event_is_a_translated_sample_and_markets_say_to_check_their_day():
    for page in EventPage.objects.all():
        assert page.is_sample
        assert page.title_vi and page.title_en and page.summary_vi and page.summary_en
    for slug in ("dong-van-weekly-market", "binh-lieu-weekly-market"):
        page = demo_event(slug)
        assert "check" in page.summary_en
        assert "hỏi lại" in page.summary_vi
    statuses = set(EventPage.objects.values_list("status", flat=True))
    assert {Status.CANCELLED, Status.RESCHEDULED} <= statuses


def test_the_demo_tolerates_missing_place_pages(monkeypatch, home, vietnamese, frozen_today):
    monkeypatch.setattr(demo, "_venue", lambda spec: None)
    context = type("Context", (), {"home": home, "pages": {}})()
    with demo_session(reset=True):  # restore mode: existing events take the new venue
        demo.load(context)
    page = demo_event("soong-co-singing-festival")
    assert page.venue is None and page.venue_name_vi
