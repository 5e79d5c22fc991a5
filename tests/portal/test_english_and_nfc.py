"""English pages speak English, and everything served is Unicode NFC.

A crawl of the test site's /en/ pages looks at every text node and every alt and
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


def crawl(client, start, limit=LIMIT, seeds=()):
    """{path: response} of the HTML pages reachable from ``start`` (and ``seeds``)
    under ``start``'s prefix."""
    prefix = start
    queue = [start, *(seed for seed in seeds if seed != start)]
    seen, found = set(queue), {}
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

    from tests.factories.site import page_urls

    with django_db_blocker.unblock():
        # Every page of the test site, linked or not (the numbers page is in no menu).
        seeds = sorted(urls["en"] for urls in page_urls().values())
        pages = crawl(Client(), "/en/", seeds=seeds)
        return {path: r.content.decode() for path, r in pages.items()}


def test_the_crawl_reads_every_page_of_the_test_site_and_what_they_link(english_pages):
    from tests.factories.site import page_urls

    english = {urls["en"] for urls in page_urls().values()}
    assert english - set(english_pages) == set()


def test_no_english_page_shows_vietnamese_only_text(english_pages):
    offending = {
        path: found[:3]
        for path, html in english_pages.items()
        if (found := vietnamese_only_texts(html))
    }
    assert offending == {}


def test_english_homestay_pages_name_the_host_family_in_english(client, test_site):
    from portal.i18n import page_url
    from tests.factories.places import add_homestay

    page = add_homestay(
        test_site.village,
        host_name_vi="Gia đình ông Triệu Thử",
        host_name_en="The Triệu Thử family",
    )
    english = BeautifulSoup(client.get(page_url(page, "en")).content, "html.parser")
    label = next(dt for dt in english.find_all("dt") if dt.get_text(strip=True) == "Host family")
    assert label.find_next_sibling("dd").get_text(strip=True) == "The Triệu Thử family"


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


def test_a_decomposed_text_from_any_source_is_served_composed(client, test_site):
    from portal.i18n import page_url
    from tests.factories import publish
    from tests.factories.events import add_event

    page = add_event(test_site.events)
    decomposed = unicodedata.normalize("NFD", "Mùa Tết thử của người Dao")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    page.title_vi = decomposed
    page = publish(page)
    body = client.get(page_url(page, "vi")).content.decode()
    assert unicodedata.normalize("NFC", decomposed) in body
    assert unicodedata.is_normalized("NFC", body)
