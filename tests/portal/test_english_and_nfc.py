"""English pages speak English, and everything served is Unicode NFC.

A crawl of the demo site's /en/ pages looks at every text node and every alt and
title attribute for words that only Vietnamese uses (names of people and places stay
as they are, so the list holds ordinary words, not names) and the "(mẫu)" marker.
"""

import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

VIETNAMESE_ONLY = re.compile(
    r"\((?:mẫu)\)|\b(?:Gia đình|ảnh minh họa|âm lịch|Hằng năm|tháng|của|được|những|"
    r"Ngủ đêm|dữ liệu mẫu|thông tin mẫu)\b",
    re.IGNORECASE,
)
LIMIT = 80


def crawl(client, start, limit=LIMIT):
    """{path: response} of the HTML pages reachable from ``start`` under its prefix."""
    prefix = start
    seen, queue, found = {start}, [start], {}
    while queue and len(found) < limit:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        found[path] = response
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.select("a[href]"):
            parts = urlsplit(link["href"])
            target = parts.path
            if parts.netloc or not target.startswith(prefix) or target in seen:
                continue
            seen.add(target)
            queue.append(target)
    return found


def vietnamese_only_texts(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    texts = [str(node) for node in soup.find_all(string=True)]
    texts += [tag[attr] for attr in ("alt", "title") for tag in soup.select(f"[{attr}]")]
    # The language switcher names Vietnamese in Vietnamese, as it must.
    return [t.strip() for t in texts if VIETNAMESE_ONLY.search(t) and "Tiếng Việt" not in t]


@pytest.fixture(scope="module")
def english_pages(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return {path: r.content.decode() for path, r in crawl(Client(), "/en/").items()}


def test_the_crawl_reaches_the_demo_site(english_pages):
    paths = set(english_pages)
    assert len(paths) > 30
    assert any(p.startswith("/en/homestays/") or "homestay" in p for p in paths)
    assert any("festivals" in p for p in paths)


def test_no_english_page_shows_vietnamese_only_text(english_pages):
    offending = {
        path: found[:3]
        for path, html in english_pages.items()
        if (found := vietnamese_only_texts(html))
    }
    assert offending == {}


def test_english_homestay_pages_name_the_host_family_in_english(client):
    from django.utils import translation

    from villages.models import HomestayPage

    page = HomestayPage.objects.get(slug_vi="nha-trinh-tuong-khe-tien")
    with translation.override("en"):
        english = client.get(page.get_url())
    text = BeautifulSoup(english.content, "html.parser").get_text(" ")
    assert "The Triệu family (sample)" in text and "Gia đình" not in text


@pytest.mark.parametrize("path", ["/api/v2/events/", "/api/v2/places/"])
def test_the_api_in_english_gives_english_alt_texts(client, path):
    data = client.get(path, {"lang": "en", "limit": 20}).json()
    alts = [
        image["alt"]
        for item in data["items"]
        for key in ("image_thumbnail", "image_large", "thumbnail")
        if isinstance(image := item.get(key), dict) and "alt" in image
    ]
    assert alts
    assert not [alt for alt in alts if VIETNAMESE_ONLY.search(alt) or "minh họa" in alt]


def test_the_language_switcher_names_vietnamese_in_nfc(client):
    html = client.get("/en/").content.decode()
    nfc = unicodedata.normalize("NFC", "Tiếng Việt")
    assert nfc in html
    assert unicodedata.normalize("NFD", "Tiếng Việt") not in html


def test_every_response_body_is_nfc(client, english_pages):
    bodies = dict(english_pages)
    for path, response in crawl(client, "/vi/", limit=30).items():
        bodies[path] = response.content.decode()
    for path in (
        "/api/v2/events/?lang=en",
        "/api/v2/events/?lang=vi",
        "/api/v2/places/?lang=vi",
        "/api/places.geojson?lang=vi",
        "/feeds/events.rss?lang=vi",
        "/feeds/events.ics?lang=vi",
        "/embed/events/?lang=vi",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        bodies[path] = response.content.decode()
    not_nfc = [path for path, body in bodies.items() if not unicodedata.is_normalized("NFC", body)]
    assert not_nfc == []


def test_a_decomposed_text_from_any_source_is_served_composed(client):
    from events.models import EventPage

    page = EventPage.objects.get(slug_en="dao-tet-season")
    decomposed = unicodedata.normalize("NFD", "Mùa Tết của người Dao")
    page.title_vi = decomposed
    page.save_revision().publish()
    from django.utils import translation

    with translation.override("vi"):
        body = client.get(page.get_url()).content.decode()
    assert unicodedata.normalize("NFC", decomposed) in body
    assert unicodedata.is_normalized("NFC", body)
