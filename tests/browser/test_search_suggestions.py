"""A visitor types into the search box and picks a suggestion."""

import pytest

pytestmark = pytest.mark.browser


def test_typing_dinh_offers_dinh_luc_na_and_picking_it_opens_the_page(page, site_url):
    page.goto(f"{site_url}/vi/")
    page.locator(".site-header .menu-toggle").click()  # on a phone the box is in the menu
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("dinh", delay=50)
    suggestion = page.locator(".search-suggestions a[href='/vi/diem-den/dinh-luc-na/']")
    suggestion.wait_for(timeout=10_000)
    assert suggestion.inner_text().startswith("Đình Lục Nà")
    assert page.locator(".search-suggestions li").count() <= 8
    suggestion.click()
    page.wait_for_url(f"{site_url}/vi/diem-den/dinh-luc-na/")
    assert page.locator("h1").inner_text() == "Đình Lục Nà"


def test_the_keyboard_picks_a_suggestion_too(page, site_url):
    page.goto(f"{site_url}/en/search/")
    box = page.locator("#search-q")
    box.click()
    box.press_sequentially("cao xi", delay=50)
    page.locator(".search-suggestions a").first.wait_for(timeout=10_000)
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"{site_url}/en/attractions/cao-xiem/")
