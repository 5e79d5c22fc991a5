"""Translation coverage: the report lists exactly the live pages lacking a language."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import add_page

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-coverage/"


def listed(admin_client, missing=""):
    """{page title as shown: (section, language)} read from the report's HTML."""
    url = REPORT + (f"?missing={missing}" if missing else "")
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    rows = {}
    for row in soup.select("table.listing tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        rows[cells[0]] = (cells[1], cells[2])
    return rows


@pytest.fixture
def pages(home, test_site):
    about = add_page(
        home,
        title_vi="Mục giới thiệu thử",
        title_en="Test about section",
        introduction_vi="Giới thiệu mục.",
        introduction_en="About the section.",
    )
    complete = add_page(home, introduction_vi="Giới thiệu.", introduction_en="About.")
    no_english = add_page(about, introduction_vi="Chỉ có tiếng Việt.", introduction_en="")
    no_english_title = add_page(home, title_en="", slug_en="", introduction_vi="")
    no_vietnamese = add_page(home, introduction_vi="", introduction_en="English only.")
    draft = add_page(home, publish_it=False, introduction_vi="Bản nháp.", introduction_en="")
    return {
        "about": about,
        "complete": complete,
        "no_english": no_english,
        "no_english_title": no_english_title,
        "no_vietnamese": no_vietnamese,
        "draft": draft,
    }


def test_the_report_lists_exactly_the_pages_that_lack_english(admin_client, pages):
    rows = listed(admin_client, missing="en")
    assert set(rows) == {pages["no_english"].title_vi, pages["no_english_title"].title_vi}
    # The page under "About" is filed in that section.
    assert rows[pages["no_english"].title_vi][0] == pages["about"].title_vi


def test_the_report_lists_pages_lacking_vietnamese_too(admin_client, pages):
    # Filtered per language: with a third language on, every page lacks that one too.
    rows = listed(admin_client, "vi")
    assert set(rows) == {pages["no_vietnamese"].title_vi}
    assert rows[pages["no_vietnamese"].title_vi][1] == "Tiếng Việt"
    unfiltered = listed(admin_client)
    assert {
        pages["no_english"].title_vi,
        pages["no_english_title"].title_vi,
        pages["no_vietnamese"].title_vi,
    } <= set(unfiltered)


def test_each_row_links_to_the_page_editor(admin_client, pages):
    soup = BeautifulSoup(admin_client.get(REPORT + "?missing=en").content, "html.parser")
    links = {a["href"] for a in soup.select("table.listing tbody a")}
    assert f"/admin/pages/{pages['no_english'].pk}/edit/" in links


def test_the_dashboard_shows_the_share_translated_per_section(admin_client, pages):
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    panel = soup.find(id="translation-coverage-heading").find_parent("section")
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in panel.select("tbody tr")
    }
    about = rows[pages["about"].title_vi]
    # The About section: the about page and its one child, which lacks English.
    assert about[0] == "2"
    assert about[2] == "50 %"
