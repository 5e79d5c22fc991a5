"""Event pages and the events index as visitors see them."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from events.models import EventCategory
from events.status import Status
from tests.events.conftest import TODAY, demo_event
from tests.factories import publish

pytestmark = pytest.mark.django_db

SOONG_CO_EN = "/en/festivals/soong-co-singing-festival/"
SOONG_CO_VI = "/vi/le-hoi/le-hoi-soong-co/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def jsonld(response):
    """The page's Event node (the JSON-LD @graph also holds its BreadcrumbList)."""
    script = soup(response).find("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    return next(node for node in graph if node["@type"] != "BreadcrumbList")


def test_soong_co_shows_next_years_date_and_lunar_day_in_english(client, frozen_today):
    response = client.get(SOONG_CO_EN)
    when = soup(response).select_one(".event-when .occurrence--big")
    assert "Thursday, 22 April 2027" in when.text
    assert "16th day of the 3rd lunar month" in when.text
    assert when.time["datetime"] == "2027-04-22"


def test_soong_co_shows_next_years_date_in_vietnamese(client, frozen_today):
    response = client.get(SOONG_CO_VI)
    when = soup(response).select_one(".event-when .occurrence--big")
    assert "22 tháng 4 năm 2027" in when.text
    assert when.time["datetime"] == "2027-04-22"


def test_a_lunar_festival_lists_the_following_three_years(client, frozen_today):
    page = soup(client.get(SOONG_CO_EN))
    following = [t["datetime"] for t in page.select(".occurrence-list time")]
    assert following == ["2028-04-10", "2029-04-29"]
    rule = page.select_one(".event-when .event-rule").get_text(strip=True)
    assert rule == "Every year on the 16th day of the 3rd lunar month."


def test_the_next_date_moves_on_once_this_years_festival_is_over(client, frozen_today):
    frozen_today(datetime.date(2027, 4, 23))
    when = soup(client.get(SOONG_CO_EN)).select_one(".occurrence--big time")
    assert when["datetime"] == "2028-04-10"


def test_a_multi_day_lunar_festival_shows_both_ends_in_both_calendars(client, frozen_today):
    page = soup(client.get("/en/festivals/luc-na-communal-house-festival/"))
    text = page.select_one(".occurrence--big").text
    assert "20 February 2027" in text and "22 February 2027" in text
    assert "15th to the 17th day of the 1st lunar month" in text


def test_the_event_page_carries_schema_org_json_ld(client, frozen_today):
    data = jsonld(client.get(SOONG_CO_EN))
    assert data["@type"] == "Festival"
    assert data["startDate"] == "2027-04-22T00:00:00+07:00"
    assert data["endDate"].endswith("+07:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    location = data["location"]
    assert location["@type"] == "Place"
    assert location["address"]["@type"] == "PostalAddress"
    assert location["address"]["addressCountry"] == "VN"
    assert location["geo"]["latitude"] == pytest.approx(21.58)  # Húc Động, approximate
    assert data["image"][0].startswith("http://testserver/")
    assert data["offers"]["price"] == 0 and data["offers"]["priceCurrency"] == "VND"
    assert data["inLanguage"] == "en"


def test_a_rescheduled_event_keeps_its_previous_start_date(client, frozen_today, vietnamese):
    page = demo_event("womens-football-in-pleated-skirts")
    data = jsonld(client.get(page.get_url()))
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    previous = datetime.datetime.fromisoformat(data["previousStartDate"])
    assert previous.date() == page.previous_start_date
    assert data["previousStartDate"].endswith("+07:00")
    assert data["@type"] == "SportsEvent"


def test_a_cancelled_event_says_so_on_its_page_and_to_search_engines(client, frozen_today):
    response = client.get("/en/festivals/campfire-evening-luc-ngu/")
    assert soup(response).select_one(".event-status").text.strip() == "Cancelled"
    assert jsonld(response)["eventStatus"] == "https://schema.org/EventCancelled"
    assert jsonld(response)["offers"]["price"] == 50000
    organizer = jsonld(response)["organizer"]
    assert organizer == {
        "@type": "Organization",
        "name": "Lục Ngù community tourism group (sample)",
    }


def test_the_event_page_offers_ics_webcal_and_google_links(client, frozen_today):
    page = soup(client.get(SOONG_CO_EN))
    links = [a["href"] for a in page.select(".calendar-links a")]
    pk = demo_event("soong-co-singing-festival").pk
    assert f"http://testserver/feeds/events/{pk}.ics?lang=en" in links
    assert f"webcal://testserver/feeds/events/{pk}.ics?lang=en" in links
    google = next(link for link in links if link.startswith("https://calendar.google.com/"))
    assert "dates=20270422%2F20270423" in google and "ctz=Asia%2FHo_Chi_Minh" in google
    alternate = page.find("link", type="text/calendar")
    assert alternate["href"].endswith(f"/feeds/events/{pk}.ics?lang=en")


def test_a_finished_event_says_it_is_over(client, frozen_today):
    page = soup(client.get("/en/festivals/75th-anniversary-of-liberation/"))
    when = page.select_one(".event-when")
    assert when.select_one(".event-over").get_text(strip=True) == "This event is over."
    assert "25 December 2025" in when.select_one(".occurrence--big").text


def test_the_venue_links_to_the_village_page(client, frozen_today):
    page = soup(client.get("/en/festivals/dao-tet-season/"))
    assert page.select_one(".event-facts a")["href"] == "/en/villages/song-mooc-khe-tien/"


def test_the_venue_without_a_page_is_named(client, frozen_today):
    page = soup(client.get(SOONG_CO_EN))
    assert "Húc Động" in page.select_one(".event-facts").text


def test_the_village_page_lists_its_festivals(client, frozen_today):
    page = soup(client.get("/en/villages/song-mooc-khe-tien/"))
    section = page.find(id="festivals-heading").find_parent("section")
    assert "The Dao Tết season" in [a.get_text(strip=True) for a in section.select("li a")]


def test_the_home_page_lists_upcoming_festivals(client, frozen_today):
    page = soup(client.get("/en/"))
    section = page.find(id="section-festivals").parent
    titles = [t.text for t in section.select(".card-title")]
    assert titles[0] == "Sở flower festival"  # 15 December 2026
    assert "Đồng Văn weekly market" not in titles


def test_cancelled_status_is_shown_in_the_index(client, frozen_today, vietnamese):
    page = demo_event("so-flower-festival")
    page.status = Status.CANCELLED
    publish(page)
    index = soup(client.get("/en/festivals/"))
    item = next(a for a in index.select(".agenda-item") if "Sở flower" in a.text)
    assert "Cancelled" in item.select_one(".event-status").text


def agenda_titles(response):
    """The titles in the index's agenda (upcoming, or past with ?past=1), in order."""
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup(response).select(".agenda .agenda-title a")]


def test_the_index_moves_an_event_from_upcoming_to_past_when_its_days_are_over(
    client, frozen_today, make_event
):
    category = EventCategory.objects.create(name="Test gatherings", slug="test-gatherings")
    start = TODAY + datetime.timedelta(days=40)
    end = start + datetime.timedelta(days=2)
    make_event(
        title_vi="Phiên chợ thử",
        title_en="Test market days",
        category=category,
        start_date=start,
        end_date=end,
    )
    filters = {"category": category.slug}
    title = "Test market days"

    def listed(day, **extra):
        frozen_today(day)
        return title in agenda_titles(client.get("/en/festivals/", {**filters, **extra}))

    day_before, day_after = start - datetime.timedelta(days=1), end + datetime.timedelta(days=1)
    assert listed(day_before) and not listed(day_before, past=1)
    assert listed(end)  # its last day: still on
    assert not listed(day_after) and listed(day_after, past=1)
