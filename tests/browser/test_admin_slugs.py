"""Pages created in the admin get ASCII slugs: the slug proposed while typing a
Vietnamese or English title is the slug the server saves."""

import json
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def home_page_id(site_url):
    """The id of the served test site's home page, as its public API gives it."""
    with urllib.request.urlopen(f"{site_url}/api/v2/pages/?type=portal.HomePage") as response:
        items = json.load(response)["items"]
    assert len(items) == 1, items
    return items[0]["id"]


@pytest.fixture
def admin_page(browser, site_url):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "binhlieu-admin")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site_url}/admin/")
    yield page
    context.close()


def show_language(page, code):
    page.locator("button.locale-toggle", has_text=code).first.click()


def type_title(page, language, title):
    page.click(f"#id_title_{language}")
    page.keyboard.type(title, delay=30)
    page.keyboard.press("Tab")


def test_typed_titles_propose_and_save_ascii_slugs_in_both_languages(admin_page, site_url):
    from playwright.sync_api import expect

    page = admin_page
    page.goto(f"{site_url}/admin/pages/add/portal/standardpage/{home_page_id(site_url)}/")
    type_title(page, "vi", "Đồng Văn xưa")
    show_language(page, "en")
    type_title(page, "en", "Đồng Văn of old")

    page.get_by_role("tab", name="Quảng bá").click()
    expect(page.locator("#id_slug_vi")).to_have_value("dong-van-xua")
    expect(page.locator("#id_slug_en")).to_have_value("dong-van-of-old")

    page.get_by_role("button", name="Lưu bản nháp").click()
    page.wait_for_url("**/edit/")
    expect(page.locator("#id_slug_vi")).to_have_value("dong-van-xua")
    expect(page.locator("#id_slug_en")).to_have_value("dong-van-of-old")
