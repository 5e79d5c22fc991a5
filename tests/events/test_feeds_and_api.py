"""Feeds, API and embed: same filters as the index, only published public events,
clear errors for bad parameters, cheap polling, CORS, framing only for the embed."""

import datetime
import json
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from portal.i18n import page_url
from tests.events.conftest import LUNAR_16_3, TODAY
from tests.factories import add_page
from tests.languages import public_languages

pytestmark = pytest.mark.django_db

NEXT_YEAR = (TODAY, TODAY + datetime.timedelta(days=365))
# The test site's events index and villages (tests/factories/site.py); the events
# are the ``calendar`` fixture's (tests/events/conftest.py).
INDEX_VI, INDEX_EN = "/vi/le-hoi-thu/", "/en/test-festivals/"
VILLAGE, VILLAGE2 = "ban-doi-may-thu", "stone-stream-test-village"
FILTERS = [
    {},
    {"category": "festival"},
    {"category": "market"},
    {"village": VILLAGE},
    {"village": VILLAGE2},
    {"village": VILLAGE, "category": "ceremony"},
]


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def paths_from_index(client, params):
    """The event pages the index shows for the coming year (agenda pages + weekly box)."""
    paths, number = set(), 1
    while True:
        response = client.get(INDEX_VI, {**params, "page": number})
        soup = html(response)
        paths |= {a["href"] for a in soup.select(".agenda-title a, .weekly-box a")}
        if not soup.select_one(".pagination a[rel=next]"):
            return paths
        number += 1


def paths_from_api(client, params):
    response = client.get("/api/v2/events/", {**params, "lang": "vi", "limit": 20})
    assert response.status_code == 200
    return {urlparse(item["urls"]["vi"]).path for item in response.json()["items"]}


def paths_from_ics(client, params):
    calendar = Calendar.from_ical(client.get("/feeds/events.ics", {**params, "lang": "vi"}).content)
    expanded = recurring_ical_events.of(calendar).between(*NEXT_YEAR)
    return {urlparse(str(event["url"])).path for event in expanded}


def rss(response):
    return ElementTree.fromstring(response.content)


def paths_from_rss(client, params):
    channel = rss(client.get("/feeds/events.rss", {**params, "lang": "vi"}))
    return {urlparse(link.text).path for link in channel.iterfind("channel/item/link")}


def paths_from_embed(client, params):
    response = client.get("/embed/events/", {**params, "lang": "vi", "limit": 20})
    return {urlparse(a["href"]).path for a in html(response).select("li > a")}


@pytest.mark.parametrize("params", FILTERS)
def test_index_api_feeds_and_embed_agree_on_the_same_filters(
    client, frozen_today, calendar, params
):
    expected = paths_from_index(client, params)
    assert expected
    assert paths_from_api(client, params) == expected
    assert paths_from_ics(client, params) == expected
    assert paths_from_rss(client, params) == expected
    assert paths_from_embed(client, params) == expected


def everything(client, title, slug):
    """Where an event could leak: index, event feeds, API, embed, sitemap, home page."""
    sources = {
        "index": client.get(INDEX_EN).content,
        "index-month": client.get(INDEX_EN, {"view": "month", "month": "2026-12"}).content,
        "ics": client.get("/feeds/events.ics", {"lang": "en"}).content,
        "rss": client.get("/feeds/events.rss", {"lang": "en"}).content,
        "api": client.get("/api/v2/events/", {"lang": "en", "limit": 20}).content,
        "pages-api": client.get(
            "/api/v2/pages/", {"lang": "en", "limit": 20, "search": title}
        ).content,
        "embed": client.get("/embed/events/", {"lang": "en", "limit": 20}).content,
        "home": client.get("/en/").content,
    }
    found = {name for name, body in sources.items() if title.encode() in body}
    if f"/{slug}/".encode() in client.get("/sitemap.xml").content:
        found.add("sitemap")
    return found


def test_a_draft_event_appears_nowhere(client, frozen_today, make_event):
    draft = make_event(publish_it=False, title_en="Secret draft gathering", slug_en="secret-draft")
    assert not draft.live
    assert everything(client, "Secret draft gathering", "secret-draft") == set()
    assert client.get(f"/api/v2/events/{draft.pk}/").status_code == 404
    assert client.get(f"/feeds/events/{draft.pk}.ics").status_code == 404


def test_an_unpublished_event_disappears_everywhere(client, frozen_today, make_event, vietnamese):
    event = make_event(title_en="Withdrawn meeting", slug_en="withdrawn")
    assert "ics" in everything(client, "Withdrawn meeting", "withdrawn")
    event.unpublish()
    assert everything(client, "Withdrawn meeting", "withdrawn") == set()


def test_a_private_event_appears_nowhere(client, frozen_today, make_event):
    event = make_event(title_en="Members only rite", slug_en="members-only")
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get_or_create(name="Staff")[0]])
    assert everything(client, "Members only rite", "members-only") == set()
    assert client.get(f"/api/v2/events/{event.pk}/").status_code == 404
    assert client.get(f"/feeds/events/{event.pk}.ics").status_code == 404


def test_a_published_test_event_does_appear_everywhere(client, frozen_today, make_event):
    make_event(title_en="Open gathering", slug_en="open-gathering")
    found = everything(client, "Open gathering", "open-gathering")
    assert found >= {"index", "ics", "rss", "api", "embed", "sitemap", "home"}


BAD = [
    {"from": "2025-13-45"},
    {"to": "yesterday"},
    {"village": "unknown"},
    {"village": "99999999999999999999"},
    {"village": "x" * 300},
    {"category": "\x00"},
    {"category": "nope"},
    {"month": "2027-13"},
    {"from": "2027-05-01", "to": "2027-01-01"},
    {"lang": "xx"},
]
ENDPOINTS = ["/feeds/events.ics", "/feeds/events.rss", "/api/v2/events/", "/embed/events/"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("params", BAD)
def test_bad_parameters_give_a_clear_400_never_a_500(client, frozen_today, endpoint, params):
    response = client.get(endpoint, params)
    assert response.status_code == 400
    body = response.content.decode()
    assert any(name in body for name in params) or "Unknown language" in body


def test_the_embed_clamps_its_limit(client, frozen_today, calendar):
    def count(limit):
        response = client.get("/embed/events/", {"limit": limit})
        assert response.status_code == 200
        return len(html(response).select("li"))

    assert count("-1") == 1
    assert count("0") == 1
    assert count("abc") == 5
    # Every event of the calendar but the past one: eight, fewer than the largest limit
    # (tests/events/test_embed.py checks the clamp to 20 with more events).
    assert count("100000") == count("20") == 8


def test_the_api_refuses_a_negative_limit_clearly(client, frozen_today):
    response = client.get("/api/v2/events/", {"limit": "-1"})
    assert response.status_code == 400
    assert "limit" in response.json()["message"]


def test_unknown_event_ids_are_404(client, frozen_today):
    assert client.get("/feeds/events/999999.ics").status_code == 404
    assert client.get("/api/v2/events/999999/").status_code == 404
    assert client.get("/feeds/events/99999999999999999999.ics").status_code == 404
    assert client.get("/api/v2/events/99999999999999999999/").status_code == 404


@pytest.mark.parametrize("endpoint", [*ENDPOINTS, INDEX_EN])
@pytest.mark.parametrize(
    "params",
    [
        {"from": "2099-12-31"},
        {"month": "2099-12"},
        {"from": "1901-01-01", "to": "1901-02-01"},
        {"past": "1", "from": "1901-01-01"},
        {"from": "2026-01-01", "to": "2099-12-31"},
    ],
)
def test_dates_at_the_ends_of_the_calendar_still_answer(client, frozen_today, endpoint, params):
    assert client.get(endpoint, params).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/events.ics?lang=en",
        "/feeds/events.rss?lang=en",
        "/api/v2/events/?lang=en",
        f"/embed/events/?lang=en&village={VILLAGE}",
    ],
)
def test_partners_can_poll_cheaply_with_etags(client, frozen_today, calendar, path):
    first = client.get(path)
    assert first.status_code == 200
    assert calendar.season.title_en.encode() in first.content
    etag = first["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_feeds_answer_head_requests_without_a_body(client, frozen_today):
    for path in ("/feeds/events.ics", "/feeds/events.rss", "/embed/events/"):
        response = client.head(path)
        assert response.status_code == 200 and response.content == b"", path
    assert client.post("/feeds/events.ics").status_code == 405


def test_feeds_and_api_answer_other_origins(client, frozen_today):
    for path in ("/feeds/events.ics", "/feeds/events.rss", "/api/v2/events/"):
        response = client.get(path, HTTP_ORIGIN="https://partner.example")
        assert response["Access-Control-Allow-Origin"] == "*", path


def test_only_the_embed_may_be_framed(client, frozen_today):
    embed = client.get("/embed/events/", {"village": VILLAGE})
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"].split("; ")
    assert "frame-ancestors 'none'" in client.get(INDEX_EN)["Content-Security-Policy"]
    assert client.get(INDEX_EN)["X-Frame-Options"] == "DENY"
    assert client.get("/feeds/events.rss")["X-Frame-Options"] == "DENY"


def test_the_embed_shows_the_next_five_festivals_of_one_village(client, frozen_today, calendar):
    response = client.get(
        "/embed/events/", {"lang": "en", "village": VILLAGE2, "category": "festival", "limit": 5}
    )
    items = html(response).select("li")
    assert len(items) == 1  # the second village's only festival (at its market square)
    assert calendar.lunar_span.title_en in items[0].text
    assert "20 February 2027" in items[0].text
    assert "15th to the 17th day of the 1st lunar month" in items[0].text
    assert html(response).find("html")["lang"] == "en"
    # No script, and one stylesheet: the portal's own (style-src 'self', no inline style).
    assert not html(response).select("script[src]")
    stylesheets = html(response).select("link[rel=stylesheet]")
    assert [link["href"] for link in stylesheets] == ["/static/events/embed.css"]


def test_the_rss_feed_is_rss_2_in_the_chosen_language(client, frozen_today, calendar):
    response = client.get("/feeds/events.rss", {"lang": "en"})
    assert response["Content-Type"].startswith("application/rss+xml")
    assert response["Content-Language"] == "en"
    root = rss(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.findtext("channel/language") == "en"
    titles = [t.text for t in root.iterfind("channel/item/title")]
    assert any(t.startswith(f"{calendar.solar.title_en} (15 December 2026)") for t in titles)
    assert any(t.startswith(calendar.cancelled.title_en) for t in titles)  # still listed
    guids = [g.text for g in root.iterfind("channel/item/guid")]
    assert len(set(guids)) == len(guids)


def test_the_api_describes_each_event_fully(client, frozen_today, calendar):
    data = client.get("/api/v2/events/", {"lang": "en", "category": "festival"}).json()
    festival = next(i for i in data["items"] if i["title"] == calendar.lunar.title_en)
    assert festival["lunar_rule"] == "16th day of the 3rd lunar month"
    assert festival["status"] == "scheduled"
    first = festival["next_occurrences"][0]
    assert first["start"] == LUNAR_16_3[0].isoformat()
    assert first["start_datetime"] == "2027-04-22T00:00:00+07:00"
    assert first["lunar_date"] == "16th day of the 3rd lunar month"
    venue = festival["venue"]
    assert venue["latitude"] == pytest.approx(21.58)  # set on the event
    assert venue["name"] == "Pine Test Hamlet"
    assert not venue.get("page")  # held in a hamlet with no page
    assert set(festival["urls"]) == set(public_languages())
    assert festival["urls"]["en"].endswith(f"{INDEX_EN}pine-hill-test-singing-festival/")
    assert festival["ics_url"].endswith(".ics?lang=en")
    assert festival["image_thumbnail"]["width"] == 480
    assert festival["category"]["slug"] == "festival"


def test_the_api_orders_events_by_their_next_date_and_filters_by_range(
    client, frozen_today, calendar, make_event
):
    # Made before the 16th of the 3rd month's festival, listed after it.
    make_event(
        title_en="Test Wind Day",
        schedule_kind="yearly_lunar",
        start_date=datetime.date(2020, 1, 1),
        rule_month=4,
        rule_day=4,
    )
    data = client.get("/api/v2/events/", {"lang": "en", "from": "2027-04-01", "to": "2027-05-31"})
    titles = [i["title"] for i in data.json()["items"]]
    assert titles == [
        calendar.market.title_en,  # Saturday 3 April 2027
        calendar.market2.title_en,  # Sunday 4 April 2027
        calendar.lunar.title_en,  # 22 April 2027
        "Test Wind Day",  # 9 May 2027: the 4th of the 4th lunar month
    ]  # not the flower fair (December) nor the one-day events


def test_the_api_detail_view_works(client, frozen_today):
    listing = client.get("/api/v2/events/", {"lang": "vi"}).json()["items"]
    detail = client.get(f"/api/v2/events/{listing[0]['id']}/", {"lang": "en"})
    assert detail.status_code == 200
    assert "next_occurrences" in detail.json()


def test_the_partners_page_shows_the_embed_snippet_and_the_feed_addresses(
    client, frozen_today, home
):
    partners = add_page(
        home,
        body=json.dumps([{"type": "partner_addresses", "value": None}]),
        slug_vi="doi-tac-thu",
        slug_en="test-partners",
    )
    for language in ("en", "vi"):
        response = client.get(page_url(partners, language))
        assert response.status_code == 200
        text = html(response).text
        assert '<iframe src="http://testserver/embed/events/?lang=' in text
        assert "webcal://testserver/feeds/events.ics?lang=" in text
        assert "/feeds/events.rss?lang=" in text
        assert "/api/v2/events/?lang=" in text
