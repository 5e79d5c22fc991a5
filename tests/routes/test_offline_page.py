"""The offline page the service worker shows for pages not saved on the device, and
the service worker that pre-caches it in every language."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

HEADINGS = {"vi": "Không có kết nối", "en": "No connection"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_offline_page_speaks_the_visitors_language_and_stays_out_of_search_engines(
    client, lang
):
    response = client.get(f"/{lang}/offline/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == HEADINGS[lang]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    # The list is filled on the device from its cache, by a script file (no inline script).
    assert soup.select_one("[data-offline-routes-list]") is not None
    assert any("offline-page.js" in s.get("src", "") for s in soup.select("script"))
    assert not [
        s for s in soup.select("script:not([src])") if s.get("type") != "application/ld+json"
    ]


def test_the_service_worker_precaches_the_offline_page_of_every_language(client):
    body = client.get("/sw.js").content.decode()
    pages = re.search(r"var OFFLINE_PAGES = (\{.*?\});", body).group(1)
    assert '"vi": "/vi/offline/"' in pages and '"en": "/en/offline/"' in pages
    assert 'addEventListener("install"' in body
    assert "caches.open(OFFLINE_CACHE)" in body
