"""Occurrences are stored when an event is published, follow its edits, vanish when it
is unpublished or deleted, and are extended by a daily job; listings read them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from icalendar import Calendar

from events import clock
from events.listing import forget_horizon
from events.models import EventOccurrence, EventPage, OccurrenceHorizon
from events.occurrences import Kind, Weekday
from tests.events.conftest import TODAY
from tests.factories import publish

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)


def stored_starts(event):
    return list(
        EventOccurrence.objects.filter(event=event)
        .order_by("start")
        .values_list("start", flat=True)
    )


def saturdays_from(day, count):
    first = day + ONE_DAY * ((5 - day.weekday()) % 7)
    return [first + ONE_DAY * 7 * n for n in range(count)]


def test_publishing_a_weekly_market_stores_every_saturday_of_the_horizon(frozen_today, make_event):
    market = make_event(
        title_en="Saturday test market",
        schedule_kind=Kind.WEEKLY,
        weekday=Weekday.SATURDAY,
        start_date=TODAY,
    )
    horizon = OccurrenceHorizon.objects.get()
    starts = stored_starts(market)
    expected_count = ((horizon.last - starts[0]).days // 7) + 1
    assert starts[:3] == saturdays_from(TODAY, 3)  # 28 November 2026 is a Saturday
    assert starts[0] == datetime.date(2026, 11, 28)
    assert len(starts) == expected_count
    assert starts[-1] > clock.today().replace(year=clock.today().year + 3)


def test_a_new_date_replaces_the_stored_one_when_published(frozen_today, make_event):
    event = make_event(title_en="Moved meeting", start_date=datetime.date(2027, 3, 1))
    assert stored_starts(event) == [datetime.date(2027, 3, 1)]
    event.start_date = datetime.date(2027, 3, 8)
    publish(event)
    assert stored_starts(event) == [datetime.date(2027, 3, 8)]


def test_a_draft_edit_leaves_the_published_dates_stored(frozen_today, make_event):
    event = make_event(title_en="Drafted meeting", start_date=datetime.date(2027, 3, 1))
    event.start_date = datetime.date(2027, 5, 1)
    event.save_revision()
    assert stored_starts(event) == [datetime.date(2027, 3, 1)]


def test_unpublishing_or_deleting_an_event_removes_its_occurrences(frozen_today, make_event):
    kept = make_event(title_en="Kept fair")
    withdrawn = make_event(title_en="Withdrawn fair")
    deleted = make_event(title_en="Deleted fair")
    withdrawn.unpublish()
    deleted_pk = deleted.pk
    deleted.delete()
    assert stored_starts(kept) == [TODAY + ONE_DAY * 10]
    assert stored_starts(withdrawn) == []
    assert not EventOccurrence.objects.filter(event_id=deleted_pk).exists()


def test_lunar_festivals_store_their_lunar_dates(frozen_today, make_event):
    festival = make_event(
        title_en="Full moon test rite",
        schedule_kind=Kind.YEARLY_LUNAR,
        rule_day=15,
        rule_month=1,
        start_date=datetime.date(2020, 1, 1),
    )
    row = EventOccurrence.objects.filter(event=festival, start__gte=TODAY).order_by("start")[0]
    # Tết 2027 is 6 February (Vietnamese calendar): the 15th of the 1st month is the 20th.
    assert row.start == datetime.date(2027, 2, 20)
    assert (row.lunar_start_day, row.lunar_start_month, row.lunar_start_year) == (15, 1, 2027)
    assert row.from_lunar_rule
    assert row.status == festival.status


def test_the_daily_job_extends_the_horizon_and_can_run_twice(frozen_today, make_event):
    market = make_event(
        title_en="Sunday test market",
        schedule_kind=Kind.WEEKLY,
        weekday=Weekday.SUNDAY,
        start_date=TODAY,
    )
    last_before = OccurrenceHorizon.objects.get().last
    later = frozen_today(TODAY + datetime.timedelta(days=400))
    call_command("extend_occurrences", verbosity=0)
    call_command("extend_occurrences", verbosity=0)
    forget_horizon()
    horizon = OccurrenceHorizon.objects.get()
    starts = stored_starts(market)
    assert horizon.last > last_before
    assert horizon.last >= later.replace(year=later.year + 3)
    assert len(starts) == len(set(starts))  # no Sunday stored twice
    assert all(b - a == ONE_DAY * 7 for a, b in zip(starts, starts[1:], strict=False))
    assert starts[-1] > horizon.last - ONE_DAY * 7


def test_the_daily_job_fills_events_inserted_without_publishing(frozen_today, make_event):
    event = make_event(title_en="Bulk inserted meeting", start_date=datetime.date(2027, 1, 9))
    EventOccurrence.objects.filter(event=event).delete()
    call_command("extend_occurrences", verbosity=0)
    assert stored_starts(event) == [datetime.date(2027, 1, 9)]


def ics_summaries(client):
    calendar = Calendar.from_ical(client.get("/feeds/events.ics", {"lang": "en"}).content)
    return {str(c["summary"]) for c in calendar.walk("VEVENT")}


def test_the_calendar_feed_covers_90_days_back_to_18_months_ahead(client, frozen_today, make_event):
    dates = {
        "Too old gathering": TODAY - ONE_DAY * 91,
        "Recent gathering": TODAY - ONE_DAY * 89,
        "Far gathering": datetime.date(2028, 5, 25),  # 18 months after 26 November 2026
        "Too far gathering": datetime.date(2028, 5, 27),
    }
    pages = {title: make_event(title_en=title, start_date=day) for title, day in dates.items()}
    shown = ics_summaries(client)
    assert {"Recent gathering", "Far gathering"} <= shown
    assert not {"Too old gathering", "Too far gathering"} & shown
    own = client.get(f"/feeds/events/{pages['Too old gathering'].pk}.ics", {"lang": "en"})
    assert b"Too old gathering" in own.content  # each event's own file is not bounded
    description = client.get("/feeds/events.ics", {"lang": "en"}).content.decode()
    assert "90 days ago to 18 months ahead" in description


def test_the_rss_feed_is_bounded(client, frozen_today, monkeypatch, calendar):
    from events import feeds

    monkeypatch.setattr(feeds, "RSS_ITEMS", 3)
    response = client.get("/feeds/events.rss", {"lang": "en"})
    assert response.content.count(b"<item>") == 3


def test_a_month_beyond_the_stored_years_is_still_computed(client, frozen_today, make_event):
    make_event(
        title_en="Far future harvest day",
        schedule_kind=Kind.YEARLY_SOLAR,
        rule_month=9,
        rule_day=14,
        start_date=datetime.date(2020, 1, 1),
    )
    assert OccurrenceHorizon.objects.get().last < datetime.date(2040, 9, 1)
    response = client.get("/en/test-festivals/", {"month": "2040-09"})  # the test site's index
    items = BeautifulSoup(response.content, "html.parser").select(".agenda-item")
    found = [
        (item.select_one(".agenda-title a").get_text(strip=True), item.select_one("time"))
        for item in items
        if "Far future harvest day" in item.get_text()
    ]
    assert len(found) == 1
    title, time = found[0]
    assert title == "Far future harvest day"
    assert time["datetime"][:10] == "2040-09-14"
    assert "Friday, 14 September 2040" in time.get_text()


def test_stored_and_computed_occurrences_read_the_same(frozen_today, calendar):
    """Every live event's stored rows for the coming year are what its rule gives
    (the calendar fixture's: lunar days and seasons, a solar rule, weekly markets,
    one-day events)."""
    first, last = TODAY, TODAY + datetime.timedelta(days=365)
    events = list(EventPage.objects.live())
    assert len(events) == 9
    for event in events:
        computed = [
            (o.start, o.end, o.start_time, o.end_time)
            for o in event.following_occurrences(TODAY)
            if o.start <= last
        ]
        stored = list(
            EventOccurrence.objects.filter(event=event, end__gte=first, start__lte=last)
            .order_by("start")
            .values_list("start", "end", "start_time", "end_time")
        )
        assert stored == computed, event.title


def test_the_events_api_still_searches_and_pages_in_date_order(client, frozen_today, make_event):
    for day in (20, 5, 12):
        make_event(title_en=f"Quartz gathering {day}", start_date=TODAY + ONE_DAY * day)
    found = client.get("/api/v2/events/", {"lang": "en", "search": "Quartz"})
    assert found.status_code == 200
    assert {item["title"] for item in found.json()["items"]} == {
        "Quartz gathering 5",
        "Quartz gathering 12",
        "Quartz gathering 20",
    }
    first = client.get("/api/v2/events/", {"lang": "en", "limit": 2}).json()
    second = client.get("/api/v2/events/", {"lang": "en", "limit": 2, "offset": 2}).json()
    starts = [item["next_occurrences"][0]["start"] for item in first["items"] + second["items"]]
    assert starts == sorted(starts)
    assert first["meta"]["total_count"] == second["meta"]["total_count"] > 4


def test_an_event_published_after_the_api_listed_events_is_counted_and_listed_at_once(
    client, frozen_today, make_event
):
    # The API's count and page ids are cached per content version (portal.cache).
    before = client.get("/api/v2/events/", {"lang": "en"}).json()
    make_event(title_en="Quartz newcomer", start_date=TODAY + ONE_DAY)
    after = client.get("/api/v2/events/", {"lang": "en"}).json()
    assert after["meta"]["total_count"] == before["meta"]["total_count"] + 1
    assert after["items"][0]["title"] == "Quartz newcomer"


def test_an_event_the_daily_job_fills_shows_at_once_on_a_cached_agenda(
    client, frozen_today, make_event, django_capture_on_commit_callbacks
):
    from django.core.cache import caches
    from django.test import override_settings

    event = make_event(title_en="Bulk inserted fair", start_date=datetime.date(2026, 12, 12))
    EventOccurrence.objects.filter(event=event).delete()  # as if inserted in bulk
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        client.get("/en/test-festivals/")
        cached = client.get("/en/test-festivals/")
        assert cached["X-Wagtail-Cache"] == "hit"
        assert b"Bulk inserted fair" not in cached.content
        with django_capture_on_commit_callbacks(execute=True):
            call_command("extend_occurrences", verbosity=0)
        forget_horizon()
        shown = client.get("/en/test-festivals/")
    caches["pages"].clear()
    assert shown["X-Wagtail-Cache"] == "miss"
    assert "Bulk inserted fair" in BeautifulSoup(shown.content, "html.parser").main.get_text()
