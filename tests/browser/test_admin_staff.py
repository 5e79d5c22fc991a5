"""A staff member with an English browser: the admin speaks Vietnamese, and the slug
proposed while typing a title is the readable ASCII slug the server saves."""

import json
import urllib.request

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


def home_id(site_url):
    with urllib.request.urlopen(f"{site_url}/api/v2/pages/?type=portal.HomePage&lang=vi") as r:
        return json.load(r)["items"][0]["id"]


def test_typed_titles_propose_and_save_ascii_slugs_in_both_languages(english_admin, site_url):
    page = english_admin
    page.goto(f"{site_url}/admin/pages/add/portal/standardpage/{home_id(site_url)}/")
    page.locator("#id_title_vi").press_sequentially("Đồng Văn xưa")
    page.locator("#id_title_vi").blur()
    page.locator("#id_title_en").press_sequentially("Đồng Văn of old")
    page.locator("#id_title_en").blur()
    assert page.input_value("#id_slug_vi") == "dong-van-xua"
    assert page.input_value("#id_slug_en") == "dong-van-of-old"
    html = page.content()
    for text in ENGLISH_STRINGS:
        assert text not in html, text
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_url("**/edit/")
    assert page.input_value("#id_slug_vi") == "dong-van-xua"
    assert page.input_value("#id_slug_en") == "dong-van-of-old"


def test_the_admin_speaks_vietnamese_to_an_english_browser(english_admin, site_url):
    page = english_admin
    for path in ("/admin/", "/admin/pages/", "/admin/images/multiple/add/"):
        page.goto(f"{site_url}{path}")
        assert page.locator("html").get_attribute("lang") == "vi", path
        html = page.content()
        for text in ENGLISH_STRINGS:
            assert text not in html, (path, text)
