"""A 400 on a page path answers with the site's own page in the page's language."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# The test site's events index and homestay finder (tests/factories/site.py).
EVENTS_VI = "/vi/le-hoi-thu/"
FINDER_EN = "/en/find-a-test-homestay/"


def test_a_nul_in_a_vietnamese_page_parameter_gives_the_sites_400_page_in_vietnamese(client):
    response = client.get(EVENTS_VI, {"village": "bản\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "vi"
    assert soup.h1.get_text(strip=True) == "Không dùng được địa chỉ này"
    assert "chứa ký tự điều khiển" in soup.select_one("p.message").get_text()
    assert soup.select_one("a[href='/vi/']") is not None


def test_the_english_page_says_it_in_english(client):
    response = client.get(FINDER_EN, {"commune": "x" * 3000})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "The address cannot be used"
    assert "longer than 2000 characters" in soup.select_one("p.message").get_text()


def test_the_refused_value_is_not_reflected_unescaped(client):
    response = client.get("/en/search/", {"<script>alert(1)</script>": "a\x00"})
    assert response.status_code == 400
    assert "<script>" not in response.content.decode()


def test_the_400_page_needs_no_database(client, django_assert_num_queries):
    # What every request shares (the next expiry time, site root paths) is cached by
    # the site's first request; the 400 page itself reads nothing.
    assert client.get("/vi/").status_code == 200
    with django_assert_num_queries(0):
        response = client.get(EVENTS_VI, {"village": "\x00"})
    assert response.status_code == 400


def test_feeds_and_the_api_keep_their_plain_text_and_json_400s(client):
    feed = client.get("/feeds/events.ics", {"category": "a\x00"})
    api = client.get("/api/v2/places/", {"search": "a\x00"})
    assert feed["Content-Type"].startswith("text/plain")
    assert api["Content-Type"].startswith("application/json")
