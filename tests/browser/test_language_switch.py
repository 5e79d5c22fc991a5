"""A visitor on a phone switches language and stays on the same page."""

import pytest

pytestmark = pytest.mark.browser


def test_switcher_on_the_vietnamese_home_page_leads_to_the_english_home_page(page, site_url):
    page.goto(f"{site_url}/vi/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".site-header .language-switcher a[hreflang='en']").click()
    page.wait_for_url(f"{site_url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Test home"  # tests/factories/site.py


def test_switcher_on_a_deep_page_keeps_the_visitor_on_that_page(page, site_url, site_pages):
    homestay = site_pages["homestay"]
    page.goto(f"{site_url}{homestay['vi']}")
    assert page.locator("h1").inner_text() == "Nhà nghỉ Hoa Đào Thử"
    page.locator(".site-header .language-switcher a[hreflang='en']").click()
    page.wait_for_url(f"{site_url}{homestay['en']}")
    assert page.locator("h1").inner_text() == "Peach Blossom Test Homestay"


def test_root_sends_a_vietnamese_phone_to_the_vietnamese_site(page, site_url):
    page.goto(f"{site_url}/")
    assert page.url == f"{site_url}/vi/"


def test_the_home_page_fits_a_360_pixel_phone_without_sideways_scrolling(page, site_url):
    page.goto(f"{site_url}/vi/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_keyboard_users_reach_the_skip_link_first_and_see_the_focus(page, site_url):
    page.goto(f"{site_url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
