"""Every page of the test site answers in each language, with the right language markup."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Page

from portal import languages
from portal.i18n import page_url
from portal.models import ContactSettings
from tests.factories import add_page
from tests.factories.images import make_image
from tests.factories.site import KEYS
from tests.languages import public_languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_renditions():
    """Wagtail keeps renditions in the default cache, which outlives each test's
    rolled-back transaction: an image id used again would find an old rendition."""
    from django.core.cache import cache

    cache.clear()


def live_pages():
    """Every live, public page of the test site (and what the test added)."""
    return [p.specific for p in Page.objects.live().public().filter(depth__gte=2)]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def test_every_page_answers_in_each_language_with_its_html_lang(client, test_site):
    """Every page build_site made (one or more of each page type)."""
    pages = live_pages()
    assert {page.pk for page in pages} == set(KEYS.pages.values())
    for page in pages:
        for code in public_languages():
            soup = fetch(client, page_url(page, code))
            assert soup.html["lang"] == code


def test_hreflang_alternates_are_absolute_and_reciprocal_on_every_page(client):
    codes = public_languages()
    tags = {code: languages.info(code).hreflang for code in codes}
    for page in live_pages():
        seen = [alternates(fetch(client, page_url(page, code))) for code in codes]
        vi = seen[0]
        assert set(vi) == {*tags.values(), "x-default"}
        assert all(other == vi for other in seen[1:])
        assert vi["x-default"] == vi["vi"]
        assert all(url.startswith("http://testserver/") for url in vi.values())
        for code in codes:
            assert vi[tags[code]].startswith(f"http://testserver/{code}/")


def test_english_and_vietnamese_urls_use_their_own_slugs(client, home):
    add_page(
        home,
        title_vi="Giới thiệu huyện thử",
        title_en="About the test district",
        slug_vi="gioi-thieu-huyen",
        slug_en="about-the-district",
    )
    assert fetch(client, "/en/about-the-district/").h1.get_text() == "About the test district"
    assert fetch(client, "/vi/gioi-thieu-huyen/").h1.get_text() == "Giới thiệu huyện thử"
    assert client.get("/en/gioi-thieu-huyen/").status_code == 404
    assert client.get("/vi/about-the-district/").status_code == 404


# The test site's top-level pages marked "show in menus", in tree order
# (tests/factories/site.py).
SITE_MENU = {
    "en": [
        "About the test site",
        "Plan a test trip",
        "Test villages",
        "Test sights",
        "Find a test homestay",
        "Test map",
        "Test festivals",
        "Test routes",
    ],
    "vi": [
        "Giới thiệu thử",
        "Chuẩn bị chuyến đi thử",
        "Bản làng thử",
        "Điểm đến thử",
        "Tìm homestay thử",
        "Bản đồ thử",
        "Lễ hội thử",
        "Cung đường thử",
    ],
}


def test_header_menu_lists_the_top_level_pages_in_the_visitors_language(client, home):
    add_page(home, title_vi="Liên hệ thử", title_en="Test contact", show_in_menus=True)
    add_page(home, title_vi="Không có trong menu", title_en="Not in the menu")
    add_page(
        home, title_vi="Bản nháp menu", title_en="Draft menu", show_in_menus=True, publish_it=False
    )
    for code, extra in (("en", "Test contact"), ("vi", "Liên hệ thử")):
        soup = fetch(client, f"/{code}/")
        menu = [a.get_text() for a in soup.select(".main-nav ul a")]
        assert menu == [*SITE_MENU[code], extra]


def test_home_page_shows_the_hero_as_webp_srcset_with_dimensions_and_eager_loading(client):
    soup = fetch(client, "/vi/")
    hero = soup.select_one(".hero img")
    assert hero["loading"] == "eager"
    assert hero["fetchpriority"] == "high"
    assert hero["width"] and hero["height"]
    assert all(".webp" in part for part in hero["srcset"].split(","))


def test_an_image_narrower_than_the_widest_rendition_lists_each_width_once(
    client, home, fresh_renditions
):
    # Wagtail never enlarges: width-800 and width-1200 of a 640-pixel image are both
    # 640 pixels wide, and a srcset may name a width only once.
    add_page(home, slug_en="narrow-picture", image=make_image(width=640, height=400))
    soup = fetch(client, "/en/narrow-picture/")
    srcset = soup.select_one("img.page-image")["srcset"]
    assert [part.split()[-1] for part in srcset.split(",")] == ["480w", "640w"]


def test_footer_shows_the_contact_settings_with_a_tap_to_call_link(client, home):
    contact = ContactSettings.for_site(home.get_site())
    contact.phone = "0203 3878 999"
    contact.email = "hello@example.test"
    contact.is_sample = True
    contact.save()
    soup = fetch(client, "/en/")
    footer = soup.select_one(".site-footer")
    assert footer.select_one('a[href="tel:+842033878999"]') is not None
    assert footer.select_one('a[href="mailto:hello@example.test"]') is not None
    assert "These contact details are examples" in footer.get_text()  # no editor hint


def test_root_redirects_an_english_browser_to_the_english_home_page(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_a_vietnamese_or_unknown_browser_to_the_vietnamese_home_page(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9")["Location"] == "/vi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/vi/"


def test_home_page_renders_without_any_section_provider(client, home, monkeypatch):
    from wagtail import hooks

    get_hooks = hooks.get_hooks
    monkeypatch.setattr(
        hooks, "get_hooks", lambda name: [] if name == "portal_home_sections" else get_hooks(name)
    )
    soup = fetch(client, "/en/")
    assert soup.select_one(".hero .lead").get_text() == "Welcome to the test site"


def test_the_page_tree_rejects_a_second_home_page(home):
    from portal.models import HomePage

    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_pages_keep_vietnamese_in_wagtails_base_columns(home):
    page = add_page(
        home,
        title_vi="Giới thiệu cột gốc",
        title_en="About base columns",
        slug_vi="gioi-thieu-cot-goc",
        slug_en="about-base-columns",
    )
    with translation.override("vi"):
        page.introduction_en = "Edited in English"
        page.save_revision().publish()
    row = Page.objects.rewrite(False).filter(pk=page.pk).values("title", "slug").get()
    assert row == {"title": "Giới thiệu cột gốc", "slug": "gioi-thieu-cot-goc"}


def test_every_page_has_open_graph_tags_in_the_visitors_language(client, home, fresh_renditions):
    add_page(
        home,
        title_vi="Trang có ảnh",
        title_en="A page with a picture",
        slug_vi="trang-co-anh",
        slug_en="a-page-with-a-picture",
        image=make_image(width=1600, height=1000),
    )
    soup = fetch(client, "/en/a-page-with-a-picture/")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "A page with a picture"
    assert og["og:locale"] == "en_GB"
    assert og["og:url"] == "http://testserver/en/a-page-with-a-picture/"
    assert og["og:image"].startswith("http://testserver/")
    assert og["og:image:width"] == "1200"


def test_home_page_describes_the_site_and_its_search_box_as_json_ld(client):
    import json

    soup = fetch(client, "/vi/")
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    data = next(node for node in graph if node["@type"] == "WebSite")
    assert data["inLanguage"] == "vi"
    target = data["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://testserver/vi/search/?q={q}"


def test_json_ld_cannot_be_closed_by_a_script_tag_in_the_content():
    from portal.seo import json_ld_dumps

    assert "</script>" not in json_ld_dumps({"name": "</script><script>alert(1)</script>"})
