"""Issue 14: a visitor on a phone finds the key sections, the trip page and keeps their
choices when switching language; tourists never see editor instructions."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import Page

from portal.i18n import language_list, language_name
from portal.models import HomePage, StandardPage
from portal.staff import DISTRICT_EDITORS
from tests.factories import publish

pytestmark = pytest.mark.django_db

# What the bar says, written here from the wording (not read from the code).
KEY_LABELS = {
    "vi": ["Bản", "Homestay", "Lễ hội", "Cung đường", "Bản đồ", "Tìm kiếm"],
    "en": ["Villages", "Homestays", "Festivals", "Routes", "Map", "Search"],
}
# Where the sections live in the demo site (DESIGN.md page tree, the demo's slugs).
KEY_PATHS = {
    "vi": [
        "/vi/ban-lang/",
        "/vi/tim-homestay/",
        "/vi/le-hoi/",
        "/vi/cung-duong/",
        "/vi/ban-do/",
        "/vi/search/",
    ],
    "en": [
        "/en/villages/",
        "/en/homestay-finder/",
        "/en/festivals/",
        "/en/routes/",
        "/en/map/",
        "/en/search/",
    ],
}
TRIP = {"vi": "/vi/chuan-bi-chuyen-di/", "en": "/en/plan-your-trip/"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def key_bar(soup):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(".key-nav a")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_carries_the_key_sections_in_the_visitors_language(client, lang):
    expected = list(zip(KEY_LABELS[lang], KEY_PATHS[lang], strict=True))
    for path in (f"/{lang}/", TRIP[lang], KEY_PATHS[lang][2], f"/{lang}/404-preview/"):
        assert key_bar(soup_of(client.get(path))) == expected, path


def test_each_key_section_link_opens_its_page(client):
    for label, href in key_bar(soup_of(client.get("/en/"))):
        response = client.get(href)
        assert response.status_code == 200, href
        assert soup_of(response).h1 is not None, href
        if label != "Search":
            here = soup_of(response).select_one(f".key-nav a[href='{href}']")
            assert here["aria-current"] == "page"


def test_a_key_section_whose_page_is_unpublished_leaves_the_bar(client):
    Page.objects.get(slug_vi="tim-homestay").unpublish()
    labels = [label for label, _href in key_bar(soup_of(client.get("/en/")))]
    assert "Homestays" not in labels
    assert labels == ["Villages", "Festivals", "Routes", "Map", "Search"]


def test_the_menu_link_works_without_javascript_and_lists_the_trip_page(client):
    soup = soup_of(client.get("/en/"))
    toggle = soup.select_one(".site-header a.menu-toggle")
    assert toggle["href"] == "#site-menu"
    menu = soup.select_one("nav#site-menu")
    assert TRIP["en"] in [a["href"] for a in menu.select("a")]
    assert menu.select_one("form[role=search] input[name=q]") is not None
    # The script that turns the link into a disclosure is a static file (strict CSP).
    scripts = [s.get("src", "") for s in soup.select("script:not([type])")]
    assert all(src.startswith("/static/") for src in scripts)
    assert any(src.endswith("portal/js/menu.js") for src in scripts)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_home_page_leads_with_five_calls_to_action(client, lang):
    soup = soup_of(client.get(f"/{lang}/"))
    actions = soup.select(".home-actions a")
    hrefs = [a["href"] for a in actions]
    paths = KEY_PATHS[lang]
    assert hrefs == [paths[1], paths[2], paths[3], paths[4], TRIP[lang]]
    # They come before the home sections (first thing under the hero).
    html = soup.decode()
    assert html.index("home-actions") < html.index("home-section")


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


def test_loading_the_demo_again_keeps_what_staff_changed_on_the_trip_page(client):
    from portal.demo import load_demo

    trip = StandardPage.objects.get(slug_en="plan-your-trip")
    trip.title_en = "Getting to Bình Liêu"
    publish(trip)
    home = HomePage.objects.get()
    home.trip_page = None
    publish(home)
    load_demo()
    assert StandardPage.objects.get(pk=trip.pk).title_en == "Getting to Bình Liêu"
    assert HomePage.objects.get().trip_page is None
    assert StandardPage.objects.filter(slug_en="plan-your-trip").count() == 1
    hrefs = [a["href"] for a in soup_of(client.get("/en/")).select(".home-actions a")]
    assert TRIP["en"] not in hrefs


def test_visitors_see_no_editor_instruction_in_the_footer(client):
    footer = soup_of(client.get("/en/")).select_one("footer").get_text(" ")
    assert "Settings" not in footer
    assert "replace them" not in footer
    assert "examples" in footer  # the details are still flagged as samples


def test_editors_see_where_to_replace_the_sample_contact_details(client):
    editor = User.objects.create_user("editor14", password="x" * 12)
    editor.groups.add(Group.objects.get(name=DISTRICT_EDITORS))
    client.force_login(editor)
    footer = soup_of(client.get("/en/")).select_one("footer").get_text(" ")
    assert "Settings → Contact details" in footer


@pytest.mark.parametrize(
    ("lang", "heading"), [("vi", "Không tìm thấy trang"), ("en", "Page not found")]
)
def test_the_sites_own_404_page_can_be_previewed(client, lang, heading):
    response = client.get(f"/{lang}/404-preview/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.h1.get_text() == heading
    assert soup.find("html")["lang"] == lang
    assert soup.select_one(".key-nav") is not None


@pytest.mark.parametrize(
    ("path", "switched"),
    [
        ("/vi/tim-homestay/?guests=4&amenity=meals", "/en/homestay-finder/?guests=4&amenity=meals"),
        ("/vi/le-hoi/?view=month&month=2027-04", "/en/festivals/?view=month&month=2027-04"),
        ("/en/villages/?page=2", "/vi/ban-lang/?page=2"),
    ],
)
def test_the_language_switcher_keeps_the_visitors_choices(client, path, switched):
    soup = soup_of(client.get(path))
    other = "en" if path.startswith("/vi/") else "vi"
    link = soup.select_one(f".site-header .language-switcher a[hreflang='{other}']")
    assert link["href"] == switched
    # Search engines still get the plain page as the alternate.
    alternate = soup.select_one(f"link[rel=alternate][hreflang='{other}']")
    assert "?" not in alternate["href"]


def embed_heading_and_count(client, query):
    soup = soup_of(client.get("/embed/events/", query))
    return soup.h1.get_text(strip=True), len(soup.select("ul > li"))


def test_the_embed_says_how_many_events_it_shows(client):
    heading, count = embed_heading_and_count(client, {"lang": "en", "limit": 3})
    assert count == 3
    assert heading == "The next 3 festivals and events in Bình Liêu"
    heading, count = embed_heading_and_count(client, {"lang": "en", "limit": 1})
    assert (heading, count) == ("The next festival or event in Bình Liêu", 1)
    heading, count = embed_heading_and_count(client, {"lang": "vi", "limit": 2})
    assert (heading, count) == ("2 lễ hội, sự kiện sắp tới ở Bình Liêu", 2)


def test_the_embed_for_one_village_counts_what_it_shows(client, home):
    from villages.models import VillagePage

    village = VillagePage.objects.live().get(slug_en="luc-ngu")
    heading, count = embed_heading_and_count(
        client, {"lang": "en", "village": village.slug, "limit": 5}
    )
    assert 1 <= count <= 5
    number = "festival or event" if count == 1 else f"{count} festivals and events"
    assert heading == f"The next {number} in {village.title_en}"


def widths(srcset):
    return sorted(int(w) for w in re.findall(r"\s(\d+)w", srcset))


def test_page_and_card_images_offer_several_widths_with_sizes(client):
    soup = soup_of(client.get("/en/about/"))
    image = soup.select_one("img.page-image")
    assert widths(image["srcset"])[-1] >= 1200 and widths(image["srcset"])[0] <= 480
    assert image["sizes"]
    home = soup_of(client.get("/en/"))
    cards = home.select("img.card-image")
    assert cards
    for card in cards:
        assert len(widths(card["srcset"])) >= 2
        assert "100vw" in card["sizes"]


def test_vietnamese_sentences_write_language_names_in_lower_case():
    # "chưa được dịch sang tiếng Anh": lower case inside a sentence, capital as a label.
    with translation.override("vi"):
        assert language_list(["en", "vi"], in_sentence=True) == "tiếng Anh và tiếng Việt"
        assert language_name("en") == "Tiếng Anh"
    with translation.override("en"):
        assert language_list(["vi"], in_sentence=True) == "Vietnamese"


def test_the_vietnamese_wording_uses_one_term_per_concept():
    with translation.override("vi"):
        assert translation.gettext("Loop") == "Đi vòng khép kín"
        assert translation.gettext("Ask the organiser") == "Liên hệ ban tổ chức"
        assert translation.gettext("Previous") == "Trang trước"
        assert translation.gettext("Next") == "Trang sau"
        assert translation.gettext("Any village") == translation.gettext("All villages")
        assert translation.gettext("Breadcrumbs") != translation.gettext("Path")
        assert "demo" not in translation.gettext(
            "Sample content for the demo: details such as times, places and prices are to "
            "be checked."
        )
