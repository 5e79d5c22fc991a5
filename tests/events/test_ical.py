"""The iCalendar feed: what calendar apps need, and the same dates as the site."""

import datetime
from urllib.parse import urlparse

import pytest
import recurring_ical_events
from icalendar import Calendar

from events.listing import Window, occurrences_in, published_events
from events.models import EventPage
from events.occurrences import Kind, Weekday
from events.status import Status
from events.venues import attach_places
from portal.i18n import page_url
from tests.events.conftest import LUNAR_16_3, TODAY
from tests.factories import publish

pytestmark = pytest.mark.django_db


def fetch_calendar(client, path="/feeds/events.ics", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def by_url(calendar, url):
    return [e for e in vevents(calendar) if str(e.get("url")) == url]


def test_the_feed_parses_and_carries_what_subscribers_need(client, frozen_today):
    calendar = fetch_calendar(client)
    assert str(calendar["version"]) == "2.0"
    assert calendar.get("refresh-interval").dt == datetime.timedelta(hours=12)
    assert str(calendar["x-published-ttl"]) == "PT12H"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["Asia/Ho_Chi_Minh"]
    for event in vevents(calendar):
        for name in ("uid", "dtstamp", "last-modified", "sequence", "dtstart", "summary"):
            assert name in event, name


def test_the_feed_expanded_over_a_year_matches_the_dates_the_site_shows(
    client, frozen_today, calendar
):
    calendar = fetch_calendar(client, lang="vi")
    window = Window(TODAY, TODAY + datetime.timedelta(days=365))
    expanded = recurring_ical_events.of(calendar).between(window.first, window.last)
    from_feed = set()
    for event in expanded:
        start = event["dtstart"].dt
        day = start.date() if isinstance(start, datetime.datetime) else start
        from_feed.add((urlparse(str(event["url"])).path, day))
    events = attach_places(published_events())
    from_site = {
        (page_url(event, "vi"), occurrence.start)
        for event, occurrence in occurrences_in(events, window)
    }
    assert from_feed == from_site
    # The calendar's two weekly markets (52 Saturdays from 28 Nov 2026 to 20 Nov 2027,
    # 52 Sundays from 29 Nov 2026 to 21 Nov 2027), once each of its three lunar rules
    # and its solar rule, and its two one-day events still to come.
    assert len(from_site) == 52 + 52 + 3 + 1 + 2


def test_a_subscribed_calendar_shows_a_lunar_festival_on_its_date_next_year(
    client, frozen_today, calendar
):
    feed = fetch_calendar(client, lang="en")
    on_the_day = recurring_ical_events.of(feed).at(LUNAR_16_3[0])
    assert [str(e["summary"]) for e in on_the_day] == [calendar.lunar.title_en]


def test_lunar_rules_are_listed_as_explicit_dates_without_rrule(client, frozen_today, calendar):
    events = vevents(fetch_calendar(client, calendar.lunar.ics_path))
    assert all("rrule" not in e for e in events)
    starts = [e["dtstart"].dt for e in events]
    assert LUNAR_16_3[0] in starts
    assert LUNAR_16_3[2] in starts
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_all_day_events_use_dates_with_an_exclusive_end(client, frozen_today, calendar):
    (event,) = vevents(fetch_calendar(client, calendar.solar.ics_path))
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert event["dtstart"].dt == datetime.date(2015, 12, 15)
    assert event["dtend"].dt == datetime.date(2015, 12, 18)  # 15–17 December
    assert event["rrule"]["FREQ"] == ["YEARLY"]
    assert event["rrule"]["BYMONTH"] == [12]


def test_timed_weekly_rules_carry_a_timezone_and_an_until_in_utc(client, frozen_today, make_event):
    page = make_event(
        schedule_kind=Kind.WEEKLY,
        start_date=datetime.date(2026, 1, 1),
        weekday=Weekday.SATURDAY,
        start_time=datetime.time(6, 0),
        end_time=datetime.time(11, 0),
        repeat_until=datetime.date(2027, 6, 26),
    )
    (event,) = vevents(fetch_calendar(client, page.ics_path))
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event["dtstart"].dt.isoformat() == "2026-01-03T06:00:00+07:00"
    until = event["rrule"]["UNTIL"][0]
    assert until.utcoffset() == datetime.timedelta(0)
    assert until == datetime.datetime(2027, 6, 25, 23, 0, tzinfo=datetime.UTC)
    assert event["rrule"]["BYDAY"] == ["SA"]


def test_the_uid_stays_the_same_across_languages_and_edits(client, frozen_today, calendar):
    page = calendar.solar
    before = vevents(fetch_calendar(client, page.ics_path, lang="vi"))[0]["uid"]
    english = vevents(fetch_calendar(client, page.ics_path, lang="en"))[0]["uid"]
    page.title_vi = "Hội Hoa Thử Mới"
    publish(page)
    after = vevents(fetch_calendar(client, page.ics_path, lang="vi"))[0]["uid"]
    assert before == english == after


def test_a_published_edit_bumps_sequence_and_last_modified(client, frozen_today, calendar):
    page = calendar.solar
    # Published an hour ago (iCalendar times have whole seconds: an edit within the
    # same second as the fixture's publication could not move LAST-MODIFIED).
    an_hour_ago = page.last_published_at - datetime.timedelta(hours=1)
    EventPage.objects.filter(pk=page.pk).update(last_published_at=an_hour_ago)
    page.refresh_from_db()
    before = vevents(fetch_calendar(client, page.ics_path))[0]
    assert before["last-modified"].dt == an_hour_ago.replace(microsecond=0)
    page.summary_vi = "Tóm tắt mới."
    publish(page)
    after = vevents(fetch_calendar(client, page.ics_path))[0]
    assert int(after["sequence"]) == int(before["sequence"]) + 1
    assert after["last-modified"].dt > before["last-modified"].dt
    assert after["dtstamp"].dt == after["last-modified"].dt


def test_saving_a_draft_does_not_change_the_feed(client, frozen_today, calendar):
    page = calendar.solar
    before = fetch_calendar(client, page.ics_path).to_ical()
    page.summary_vi = "Bản nháp"
    page.save_revision()
    assert fetch_calendar(client, page.ics_path).to_ical() == before


def test_cancelling_an_event_sets_status_cancelled(client, frozen_today, calendar):
    page = calendar.solar
    page.status = Status.CANCELLED
    publish(page)
    (event,) = vevents(fetch_calendar(client, page.ics_path, lang="en"))
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Cancelled: ")


def test_the_feed_filters_by_village_and_category(client, frozen_today, calendar, test_site):
    village = test_site.village2
    feed = fetch_calendar(client, village=village.slug_vi, category="festival", lang="en")
    titles = {str(e["summary"]) for e in vevents(feed)}
    assert titles == {calendar.lunar_span.title_en}  # not the Sunday fair: a market
    assert village.title_en in str(feed["x-wr-calname"])
