"""A staff member with an English browser gets the admin in Vietnamese."""

import pytest

pytestmark = pytest.mark.browser

ENGLISH_STRINGS = [
    "Save draft",
    "The page could not be created due to validation errors",
    "Go to the first error",
    "Autosave is paused",
    "Add images",
    "Sorry, upload failed.",
    "This file is too big",
    "View / edit fields for",
    "Page title*",
]


@pytest.fixture
def english_admin(browser, site_url):
    context = browser.new_context(
        locale="en-GB", extra_http_headers={"Accept-Language": "en-GB,en"}
    )
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "binhlieu-admin")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site_url}/admin/")
    yield page
    context.close()


def test_the_admin_speaks_vietnamese_to_an_english_browser(english_admin, site_url):
    page = english_admin
    for path in (
        "/admin/",
        "/admin/pages/",
        "/admin/images/multiple/add/",
        "/admin/pages/add/portal/standardpage/3/",
    ):
        page.goto(f"{site_url}{path}")
        assert page.locator("html").get_attribute("lang") == "vi", path
        html = page.content()
        for text in ENGLISH_STRINGS:
            assert text not in html, (path, text)


def test_the_page_create_screen_shows_the_language_bar_and_title_placeholder_in_vietnamese(
    english_admin, site_url
):
    page = english_admin
    page.goto(f"{site_url}/admin/pages/add/portal/standardpage/3/")
    assert "Xem / sửa các trường bằng" in page.content()
    assert page.locator("#id_title_vi").get_attribute("placeholder") == "Tiêu đề trang*"
