"""The demo's plan-your-trip page and glossary carry the fact-sheet facts and explain the
local words, in both languages (issue 14)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

TRIP = {"vi": "/vi/chuan-bi-chuyen-di/", "en": "/en/plan-your-trip/"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_trip_page_gives_the_fact_sheet_facts_in_both_languages(client):
    vi = soup_of(client.get(TRIP["vi"]))
    en = soup_of(client.get(TRIP["en"]))
    assert vi.h1.get_text() == "Chuẩn bị chuyến đi"
    assert en.h1.get_text() == "Plan your trip"
    vi_text, en_text = vi.get_text(" "), en.get_text(" ")
    # Fact sheet: Tiên Yên 28 km; border gates opened 25 June 2024; reeds Oct–Nov.
    assert "28 km" in vi_text and "28 km" in en_text
    assert "25/6/2024" in vi_text and "25 June 2024" in en_text
    assert "Hoành Mô" in vi_text and "Động Trung" in en_text
    for heading in ("Getting here", "When to come", "What to bring", "Phone signal", "Money"):
        assert heading in [h.get_text() for h in en.select("h2")]
    # Crossing hours and prices change: the page says so, in the visitor's language.
    assert en.select_one(".notice--sample") is not None
    assert "kiểm tra" in vi.select_one(".notice--sample").get_text()
    glossary = en.select_one(".stream a[href='/en/glossary/']")
    assert glossary is not None


def test_the_glossary_explains_the_local_words_in_english(client):
    text = soup_of(client.get("/en/glossary/")).get_text(" ")
    for term in ("Then", "Còn", "Pả dung", "Bánh cooc mò", "OCOP", "Zalo"):
        assert f"{term} :" in text or f"{term}:" in text, term
