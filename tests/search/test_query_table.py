"""What visitors type, and the page that must come first (issue #10).

The pages are built here (``places`` below) with made-up Vietnamese names that have
diacritics and đ, next to pages that only mention the same words; the expected page
for each query is the one this module named for it, not the ranking's output. Each
query runs as typed with accents, without accents and in decomposed Unicode (NFD, as
iOS and macOS keyboards may send), in both languages, on whichever database the run
uses (SQLite or PostgreSQL).
"""

import datetime
import unicodedata

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from events.occurrences import Kind
from portal.models import StandardPage
from portal.searching.results import search_pages
from tests.factories import add_page, publish, rolled_back
from tests.factories.events import add_event
from tests.factories.places import add_attraction, add_commune, add_homestay, add_village
from tests.factories.site import TestSite
from villages.models import AttractionKind

pytestmark = pytest.mark.django_db

LANGUAGES = ["vi", "en"]

# The pages the queries name, by key (Vietnamese title, English title).
MEANT = {
    "communal_house": ("Đình Khuổi Mạ Thử", "Khuoi Ma Test Communal House"),
    "market": ("Chợ Đồng Khâu Thử", "Dong Khau Test Market"),
    "marker": ("Cột mốc 2207 và dốc đá thử", "Test Marker 2207 and the stone slope"),
    "village": ("Bản Sán Chỉ Nà Pò Thử", "Na Po Test San Chi Village"),
    "peak": ("Đỉnh Phja Piêng Thử", "Phja Pieng Test Peak"),
    "tet": ("Mùa Tết của người Dao Thử", "Test Dao Lunar Season"),
    "full_moon_festival": ("Lễ hội đình Khuổi Mạ Thử", "Khuoi Ma Test Communal House Festival"),
    "homestay": ("Nhà nghỉ Cây Sấu Thử", "Test Sau Tree Homestay"),
}
COMMUNE = ("xã Khe Lừa Thử", "Khe Lua Test commune")
FORMER_COMMUNE_NAME = "Đồng Lừa Cũ"


def _build():
    """The pages of the table, and pages that only mention the same words."""
    site = TestSite()
    home, villages, sights, events = site.home, site.villages, site.attractions, site.events
    san_chi = site.group("san-chi")

    def titles(key):
        vi, en = MEANT[key]
        return {"title_vi": vi, "title_en": en}

    commune = add_commune("xa-khe-lua-thu", *COMMUNE, former_names=[FORMER_COMMUNE_NAME])
    pages = {
        "communal_house": add_attraction(
            sights, kind=AttractionKind.COMMUNAL_HOUSE, **titles("communal_house")
        ),
        "market": add_attraction(sights, kind=AttractionKind.MARKET, **titles("market")),
        "marker": add_attraction(sights, kind=AttractionKind.BORDER_MARKER, **titles("marker")),
        "peak": add_attraction(sights, kind=AttractionKind.PEAK, **titles("peak")),
        "village": add_village(villages, ethnic_groups=[san_chi], **titles("village")),
    }
    nam = add_village(
        villages, commune=commune, title_vi="Bản Nặm Thử", title_en="Nam Test Village"
    )
    pages["homestay"] = add_homestay(nam, **titles("homestay"))
    pages["tet"] = add_event(
        events,
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=12,
        rule_day=28,
        **titles("tet"),
    )
    pages["full_moon_festival"] = add_event(
        events,
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=1,
        rule_day=15,
        venue=pages["communal_house"],
        **titles("full_moon_festival"),
    )
    # Pages that only share some of the words with a query.
    add_attraction(sights, title_vi="Cột mốc 2208 thử", title_en="Test Marker 2208")
    add_village(villages, title_vi="Bản Phja Thử", title_en="Phja Test Village")
    add_homestay(
        site.village2,
        title_vi="Nhà nghỉ gần chợ Đồng Khâu Thử",
        title_en="Near the Test Market",
    )
    add_event(
        events,
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=3,
        rule_day=15,
        title_vi="Hội chợ Rằm Thử",
        title_en="Test Full Moon Fair",
    )
    add_event(events, title_vi="Hội xuân người Dao Thử", title_en="Test Dao Spring Gathering")
    add_page(
        home,
        StandardPage,
        title_vi="Ghi chép đường xa thử",
        title_en="Test travel notes",
        introduction_vi="Người Sán Chỉ đón Tết ở đình Khuổi Mạ, gần cột mốc 2207 và Đồng Khâu.",
        introduction_en="San Chi families spend Tet near Khuoi Ma, marker 2207 and Dong Khau.",
    )
    home.introduction_vi = "Trang chủ thử: người Sán Chỉ, người Dao và người Tày."
    home.introduction_en = "The test home page: San Chi, Dao and Tay people."
    publish(home)
    return {key: page.pk for key, page in pages.items()}


@pytest.fixture(scope="module")
def places(django_db_setup, django_db_blocker):
    """{key of MEANT: page id}, built once for the module inside a transaction that
    is rolled back after it (each test nests in it, like ``demo_site``)."""
    with rolled_back(django_db_blocker), translation.override("vi"):
        yield _build()


def first(query, language):
    with translation.override(language):
        hits = search_pages(query).hits
    return hits[0].page.pk if hits else None


def variants(query):
    """The query as typed and as an iPhone sends it (decomposed)."""
    return [query, unicodedata.normalize("NFD", query)]


QUERY_TABLE = [
    ("dinh khuoi ma", "communal_house"),  # đ and tones typed as plain letters
    ("Đình Khuổi Mạ", "communal_house"),  # not the festival held there, nor Đỉnh …
    ("dong khau", "market"),  # not the homestay named after the market
    ("cot moc 2207", "marker"),  # not marker 2208
    ("cột mốc 2207", "marker"),
    ("sán chỉ", "village"),  # not the pages that only mention the people
    ("san chi", "village"),
    ("phja pi", "peak"),  # the last word is a prefix, as the visitor is still typing
    ("Tet", "tet"),
    ("Dao New Year", "tet"),  # the English name of Tết
    ("rằm tháng Giêng", "full_moon_festival"),  # by its lunar date, not the 15th of month 3
    ("ram thang gieng", "full_moon_festival"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("query", "key"), QUERY_TABLE)
def test_the_page_a_visitor_means_comes_first(places, query, key, language):
    for typed in variants(query):
        assert first(typed, language) == places[key], (typed, MEANT[key])


@pytest.fixture
def festival_about(places, test_site):
    """An event whose title holds "Lễ hội" / "Festival", to compete with the index."""
    return add_event(test_site.events, title_vi="Lễ hội Xuân Thử", title_en="Test Spring Festivals")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["le hoi", "lễ hội", "festivals", "LỄ HỘI"])
def test_a_query_naming_the_festivals_section_finds_its_index_first(
    query, language, test_site, festival_about
):
    for typed in variants(query):
        assert first(typed, language) == test_site.events.pk, typed


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_query_naming_the_villages_section_finds_its_index_first(places, language, test_site):
    # The test site's villages index is "Bản làng thử"; the villages are "Bản …".
    for typed in variants("bản làng") + ["ban lang"]:
        assert first(typed, language) == test_site.villages.pk, typed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "query",
    [
        "homestay khe lua",
        "homestay khe lừa",
        "HOMESTAY KHE LỪA",
        "homestay dong lua cu",  # the commune's former name
        "homestay Đồng Lừa Cũ",
    ],
)
def test_a_homestay_is_found_by_the_commune_of_its_village(places, query, language):
    # "Nhà nghỉ Cây Sấu Thử" is the only homestay in a village of xã Khe Lừa Thử.
    for typed in variants(query):
        assert first(typed, language) == places["homestay"], typed


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mere_mention_does_not_outrank_the_village(places, language):
    with translation.override(language):
        hits = search_pages("san chi").hits
    kinds = [hit.kind for hit in hits]
    assert hits[0].page.pk == places["village"]
    assert "home" in kinds  # the home page mentions the people …
    assert "home" not in kinds[:3]  # … and comes after what is about them


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
    private = add_page(home, StandardPage, title_vi="Trang riêng zqxwvt", title_en="Own zqxwvt")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert {hit.page.pk for hit in search_pages("zqxwvt").hits} == {page.pk}
    page.unpublish()
    assert search_pages("zqxwvt").hits == []
    assert Page.objects.filter(pk=page.pk).exists()
