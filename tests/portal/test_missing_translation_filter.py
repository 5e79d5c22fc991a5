"""The page explorer's "Missing translation" filter lists exactly the pages below the
explored page that lack a language, drafts included."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import add_page

pytestmark = pytest.mark.django_db


def edited_pages(admin_client, url):
    """Primary keys of the pages whose edit link is in the explorer's table."""
    response = admin_client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    keys = set()
    for link in soup.select("table.listing tbody a[href]"):
        match = re.fullmatch(r"/admin/pages/(\d+)/edit/", link["href"])
        if match:
            keys.add(int(match.group(1)))
    return keys


@pytest.fixture
def section(home):
    section = add_page(home, introduction_vi="Mục.", introduction_en="Section.")
    english = add_page(section, introduction_vi="Có tiếng Anh.", introduction_en="Has English.")
    no_english = add_page(section, introduction_vi="Chỉ tiếng Việt.", introduction_en="")
    deeper = add_page(english, title_en="", slug_en="", introduction_vi="Trang con.")
    draft = add_page(section, publish_it=False, introduction_vi="Bản nháp.", introduction_en="")
    no_vietnamese = add_page(section, introduction_vi="", introduction_en="English only.")
    return {
        "section": section,
        "english": english,
        "no_english": no_english,
        "deeper": deeper,
        "draft": draft,
        "no_vietnamese": no_vietnamese,
    }


def test_missing_english_lists_exactly_the_pages_below_without_english(admin_client, section):
    url = f"/admin/pages/{section['section'].pk}/?missing=en"
    assert edited_pages(admin_client, url) == {
        section["no_english"].pk,
        section["deeper"].pk,
        section["draft"].pk,
    }


def test_missing_vietnamese_lists_the_page_with_english_only(admin_client, section):
    url = f"/admin/pages/{section['section'].pk}/?missing=vi"
    assert edited_pages(admin_client, url) == {section["no_vietnamese"].pk}


def test_without_the_filter_the_explorer_lists_the_children_as_usual(admin_client, section):
    children = {section[name].pk for name in ("english", "no_english", "draft", "no_vietnamese")}
    assert edited_pages(admin_client, f"/admin/pages/{section['section'].pk}/") == children
    # An unknown language code is ignored rather than emptying the listing.
    assert edited_pages(admin_client, f"/admin/pages/{section['section'].pk}/?missing=xx") == (
        children
    )


def test_the_explorer_menu_offers_one_filter_per_language_of_the_site(
    admin_client, section, settings
):
    response = admin_client.get(f"/admin/pages/{section['section'].pk}/")
    soup = BeautifulSoup(response.content, "html.parser")
    links = {
        link["href"]: link.get_text(" ", strip=True) for link in soup.select("a[href*='?missing=']")
    }
    expected = {
        f"/admin/pages/{section['section'].pk}/?missing={code}": str(name)
        for code, name in settings.LANGUAGES
    }
    assert set(links) == set(expected)
    for href, name in expected.items():
        assert name in links[href]


def test_a_vietnamese_editor_reads_the_filter_in_vietnamese(
    admin_client, admin_user, section, settings
):
    from django.utils import translation
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    response = admin_client.get(f"/admin/pages/{section['section'].pk}/")
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one(f"a[href='/admin/pages/{section['section'].pk}/?missing=en']")
    with translation.override("vi"):
        english = str(dict(settings.LANGUAGES)["en"])
    assert link.get_text(" ", strip=True) == f"Thiếu bản dịch: {english}"
