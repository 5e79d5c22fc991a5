"""Issue 14 on a 360 × 780 phone: the key sections one tap away from the home page,
the menu as a keyboard disclosure, and a language switch that keeps the visitor's
choices."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
# The test-site page (tests/factories/site.py) that holds each key section; search is
# the site's search view.
SECTIONS = {"homestays": "finder", "festivals": "events", "routes": "routes", "map": "map"}


def section_path(site_pages, key, lang):
    return f"/{lang}/search/" if key == "search" else site_pages[SECTIONS[key]][lang]


@pytest.fixture
def phone(browser):
    """A page in a fresh context on a 360 × 780 phone screen."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", has_touch=True)
    yield context.new_page()
    context.close()


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth") - PHONE["width"]


def fully_on_screen(locator):
    box = locator.bounding_box()
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= PHONE["width"]
        and box["y"] + box["height"] <= PHONE["height"]
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("key", ["homestays", "festivals", "routes", "map", "search"])
def test_each_key_section_is_one_tap_from_the_home_page_without_sideways_scrolling(
    phone, site_url, site_pages, lang, key
):
    phone.goto(f"{site_url}/{lang}/")
    assert horizontal_overflow(phone) <= 0
    link = phone.locator(f".key-nav a[data-section='{key}']")
    expect(link).to_be_visible()
    assert fully_on_screen(link)
    link.tap()
    phone.wait_for_url(f"{site_url}{section_path(site_pages, key, lang)}")
    assert phone.locator("html").get_attribute("lang") == lang
    expect(phone.locator("h1").first).to_be_visible()
    assert horizontal_overflow(phone) <= 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_menu_opens_and_closes_with_the_keyboard(phone, site_url, site_pages, lang):
    phone.goto(f"{site_url}/{lang}/")
    menu = phone.locator("#site-menu")
    toggle = phone.locator(".site-header .menu-toggle")
    expect(menu).to_be_hidden()
    for _ in range(6):  # skip link, brand, language, then the menu button
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('menu-toggle')"):
            break
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "site-menu"
    phone.keyboard.press("Enter")
    expect(menu).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("document.getElementById('site-menu').contains(document.activeElement)")
    assert horizontal_overflow(phone) <= 0
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.classList.contains('menu-toggle')")
    phone.keyboard.press("Enter")
    expect(menu).to_be_visible()
    first = site_pages["about"][lang]  # the menu's first page: the home's first child
    assert phone.evaluate("document.activeElement.getAttribute('href')") == first
    phone.keyboard.press("Enter")  # the focus is on that link: Enter opens the page
    phone.wait_for_url(f"{site_url}{first}")


def test_without_javascript_the_menu_link_still_shows_the_menu(browser, site_url, site_pages):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/")
        expect(page.locator("#site-menu")).to_be_hidden()
        page.locator(".site-header a.menu-toggle").click()
        expect(page.locator("#site-menu")).to_be_visible()
        page.locator("#site-menu a", has_text="Plan a test trip").click()
        page.wait_for_url(f"{site_url}{site_pages['trip']['en']}")
        assert page.locator("h1").inner_text() == "Plan a test trip"
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "lang", "other", "query"),
    [
        ("finder", "vi", "en", "?guests=4&amenity=meals"),
        ("events", "vi", "en", "?view=month&month=2027-04"),
        ("events", "en", "vi", "?view=month&month=2027-04"),
    ],
)
def test_switching_language_keeps_the_filters_and_the_month(
    phone, site_url, site_pages, name, lang, other, query
):
    landing = site_pages[name][other] + query
    phone.goto(f"{site_url}{site_pages[name][lang]}{query}")
    switch = phone.locator(f".site-header .language-switcher a[hreflang='{other}']")
    assert fully_on_screen(switch)
    switch.tap()
    phone.wait_for_url(f"{site_url}{landing}")
    assert phone.locator("html").get_attribute("lang") == other
