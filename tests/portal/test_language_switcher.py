"""The switcher and the fallback notice: a visitor always lands on the same page."""

import pytest
from bs4 import BeautifulSoup

from portal import languages
from portal.i18n import missing_translations
from tests.factories import add_page
from tests.languages import public_languages

pytestmark = pytest.mark.django_db

NOTICE = "This page has not been translated into English yet"


def switcher_links(response, current):
    """{hreflang: href} of the switcher; it links every other public language."""
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select(".site-header .language-switcher a")}
    others = {languages.info(code).hreflang for code in public_languages() if code != current}
    assert set(links) == others
    return links


def test_switcher_on_a_deep_page_lands_on_the_same_page_in_the_other_language(client, home):
    about = add_page(home, slug_vi="gioi-thieu-sau", slug_en="about-deep")
    deep = add_page(
        about,
        title_vi="Trang phục Sán Chỉ",
        title_en="Sán Chỉ costume",
        slug_vi="trang-phuc-san-chi",
        slug_en="san-chi-costume",
    )
    deeper = add_page(deep, slug_vi="chi-tiet", slug_en="details")
    response = client.get("/vi/gioi-thieu-sau/trang-phuc-san-chi/chi-tiet/")
    assert response.status_code == 200
    assert switcher_links(response, "vi")["en"] == "/en/about-deep/san-chi-costume/details/"
    back = client.get("/en/about-deep/san-chi-costume/details/")
    assert switcher_links(back, "en")["vi"] == "/vi/gioi-thieu-sau/trang-phuc-san-chi/chi-tiet/"
    assert deeper.pk


def test_switcher_on_the_search_page_keeps_the_query(client):
    response = client.get("/vi/search/", {"q": "Sán Chỉ"})
    assert switcher_links(response, "vi")["en"] == "/en/search/?q=S%C3%A1n+Ch%E1%BB%89"


def test_switcher_on_a_404_page_points_to_the_same_path_in_the_other_language(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert switcher_links(response, "en")["vi"] == "/vi/no-such-page/"


def test_fallback_notice_appears_when_the_english_text_is_missing(client, home):
    page = add_page(
        home,
        title_vi="Chợ phiên Thử",
        title_en="",
        slug_vi="cho-phien",
        slug_en="",
        introduction_vi="Chợ họp mỗi tuần.",
    )
    english = client.get(f"/en/{page.slug_vi}/")
    assert english.status_code == 200
    assert NOTICE in english.content.decode()
    assert "Chợ phiên Thử" in english.content.decode()
    assert NOTICE not in client.get(f"/vi/{page.slug_vi}/").content.decode()


def test_fallback_notice_appears_when_only_the_body_is_untranslated(client, home):
    page = add_page(home, introduction_vi="Giới thiệu", introduction_en="")
    assert missing_translations(page, "en") == ["introduction"]
    assert NOTICE in client.get(f"/en/{page.slug_en}/").content.decode()


def test_no_fallback_notice_on_a_fully_translated_page(client, home):
    page = add_page(home, introduction_vi="Giới thiệu", introduction_en="Introduction")
    assert NOTICE not in client.get(f"/en/{page.slug_en}/").content.decode()
