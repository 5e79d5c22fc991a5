"""The events index: upcoming by default, archive, filters, agenda and month grid."""

import datetime

import pytest
from bs4 import BeautifulSoup

from events.index_context import PER_PAGE

pytestmark = pytest.mark.django_db

INDEX = "/en/festivals/"


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def agenda(response):
    return [
        (item.select_one("time")["datetime"][:10], item.select_one(".agenda-title a").text)
        for item in page(response).select(".agenda-item")
    ]


def test_the_index_lists_upcoming_occurrences_in_date_order(client, frozen_today):
    items = agenda(client.get(INDEX))
    dates = [d for d, _title in items]
    assert dates == sorted(dates)
    assert dates[0] >= "2026-11-26"
    assert ("2026-12-15", "Sở flower festival") in items


def test_weekly_markets_are_listed_once_not_every_week(client, frozen_today):
    response = client.get(INDEX)
    titles = [t for _d, t in agenda(response)]
    assert "Đồng Văn weekly market" not in titles
    weekly = page(response).select_one(".weekly-box").text
    assert "Đồng Văn weekly market" in weekly and "Saturday" in weekly


def test_the_market_category_lists_every_market_day(client, frozen_today):
    items = agenda(client.get(INDEX, {"category": "market"}))
    assert items[0] == ("2026-11-28", "Đồng Văn weekly market")
    assert items[1] == ("2026-11-29", "Bình Liêu weekly market")


def test_the_archive_lists_past_events_newest_first(client, frozen_today):
    response = client.get(INDEX, {"past": "1"})
    items = agenda(response)
    dates = [d for d, _t in items]
    assert dates == sorted(dates, reverse=True)
    assert all(d < "2026-11-26" for d in dates)
    titles = [t for _d, t in items]
    assert "75th anniversary of the liberation of Bình Liêu" in titles
    assert page(response).h1.text == "Past events"


def test_the_category_filter_keeps_only_that_category(client, frozen_today):
    titles = {t for _d, t in agenda(client.get(INDEX, {"category": "festival"}))}
    assert "Sở flower festival" in titles
    assert "The Dao Tết season" not in titles


def test_the_village_filter_includes_events_at_its_attractions(client, frozen_today):
    titles = {t for _d, t in agenda(client.get(INDEX, {"village": "ban-cau"}))}
    assert titles == {"Lục Nà communal house festival"}  # at the Lục Nà communal house
    titles = {t for _d, t in agenda(client.get(INDEX, {"village": "luc-ngu"}))}
    assert "Soóng cọ singing festival (Slằn nhịp hội)" not in titles  # held in Húc Động


def test_the_month_filter_shows_that_month(client, frozen_today):
    april = agenda(client.get(INDEX, {"month": "2027-04"}))
    assert april == [("2027-04-22", "Soóng cọ singing festival (Slằn nhịp hội)")]
    may = agenda(client.get(INDEX, {"month": "2027-05"}))
    assert may == [("2027-05-09", "Kiêng gió, the Dao Thanh Phán wind-avoiding day")]


def test_a_date_range_shows_what_overlaps_it(client, frozen_today):
    items = agenda(client.get(INDEX, {"from": "2027-02-21", "to": "2027-02-21"}))
    titles = {t for _d, t in items}
    assert "Lục Nà communal house festival" in titles  # 20–22 February 2027


def test_the_month_grid_places_events_on_their_days(client, frozen_today):
    response = client.get(INDEX, {"view": "month", "month": "2027-02"})
    grid = page(response).select_one(".month-grid")
    cells = {
        int(td.select_one(".day-number").text): td.text
        for td in grid.select("td")
        if "other-month" not in td.get("class", [])
    }
    for day in (20, 21, 22):
        assert "Lục Nà communal house festival" in cells[day]
    assert "Lục Nà" not in cells[19]
    assert "Vô Ngại communal house festival" in cells[11]  # 5–6 of the 1st month: 10–11 Feb
    assert page(response).select_one("#month-title").text == "February 2027"


def test_the_month_grid_links_to_the_neighbouring_months(client, frozen_today):
    response = client.get(INDEX, {"view": "month", "month": "2027-01", "category": "festival"})
    links = {a["rel"][0]: a["href"] for a in page(response).select(".month-nav a")}
    assert "month=2026-12" in links["prev"] and "category=festival" in links["prev"]
    assert "month=2027-02" in links["next"]


def test_the_agenda_is_paginated(client, frozen_today):
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


def test_the_index_offers_subscription_links(client, frozen_today):
    links = [
        a["href"] for a in page(client.get(INDEX, {"village": "luc-ngu"})).select(".subscribe a")
    ]
    assert "webcal://testserver/feeds/events.ics?lang=en&village=luc-ngu" in links
    assert any(
        link.startswith("https://calendar.google.com/calendar/render?cid=webcal") for link in links
    )
    assert "http://testserver/feeds/events.rss?lang=en" in links


def test_the_index_today_is_injectable(client, frozen_today):
    frozen_today(datetime.date(2027, 4, 1))
    items = agenda(client.get(INDEX, {"category": "festival"}))
    assert items[0] == ("2027-04-22", "Soóng cọ singing festival (Slằn nhịp hội)")
