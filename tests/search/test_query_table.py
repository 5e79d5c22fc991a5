"""What visitors type, and the page that must come first (issue #10).

Expected pages come from the fact sheet's names (shared/content/binh-lieu-facts.md),
not from the ranking's output. Each query runs as typed with accents, without
accents and in decomposed Unicode (NFD, as iOS and macOS keyboards may send), in
both languages, on whichever database the run uses (SQLite or PostgreSQL).
"""

import unicodedata

import pytest
from django.utils import translation
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from portal.models import StandardPage
from portal.searching.results import search_pages
from tests.factories import add_page
from villages.models import AttractionPage, HomestayPage, VillageIndexPage, VillagePage

pytestmark = pytest.mark.django_db

LANGUAGES = ["vi", "en"]


def first(query, language):
    with translation.override(language):
        hits = search_pages(query).hits
    return hits[0].page.specific if hits else None


def by_title(model, vietnamese_title):
    return model.objects.get(title_vi=vietnamese_title)


QUERY_TABLE = [
    ("dinh luc na", AttractionPage, "Đình Lục Nà"),
    ("Đình Lục Nà", AttractionPage, "Đình Lục Nà"),
    ("dong van", AttractionPage, "Chợ Đồng Văn"),
    ("cot moc 1305", AttractionPage, "Cột mốc 1305 và sống lưng khủng long"),
    ("cột mốc 1305", AttractionPage, "Cột mốc 1305 và sống lưng khủng long"),
    ("sán chỉ", VillagePage, "Bản Sán Chỉ Lục Ngù"),
    ("san chi", VillagePage, "Bản Sán Chỉ Lục Ngù"),
    ("cao xi", AttractionPage, "Đỉnh Cao Xiêm"),
    ("khe vang", None, None),  # nothing is called that: checked below, no crash
    ("Tet", EventPage, "Mùa Tết của người Dao"),
    ("Dao New Year", EventPage, "Mùa Tết của người Dao"),
    ("rằm tháng Giêng", EventPage, "Lễ hội đình Lục Nà"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("query", "model", "title"), [q for q in QUERY_TABLE if q[1]])
def test_the_page_a_visitor_means_comes_first(query, model, title, language):
    expected = by_title(model, title)
    assert first(query, language) == expected
    assert first(unicodedata.normalize("NFD", query), language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["le hoi", "lễ hội", "festivals", "LỄ HỘI"])
def test_a_query_naming_the_festivals_section_finds_its_index_first(query, language):
    assert first(query, language) == EventIndexPage.objects.get()
    assert first(unicodedata.normalize("NFD", query), language) == EventIndexPage.objects.get()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_query_naming_the_villages_section_finds_its_index_first(language):
    assert first("bản làng", language) == VillageIndexPage.objects.get()
    assert first("ban lang", language) == VillageIndexPage.objects.get()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["homestay luc hon", "homestay lục hồn", "HOMESTAY LỤC HỒN"])
def test_a_homestay_is_found_by_the_commune_of_its_village(query, language):
    found = first(query, language)
    assert isinstance(found, HomestayPage)
    # Bản Cáu is in xã Lục Hồn per the fact sheet.
    assert found.get_parent().specific.commune.name_vi == "xã Lục Hồn"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mere_mention_does_not_outrank_the_village(language):
    hits = search_pages("san chi").hits
    kinds = [hit.kind for hit in hits]
    assert kinds[0] == "village"
    assert "home" not in kinds[:3]


@pytest.mark.parametrize("query", ["", "   ", "None", "none", "!!!", "\x00", "—"])
def test_empty_none_and_punctuation_find_nothing(query):
    assert search_pages(query).hits == []


def test_a_drafts_marker_word_finds_nothing(home):
    add_page(
        home, StandardPage, publish_it=False, title_vi="Trang nháp zqxwvy", title_en="Draft zqxwvy"
    )
    assert search_pages("zqxwvy").hits == []


def test_a_published_page_is_found_by_its_marker_word(home):
    page = add_page(home, StandardPage, title_vi="Trang Đặc Biệt zqxwvu", title_en="Special zqxwvu")
    assert [hit.page.pk for hit in search_pages("dac biet zqxwvu").hits][:1] == [page.pk]


def test_private_and_unpublished_pages_stay_out(home):
    page = add_page(home, StandardPage, title_vi="Trang zqxwvt", title_en="Page zqxwvt")
    page.unpublish()
    assert search_pages("zqxwvt").hits == []
    assert Page.objects.filter(pk=page.pk).exists()
