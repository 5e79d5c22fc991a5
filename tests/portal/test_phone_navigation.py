"""Issue 14: a visitor on a phone finds the key sections, the trip page and keeps their
choices when switching language; tourists never see editor instructions."""

import datetime
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import Site

from portal.i18n import language_list, language_name, page_url
from portal.models import ContactSettings
from portal.staff import DISTRICT_EDITORS
from tests.factories import add_page
from tests.factories.events import add_event
from tests.factories.images import make_image
from tests.factories.places import add_village

pytestmark = pytest.mark.django_db

# What the bar says, written here from the wording (not read from the code).
KEY_LABELS = {
    "vi": ["Bản", "Homestay", "Lễ hội", "Cung đường", "Bản đồ", "Tìm kiếm"],
    "en": ["Villages", "Homestays", "Festivals", "Routes", "Map", "Search"],
}
# Where the sections live in the test site (tests/factories/site.py's slugs), in the
# bar's order; search is the site's search view.
KEY_PATHS = {
    "vi": [
        "/vi/ban-lang-thu/",
        "/vi/tim-homestay-thu/",
        "/vi/le-hoi-thu/",
        "/vi/cung-duong-thu/",
        "/vi/ban-do-thu/",
        "/vi/search/",
    ],
    "en": [
        "/en/test-villages/",
        "/en/find-a-test-homestay/",
        "/en/test-festivals/",
        "/en/test-routes/",
        "/en/test-map/",
        "/en/search/",
    ],
}
TRIP = {"vi": "/vi/chuan-bi-thu/", "en": "/en/plan-a-test-trip/"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def key_bar(soup):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(".key-nav a")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_carries_the_key_sections_in_the_visitors_language(client, test_site, lang):
    expected = list(zip(KEY_LABELS[lang], KEY_PATHS[lang], strict=True))
    pages = [
        f"/{lang}/",
        TRIP[lang],
        KEY_PATHS[lang][2],
        page_url(test_site.homestay, lang),
        f"/{lang}/404-preview/",
    ]
    for path in pages:
        assert key_bar(soup_of(client.get(path))) == expected, path


def test_each_key_section_link_opens_its_page(client):
    for label, href in key_bar(soup_of(client.get("/en/"))):
        response = client.get(href)
        assert response.status_code == 200, href
        assert soup_of(response).h1 is not None, href
        if label != "Search":
            here = soup_of(response).select_one(f".key-nav a[href='{href}']")
            assert here["aria-current"] == "page"


def test_a_key_section_whose_page_is_unpublished_leaves_the_bar(client, test_site):
    test_site.finder.unpublish()
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


@pytest.fixture
def sample_contact_details(test_site):
    """The site's contact details flagged as samples (as the demo's are)."""
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.is_sample = True
    contact.save()
    return contact


def sample_note(client):
    note = soup_of(client.get("/en/")).select_one("footer .sample-note")
    return " ".join(note.get_text(" ").split())


def test_visitors_see_no_editor_instruction_in_the_footer(client, sample_contact_details):
    footer = soup_of(client.get("/en/")).select_one("footer").get_text(" ")
    assert "Settings" not in footer
    assert "replace them" not in footer
    # The details are still flagged as samples.
    assert sample_note(client) == (
        "These contact details are examples: check them before you call or write."
    )


def test_editors_see_where_to_replace_the_sample_contact_details(client, sample_contact_details):
    editor = User.objects.create_user("editor14", password="x" * 12)
    editor.groups.add(Group.objects.get(name=DISTRICT_EDITORS))
    client.force_login(editor)
    assert sample_note(client) == (
        "Sample contact details for the demo: replace them in Settings → Contact details."
    )


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
    ("name", "lang", "other", "query"),
    [
        ("finder", "vi", "en", "?guests=4&amenity=meals"),
        ("events", "vi", "en", "?view=month&month=2027-04"),
        ("villages", "en", "vi", "?page=2"),
    ],
)
def test_the_language_switcher_keeps_the_visitors_choices(
    client, test_site, name, lang, other, query
):
    page = getattr(test_site, name)
    path = f"/{lang}/{getattr(page, f'slug_{lang}')}/{query}"
    switched = f"/{other}/{getattr(page, f'slug_{other}')}/{query}"
    soup = soup_of(client.get(path))
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


def test_the_embed_for_one_village_counts_what_it_shows(client, test_site):
    village = add_village(test_site.villages, title_en="Embed Test Village")
    for days in (5, 12):
        add_event(
            test_site.events, venue=village, start_date=datetime.date.today() + timedelta(days)
        )
    query = {"lang": "en", "village": village.slug, "limit": 5}
    assert embed_heading_and_count(client, query) == (
        "The next 2 festivals and events in Embed Test Village",
        2,
    )
    query["limit"] = 1
    assert embed_heading_and_count(client, query) == (
        "The next festival or event in Embed Test Village",
        1,
    )


def widths(srcset):
    return sorted(int(w) for w in re.findall(r"\s(\d+)w", srcset))


def test_page_and_card_images_offer_several_widths_with_sizes(client, test_site):
    page = add_page(test_site.home, image=make_image(width=1600, height=1000))
    soup = soup_of(client.get(page_url(page, "en")))
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
