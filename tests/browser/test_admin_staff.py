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


def test_a_typed_vietnamese_title_proposes_and_saves_an_ascii_slug(english_admin, site_url):
    """The English title field is hidden behind modeltranslation's language toggle;
    the same widget on slug_en is checked in tests/portal/test_slugs.py."""
    page = english_admin
    page.goto(f"{site_url}/admin/pages/add/portal/standardpage/{home_id(site_url)}/")
    page.locator("#id_title_vi").focus()
    page.locator("#id_title_vi").fill("Đồng Văn xưa")
    page.locator("#id_title_vi").blur()
    assert page.input_value("#id_slug_vi") == "dong-van-xua"
    html = page.content()
    for text in ENGLISH_STRINGS:
        assert text not in html, text
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_url("**/edit/")
    assert page.input_value("#id_slug_vi") == "dong-van-xua"


def test_the_admin_speaks_vietnamese_to_an_english_browser(english_admin, site_url):
    page = english_admin
    for path in ("/admin/", "/admin/pages/", "/admin/images/multiple/add/"):
        page.goto(f"{site_url}{path}")
        assert page.locator("html").get_attribute("lang") == "vi", path
        html = page.content()
        for text in ENGLISH_STRINGS:
            assert text not in html, (path, text)
