"""The search page and the suggestions as a visitor sees them."""

import unicodedata

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from portal.models import StandardPage
from tests.factories import add_page
from tests.factories.events import add_event
from tests.factories.places import add_attraction
from villages.models import AttractionKind

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    "query",
    [
        "dinh\x00luc",
        "\x01\x02\x1b[31m",
        "x" * 10_000,
        "đình " * 2_000,
        "!!!???...",
        "\"'*:()^-",
        "AND OR NOT NEAR",
        "%00",
    ],
)
def test_hostile_queries_give_a_normal_page(client, query):
    response = client.get("/vi/search/", {"q": query})
    assert response.status_code == 200
    assert soup_of(response).find("h1").get_text(strip=True) == "Tìm kiếm"


def test_a_long_query_is_cut_to_200_characters_in_the_form(client):
    response = client.get("/en/search/", {"q": "y" * 10_000})
    value = soup_of(response).find("input", id="search-q")["value"]
    assert value == "y" * 200


def test_a_bad_page_number_or_type_shows_the_first_page(client, home):
    add_page(home, StandardPage, title_vi="Trang qpzk", title_en="Page qpzk")
    response = client.get("/vi/search/", {"q": "qpzk", "page": "abc", "type": "<x>"})
    assert response.status_code == 200
    titles = [a.get_text(strip=True) for a in soup_of(response).select(".search-title")]
    assert titles == ["Trang qpzk"]


def test_results_show_type_thumbnail_and_a_marked_snippet_in_the_visitors_language(
    client, test_site
):
    add_attraction(
        test_site.attractions,
        kind=AttractionKind.PEAK,
        title_vi="Đỉnh Khau Vái Thử",
        title_en="Khau Vái test peak",
        introduction_vi="Từ đỉnh Khau Vái, mây nằm dưới chân.",
        introduction_en="From Khau Vái peak the clouds lie below.",
    )
    response = client.get("/en/search/", {"q": "khau vai"})
    first = soup_of(response).select(".search-result")[0]
    assert first.select_one(".search-title").get_text(strip=True) == "Khau Vái test peak"
    assert first.select_one(".search-type").get_text(strip=True) == "Attraction"
    assert first.select_one("img.search-thumb") is not None
    snippet = first.select_one(".search-snippet")
    assert snippet.get_text() == "From Khau Vái peak the clouds lie below."
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Khau", "Vái"]


def test_filters_by_type_carry_counts_and_keep_only_that_type(client, home, test_site):
    for n in range(12):
        add_event(test_site.events, title_vi=f"Hội qpzj {n}", title_en=f"Fair qpzj {n}")
    for n in range(3):
        add_page(home, StandardPage, title_vi=f"Trang qpzj {n}", title_en=f"Page qpzj {n}")
    response = client.get("/vi/search/", {"q": "qpzj"})
    filters = {
        a["href"]: a.get_text(" ", strip=True)
        for a in soup_of(response).select(".search-filters a")
    }
    event_filter = next(href for href in filters if "type=event" in href)
    page_filter = next(href for href in filters if "type=page" in href)
    assert int(filters[event_filter].split()[-1]) == 12
    assert int(filters[page_filter].split()[-1]) == 3
    filtered = soup_of(client.get("/vi/search/" + event_filter))
    results = filtered.select(".search-result")
    assert len(results) == 10
    assert all("search-result--event" in r["class"] for r in results)


def test_results_are_paginated(client, home):
    for n in range(12):
        add_page(
            home, StandardPage, title_vi=f"Trang phân trang qpzm {n}", title_en=f"Paged qpzm {n}"
        )
    first = soup_of(client.get("/en/search/", {"q": "qpzm"}))
    assert len(first.select(".search-result")) == 10
    second = soup_of(client.get("/en/search/", {"q": "qpzm", "page": 2}))
    assert len(second.select(".search-result")) == 2


def test_no_results_suggest_the_closest_titles_the_finder_calendar_and_map(client, test_site):
    add_attraction(test_site.attractions, title_vi="Đình Khuổi Mạ Thử", title_en="Khuoi Ma hall")
    response = client.get("/vi/search/", {"q": "ddinh khuoii maa thuu"})
    soup = soup_of(response)
    assert not soup.select(".search-result")
    closest = [a.get_text(strip=True) for a in soup.select(".search-closest a")]
    assert closest[0] == "Đình Khuổi Mạ Thử"
    helpful = [a["href"] for a in soup.select(".search-helpful a")]
    assert helpful == [test_site.finder.url, test_site.events.url, test_site.map.url]


def test_the_form_works_without_javascript(client):
    soup = soup_of(client.get("/vi/search/"))
    form = soup.select_one("form.search-page-form")
    assert form["method"] == "get" and form["action"] == "/vi/search/"
    assert not soup.find("script", src=False, string=True)


def test_suggestions_give_at_most_eight_titles_with_type_and_url(client, home, test_site):
    hall = add_attraction(
        test_site.attractions, title_vi="Đình Khuổi Mạ Thử", title_en="Khuoi Ma communal house"
    )
    for n in range(9):  # pages that only mention a communal house, after it
        add_page(home, StandardPage, title_vi=f"Về một ngôi đình {n}", title_en=f"On a dinh {n}")
    response = client.get("/en/search/suggest/", {"q": "dinh"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 8
    with translation.override("en"):
        url = hall.get_url()
    assert {"title": "Khuoi Ma communal house", "type": "Attraction", "url": url} in results


def test_suggestions_for_nothing_are_empty(client):
    assert client.get("/vi/search/suggest/", {"q": "\x00"}).json() == {"results": []}


def test_a_title_typed_in_nfd_is_stored_in_nfc(home, vietnamese):
    title = unicodedata.normalize("NFD", "Lễ hội Đình")
    page = add_page(home, StandardPage, title_vi=title, title_en="Festival", introduction_vi=title)
    page.refresh_from_db()
    assert page.title_vi == "Lễ hội Đình"
    assert unicodedata.is_normalized("NFC", page.introduction_vi)


def test_a_page_saved_in_nfd_is_found_by_unaccented_words(client, home):
    add_page(
        home,
        StandardPage,
        title_vi=unicodedata.normalize("NFD", "Đồi Thông Zêta"),
        title_en="Pine hill",
    )
    response = client.get("/vi/search/", {"q": "doi thong zeta"})
    titles = [a.get_text(strip=True) for a in soup_of(response).select(".search-title")]
    assert titles[0] == "Đồi Thông Zêta"
