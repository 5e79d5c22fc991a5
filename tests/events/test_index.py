"""The events index: upcoming by default, archive, filters, agenda and month grid."""

import datetime

import pytest
from bs4 import BeautifulSoup

from events.index_context import PER_PAGE
from events.models import EventIndexPage
from events.occurrences import Kind, Weekday
from portal.i18n import page_url
from tests.events.conftest import LUNAR_4_4_2027, LUNAR_16_3, TODAY

pytestmark = pytest.mark.django_db

INDEX = "/en/test-festivals/"  # the test site's events index (tests/factories/site.py)


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def agenda(response):
    return [
        (item.select_one("time")["datetime"][:10], item.select_one(".agenda-title a").text)
        for item in page(response).select(".agenda-item")
    ]


def test_the_index_lists_upcoming_occurrences_in_date_order(client, frozen_today, calendar):
    items = agenda(client.get(INDEX))
    dates = [d for d, _title in items]
    assert dates == sorted(dates)
    assert dates[0] >= TODAY.isoformat()
    assert ("2026-12-15", calendar.solar.title_en) in items
    assert (LUNAR_16_3[0].isoformat(), calendar.lunar.title_en) in items


def test_weekly_markets_are_listed_once_not_every_week(client, frozen_today, calendar):
    response = client.get(INDEX)
    titles = [t for _d, t in agenda(response)]
    assert calendar.market.title_en not in titles
    weekly = page(response).select_one(".weekly-box").text
    assert calendar.market.title_en in weekly and "Saturday" in weekly


def test_the_market_category_lists_every_market_day(client, frozen_today, calendar):
    items = agenda(client.get(INDEX, {"category": "market"}))
    assert items[:4] == [
        ("2026-11-28", calendar.market.title_en),  # the Saturday after Thursday 26th
        ("2026-11-29", calendar.market2.title_en),
        ("2026-12-05", calendar.market.title_en),
        ("2026-12-06", calendar.market2.title_en),
    ]


def test_the_archive_lists_past_events_newest_first(client, frozen_today, calendar):
    response = client.get(INDEX, {"past": "1"})
    items = agenda(response)
    dates = [d for d, _t in items]
    assert dates == sorted(dates, reverse=True)
    assert all(d < TODAY.isoformat() for d in dates)
    assert ("2025-12-25", calendar.past.title_en) in items
    assert page(response).h1.text == "Past events"


def test_the_category_filter_keeps_only_that_category(client, frozen_today, calendar):
    titles = {t for _d, t in agenda(client.get(INDEX, {"category": "festival"}))}
    assert titles == {
        calendar.solar.title_en,
        calendar.lunar.title_en,
        calendar.lunar_span.title_en,
    }


def test_the_village_filter_includes_events_at_its_attractions(
    client, frozen_today, calendar, test_site
):
    # The spring festival and the Sunday fair are at the market square, an attraction
    # of the second village; the other events are elsewhere.
    response = client.get(INDEX, {"village": test_site.village2.slug_en})
    assert {t for _d, t in agenda(response)} == {calendar.lunar_span.title_en}
    weekly = [a.get_text(strip=True) for a in page(response).select(".weekly-box a")]
    assert weekly == [calendar.market2.title_en]
    titles = {t for _d, t in agenda(client.get(INDEX, {"village": test_site.village.slug_vi}))}
    assert calendar.lunar.title_en not in titles  # held in a hamlet with no page
    assert calendar.season.title_en in titles


def test_the_month_filter_shows_that_month(client, frozen_today, calendar, make_event):
    make_event(
        title_en="Test Wind Day",
        category=calendar.sport,
        schedule_kind="yearly_lunar",
        start_date=datetime.date(2020, 1, 1),
        rule_month=4,
        rule_day=4,
    )
    april = agenda(client.get(INDEX, {"month": "2027-04", "category": "festival"}))
    assert april == [(LUNAR_16_3[0].isoformat(), calendar.lunar.title_en)]
    may = agenda(client.get(INDEX, {"month": "2027-05", "category": calendar.sport.slug}))
    assert may == [(LUNAR_4_4_2027.isoformat(), "Test Wind Day")]


def test_a_date_range_shows_what_overlaps_it(client, frozen_today, calendar):
    # The spring festival runs 20–22 February 2027: a range of its middle day finds it.
    items = agenda(client.get(INDEX, {"from": "2027-02-21", "to": "2027-02-21"}))
    assert ("2027-02-20", calendar.lunar_span.title_en) in items
    items = agenda(client.get(INDEX, {"from": "2027-02-23", "to": "2027-02-23"}))
    assert calendar.lunar_span.title_en not in {t for _d, t in items}


def test_the_month_grid_places_events_on_their_days(client, frozen_today, calendar):
    response = client.get(INDEX, {"view": "month", "month": "2027-02"})
    grid = page(response).select_one(".month-grid")
    cells = {
        int(td.select_one(".day-number").text): td.text
        for td in grid.select("td")
        if "other-month" not in td.get("class", [])
    }
    for day in (20, 21, 22):  # the 15th to the 17th of the 1st lunar month
        assert calendar.lunar_span.title_en in cells[day]
    assert calendar.lunar_span.title_en not in cells[19]
    assert calendar.lunar_span.title_en not in cells[23]
    assert calendar.market.title_en in cells[6]  # Saturday 6 February 2027
    assert page(response).select_one("#month-title").text == "February 2027"


def test_the_month_grid_links_to_the_neighbouring_months(client, frozen_today, calendar):
    response = client.get(INDEX, {"view": "month", "month": "2027-01", "category": "festival"})
    links = {a["rel"][0]: a["href"] for a in page(response).select(".month-nav a")}
    assert "month=2026-12" in links["prev"] and "category=festival" in links["prev"]
    assert "month=2027-02" in links["next"]


def test_the_agenda_is_paginated(client, frozen_today, calendar):
    first = client.get(INDEX, {"category": "market"})
    assert len(agenda(first)) == PER_PAGE
    second = client.get(INDEX, {"category": "market", "page": "2"})
    assert agenda(second)[0][0] > agenda(first)[-1][0]
    assert client.get(INDEX, {"category": "market", "page": "999"}).status_code == 200
    assert client.get(INDEX, {"page": "abc"}).status_code == 200


def test_the_filter_form_is_a_plain_get_form(client, frozen_today):
    form = page(client.get(INDEX)).select_one("form.event-filters")
    assert form["method"] == "get"
    names = {field["name"] for field in form.select("select, input")}
    assert {"category", "village", "month", "from", "to", "view"} <= names
    assert form.select_one("button[type=submit]")


def test_bad_filters_give_a_clear_400_with_the_form(client, frozen_today):
    response = client.get(INDEX, {"from": "2025-13-45", "village": "unknown"})
    assert response.status_code == 400
    text = page(response).select_one(".notice--error").text
    assert "Unknown village “unknown”." in text
    assert "Enter a valid date." in text
    assert page(response).select_one("form.event-filters")


def test_absurd_ranges_are_refused_or_clamped(client, frozen_today):
    assert client.get(INDEX, {"from": "2027-05-01", "to": "2027-01-01"}).status_code == 400
    assert client.get(INDEX, {"from": "0001-01-01"}).status_code == 400
    assert client.get(INDEX, {"month": "2027-13"}).status_code == 400
    wide = client.get(INDEX, {"from": "2026-01-01", "to": "2099-12-31"})
    assert wide.status_code == 200


def test_the_index_offers_subscription_links(client, frozen_today, test_site):
    slug = test_site.village.slug_vi
    links = [a["href"] for a in page(client.get(INDEX, {"village": slug})).select(".subscribe a")]
    assert f"webcal://testserver/feeds/events.ics?lang=en&village={slug}" in links
    assert any(
        link.startswith("https://calendar.google.com/calendar/render?cid=webcal") for link in links
    )
    assert "http://testserver/feeds/events.rss?lang=en" in links


def test_the_index_today_is_injectable(client, frozen_today, calendar):
    frozen_today(datetime.date(2027, 4, 1))
    items = agenda(client.get(INDEX, {"category": "festival"}))
    assert items[0] == (LUNAR_16_3[0].isoformat(), calendar.lunar.title_en)


def test_an_event_published_after_the_agenda_was_counted_adds_a_page_at_the_next_request(
    client, frozen_today, make_event
):
    # The agenda's count is cached per content version (events/index_context.py).
    shown = len(agenda(client.get(INDEX)))
    assert shown < PER_PAGE
    for n in range(PER_PAGE - shown):
        make_event(title_en=f"Zq filler {n}", start_date=TODAY + datetime.timedelta(days=3 + n))
    full = client.get(INDEX)
    assert len(agenda(full)) == PER_PAGE
    assert page(full).select_one(".pagination") is None

    make_event(title_en="Zq one too many", start_date=TODAY + datetime.timedelta(days=40))

    nav = page(client.get(INDEX)).select_one(".pagination")
    assert nav is not None and "Page 1 of 2" in nav.text


def test_a_crowded_day_of_the_month_grid_shows_four_events_and_links_to_the_rest(
    client, frozen_today, make_event
):
    day = datetime.date(2027, 3, 10)
    titles = [f"Crowded day fair {n}" for n in range(7)]
    for title in titles:
        make_event(start_date=day, title_en=title, title_vi=title)
    response = client.get(INDEX, {"view": "month", "month": "2027-03"})
    cell = next(
        td
        for td in page(response).select(".month-grid td")
        if "other-month" not in td.get("class", []) and td.select_one(".day-number").text == "10"
    )
    shown = [a.text for a in cell.select("li a") if a.text.startswith("Crowded")]
    assert len(shown) == 4 and set(shown) <= set(titles)
    more = cell.select_one(".month-more a")
    assert more.text.strip() == "and 3 more events"
    # The link opens the agenda of that day, with every one of the seven.
    listed = agenda(client.get(INDEX + more["href"]))
    assert sorted(t for d, t in listed if t.startswith("Crowded")) == sorted(titles)
    assert {d for d, t in listed if t.startswith("Crowded")} == {day.isoformat()}
    # In Vietnamese too.
    index_vi = page_url(EventIndexPage.objects.get(), "vi")
    response_vi = client.get(index_vi, {"view": "month", "month": "2027-03"})
    assert page(response_vi).select_one(".month-more a").text.strip() == "và 3 sự kiện khác"


def test_a_day_of_the_month_grid_with_four_events_has_no_more_link(
    client, frozen_today, make_event
):
    for n in range(4):
        make_event(start_date=datetime.date(2027, 3, 11), title_en=f"Quiet day fair {n}")
    response = client.get(INDEX, {"view": "month", "month": "2027-03"})
    assert page(response).select(".month-more") == []
    text = page(response).select_one(".month-grid").text
    assert all(f"Quiet day fair {n}" in text for n in range(4))


def test_the_more_link_of_a_day_with_weekly_markets_lists_every_event_of_that_day(
    client, frozen_today, make_event
):
    day = datetime.date(2027, 3, 17)  # a Wednesday
    markets = [f"Wednesday market {n}" for n in range(3)]
    fairs = [f"Wednesday fair {n}" for n in range(3)]
    for title in markets:
        make_event(
            title_en=title,
            schedule_kind=Kind.WEEKLY,
            start_date=datetime.date(2026, 1, 7),
            weekday=Weekday.WEDNESDAY,
        )
    for title in fairs:
        make_event(start_date=day, title_en=title)
    response = client.get(INDEX, {"view": "month", "month": "2027-03"})
    cell = next(
        td
        for td in page(response).select(".month-grid td")
        if "other-month" not in td.get("class", []) and td.select_one(".day-number").text == "17"
    )
    more = cell.select_one(".month-more a")
    assert more.text.strip() == "and 2 more events"
    shown = {a.text for a in cell.select("li a")} - {more.text}
    linked = client.get(INDEX + more["href"])
    listed = {t for d, t in agenda(linked) if d == day.isoformat()}
    assert listed == set(markets) | set(fairs)
    assert len(shown) == 4 and shown <= listed
    assert page(linked).select_one(".weekly-box") is None
