"""Search, errors, health check, robots, sitemap and API: drafts and private pages never leak."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from portal import sitemap
from tests.factories import add_page
from tests.languages import public_languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_pages(home):
    draft = add_page(home, title_vi="Bản nháp Zyxwv", title_en="Zyxwv draft", publish_it=False)
    private = add_page(home, title_vi="Trang riêng Qwrtp", title_en="Qwrtp private page")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return draft, private


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".search-results a")]


@pytest.fixture
def ecological(home):
    return add_page(
        home,
        title_vi="Du lịch sinh thái thử",
        title_en="Ecological test travel",
        introduction_vi="Đi chậm, ở nhà dân.",
        introduction_en="Travel slowly, stay with families.",
    )


def test_search_finds_english_words_and_shows_english_titles(client, ecological):
    titles = result_titles(client.get("/en/search/", {"q": "ecological"}))
    assert titles == ["Ecological test travel"]


def test_search_finds_vietnamese_words_and_shows_vietnamese_titles(client, ecological):
    titles = result_titles(client.get("/vi/search/", {"q": "sinh thái"}))
    assert titles == ["Du lịch sinh thái thử"]


def test_search_never_matches_an_empty_translation_as_the_word_none(client, home):
    add_page(home, title_vi="Không dịch", title_en="", introduction_en="")
    assert result_titles(client.get("/en/search/", {"q": "None"})) == []


def test_search_hides_drafts_and_private_pages(client, hidden_pages):
    assert result_titles(client.get("/en/search/", {"q": "Zyxwv"})) == []
    assert result_titles(client.get("/vi/search/", {"q": "Qwrtp"})) == []


@pytest.mark.parametrize(
    "params", [{"q": ""}, {"q": "x" * 5000}, {"q": "lau", "page": "abc"}, {"q": "a", "page": "999"}]
)
def test_odd_search_input_gives_a_normal_page(client, params):
    assert client.get("/vi/search/", params).status_code == 200


def test_search_page_says_clearly_when_nothing_matches(client):
    response = client.get("/en/search/", {"q": "zzzqqq"})
    assert "Nothing matches" in response.content.decode()
    response = client.get("/vi/search/", {"q": "zzzqqq"})
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


def test_sitemap_lists_each_page_in_both_languages_and_no_hidden_page(client, home, hidden_pages):
    add_page(home, slug_vi="trang-cong-khai", slug_en="public-page")
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/vi/trang-cong-khai/</loc>" in body
    assert "<loc>http://testserver/en/public-page/</loc>" in body
    assert 'hreflang="x-default"' in body
    for page in hidden_pages:
        assert page.slug_en not in body


def test_pages_api_serves_each_language_and_hides_drafts_and_private_pages(
    client, home, hidden_pages
):
    add_page(home, title_vi="Trang công khai thử", title_en="Public test page")
    query = {"type": "portal.StandardPage", "fields": "title", "limit": 20}
    english = client.get("/api/v2/pages/", {**query, "lang": "en"}).json()
    vietnamese = client.get("/api/v2/pages/", {**query, "lang": "vi"}).json()
    en_titles = {item["title"] for item in english["items"]}
    vi_titles = {item["title"] for item in vietnamese["items"]}
    assert en_titles == {"About the test site", "Plan a test trip", "Public test page"}
    assert vi_titles == {"Giới thiệu thử", "Chuẩn bị chuyến đi thử", "Trang công khai thử"}
    assert not {"Zyxwv draft", "Qwrtp private page"} & en_titles
    detail = client.get(f"/api/v2/pages/{hidden_pages[1].pk}/", {"lang": "en"})
    assert detail.status_code == 404


def test_api_answers_an_unknown_language_with_a_clear_400(client):
    response = client.get("/api/v2/pages/", {"lang": "xx"})
    assert response.status_code == 400
    message = response.json()["message"]
    codes = ", ".join(public_languages())
    assert f"Unknown language xx; use one of: {codes}." in message
    assert "Không có ngôn ngữ xx" in message


def test_api_404_stays_json_and_is_not_redirected_to_a_language(client):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_api_is_open_to_other_origins_for_reading(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/vi/")


def test_api_answers_304_when_nothing_changed(client):
    first = client.get("/api/v2/pages/", {"lang": "en"})
    again = client.get("/api/v2/pages/", {"lang": "en"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_404_page_is_translated_and_keeps_the_site_chrome(client):
    english = client.get("/en/nowhere/")
    vietnamese = client.get("/vi/khong-co/")
    assert english.status_code == vietnamese.status_code == 404
    assert "Page not found" in english.content.decode()
    assert "Không tìm thấy trang" in vietnamese.content.decode()
    assert '<html lang="vi">' in vietnamese.content.decode()


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/vi/search/", "vi", "Đã có lỗi xảy ra"), ("/en/search/", "en", "Something went wrong")],
)
def test_500_page_is_translated_and_needs_no_database(
    monkeypatch, django_db_blocker, path, lang, heading
):
    from portal import views

    def broken(*args, **kwargs):
        # From here on, any query (in the error handler too) raises.
        django_db_blocker.block()
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "search_results", broken)
    client = Client(raise_request_exception=False)
    try:
        response = client.get(path, {"q": "x"})
    finally:
        django_db_blocker.restore()
    assert response.status_code == 500
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == heading


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def _locations(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "xml")
    return soup.find().name, [loc.text for loc in soup.select("loc")]


def test_a_sitemap_too_big_for_one_file_is_an_index_of_files_that_hold_every_url(
    client, home, hidden_pages, monkeypatch
):
    for n in range(5):
        add_page(home, slug_vi=f"trang-so-{n}", slug_en=f"page-number-{n}")
    kind, every_url = _locations(client, "/sitemap.xml")
    assert kind == "urlset"
    languages = len(public_languages())
    pages = len(every_url) // languages  # one URL per language
    monkeypatch.setattr(sitemap, "PAGES_PER_FILE", 3)
    kind, files = _locations(client, "/sitemap.xml")
    assert kind == "sitemapindex"
    expected_files = -(-pages // 3)
    assert files == [f"http://testserver/sitemap.xml?p={n}" for n in range(1, expected_files + 1)]
    found = []
    for url in files:
        kind, urls = _locations(client, url.removeprefix("http://testserver"))
        assert kind == "urlset" and len(urls) <= 3 * languages
        found += urls
    assert sorted(found) == sorted(every_url)
    assert "http://testserver/en/page-number-4/" in found
    assert not any(page.slug_en in url for page in hidden_pages for url in found)
    assert client.get(f"/sitemap.xml?p={expected_files + 1}").status_code == 404
