"""Event pages and the events index as visitors see them."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from events.models import EventCategory
from events.status import Status
from portal.i18n import page_url
from tests.events.conftest import LUNAR_16_3, TODAY
from tests.factories import publish

pytestmark = pytest.mark.django_db

INDEX = "/en/test-festivals/"  # the test site's events index (tests/factories/site.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def get(client, event, language="en"):
    response = client.get(page_url(event, language))
    assert response.status_code == 200
    return response


def jsonld(response):
    """The page's Event node (the JSON-LD @graph also holds its BreadcrumbList)."""
    script = soup(response).find("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    return next(node for node in graph if node["@type"] != "BreadcrumbList")


def test_a_lunar_festival_shows_next_years_date_and_lunar_day_in_english(
    client, frozen_today, calendar
):
    when = soup(get(client, calendar.lunar)).select_one(".event-when .occurrence--big")
    assert "Thursday, 22 April 2027" in when.text
    assert "16th day of the 3rd lunar month" in when.text
    assert when.time["datetime"] == LUNAR_16_3[0].isoformat()


def test_a_lunar_festival_shows_next_years_date_in_vietnamese(client, frozen_today, calendar):
    when = soup(get(client, calendar.lunar, "vi")).select_one(".event-when .occurrence--big")
    assert "22 tháng 4 năm 2027" in when.text
    assert when.time["datetime"] == LUNAR_16_3[0].isoformat()


def test_a_lunar_festival_lists_the_following_three_years(client, frozen_today, calendar):
    page = soup(get(client, calendar.lunar))
    following = [t["datetime"] for t in page.select(".occurrence-list time")]
    assert following == [day.isoformat() for day in LUNAR_16_3[1:]]
    rule = page.select_one(".event-when .event-rule").get_text(strip=True)
    assert rule == "Every year on the 16th day of the 3rd lunar month."


def test_the_next_date_moves_on_once_this_years_festival_is_over(client, frozen_today, calendar):
    frozen_today(LUNAR_16_3[0] + datetime.timedelta(days=1))
    when = soup(get(client, calendar.lunar)).select_one(".occurrence--big time")
    assert when["datetime"] == LUNAR_16_3[1].isoformat()


def test_a_multi_day_lunar_festival_shows_both_ends_in_both_calendars(
    client, frozen_today, calendar
):
    text = soup(get(client, calendar.lunar_span)).select_one(".occurrence--big").text
    assert "20 February 2027" in text and "22 February 2027" in text
    assert "15th to the 17th day of the 1st lunar month" in text


def test_the_event_page_carries_schema_org_json_ld(client, frozen_today, calendar):
    data = jsonld(get(client, calendar.lunar))
    assert data["@type"] == "Festival"  # the test site's festival category
    assert data["startDate"] == "2027-04-22T00:00:00+07:00"
    assert data["endDate"].endswith("+07:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    location = data["location"]
    assert location["@type"] == "Place"
    assert location["address"]["@type"] == "PostalAddress"
    assert location["address"]["addressCountry"] == "VN"
    assert location["geo"]["latitude"] == pytest.approx(21.58)  # set on the event
    assert data["image"][0].startswith("http://testserver/")
    assert data["offers"]["price"] == 0 and data["offers"]["priceCurrency"] == "VND"
    assert data["inLanguage"] == "en"


def test_a_rescheduled_event_keeps_its_previous_start_date(client, frozen_today, calendar):
    data = jsonld(get(client, calendar.rescheduled, "vi"))
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    previous = datetime.datetime.fromisoformat(data["previousStartDate"])
    assert previous.date() == datetime.date(2026, 12, 12)
    assert data["previousStartDate"].endswith("+07:00")
    assert data["@type"] == "SportsEvent"


def test_a_cancelled_event_says_so_on_its_page_and_to_search_engines(
    client, frozen_today, calendar
):
    response = get(client, calendar.cancelled)
    assert soup(response).select_one(".event-status").text.strip() == "Cancelled"
    assert jsonld(response)["eventStatus"] == "https://schema.org/EventCancelled"
    assert jsonld(response)["offers"]["price"] == 50000
    organizer = jsonld(response)["organizer"]
    assert organizer == {"@type": "Organization", "name": "Test tourism group"}


def test_the_event_page_offers_ics_webcal_and_google_links(client, frozen_today, calendar):
    page = soup(get(client, calendar.lunar))
    links = [a["href"] for a in page.select(".calendar-links a")]
    pk = calendar.lunar.pk
    assert f"http://testserver/feeds/events/{pk}.ics?lang=en" in links
    assert f"webcal://testserver/feeds/events/{pk}.ics?lang=en" in links
    google = next(link for link in links if link.startswith("https://calendar.google.com/"))
    assert "dates=20270422%2F20270423" in google and "ctz=Asia%2FHo_Chi_Minh" in google
    alternate = page.find("link", type="text/calendar")
    assert alternate["href"].endswith(f"/feeds/events/{pk}.ics?lang=en")


def test_a_finished_event_says_it_is_over(client, frozen_today, calendar):
    when = soup(get(client, calendar.past)).select_one(".event-when")
    assert when.select_one(".event-over").get_text(strip=True) == "This event is over."
    assert "25 December 2025" in when.select_one(".occurrence--big").text


def test_the_venue_links_to_the_village_page(client, frozen_today, calendar, test_site):
    page = soup(get(client, calendar.season))
    assert page.select_one(".event-facts a")["href"] == page_url(test_site.village, "en")


def test_the_venue_without_a_page_is_named(client, frozen_today, calendar):
    facts = soup(get(client, calendar.lunar)).select_one(".event-facts")
    assert "Pine Test Hamlet" in facts.text
    assert not facts.select("a[href^='/']")  # no link to a page of the site


def test_the_village_page_lists_its_festivals(client, frozen_today, calendar, test_site):
    page = soup(get(client, test_site.village))
    section = page.find(id="festivals-heading").find_parent("section")
    titles = [a.get_text(strip=True) for a in section.select("li a")]
    assert calendar.season.title_en in titles
    assert calendar.lunar_span.title_en not in titles  # held in the other village


def test_the_home_page_lists_upcoming_festivals(client, frozen_today, calendar):
    page = soup(client.get("/en/"))
    section = page.find(id="section-festivals").parent
    titles = [t.text for t in section.select(".card-title")]
    assert titles[0] == calendar.solar.title_en  # 15 December 2026, the first to come
    assert calendar.rescheduled.title_en in titles  # 19 December 2026
    assert calendar.cancelled.title_en not in titles  # 5 December 2026, but cancelled
    assert calendar.market.title_en not in titles  # weekly


def test_an_event_published_after_the_home_page_was_shown_leads_its_festivals_at_once(
    client, frozen_today, calendar, make_event
):
    # The home section's candidates (the events of its six first occurrences) are
    # cached per content version (events/listing.py): more than six events to come.
    for day in range(3, 9):
        make_event(title_en=f"Zq gathering {day}", start_date=TODAY + datetime.timedelta(days=day))
    client.get("/en/")
    make_event(title_en="Zq sooner gathering", start_date=TODAY + datetime.timedelta(days=2))
    section = soup(client.get("/en/")).find(id="section-festivals").parent
    titles = [t.text for t in section.select(".card-title")]
    assert titles[:2] == ["Zq sooner gathering", "Zq gathering 3"]


def test_cancelled_status_is_shown_in_the_index(client, frozen_today, calendar, vietnamese):
    page = calendar.solar
    page.status = Status.CANCELLED
    publish(page)
    index = soup(client.get(INDEX))
    item = next(a for a in index.select(".agenda-item") if page.title_en in a.text)
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
        return title in agenda_titles(client.get(INDEX, {**filters, **extra}))

    day_before, day_after = start - datetime.timedelta(days=1), end + datetime.timedelta(days=1)
    assert listed(day_before) and not listed(day_before, past=1)
    assert listed(end)  # its last day: still on
    assert not listed(day_after) and listed(day_after, past=1)
