"""A visitor types into the search box and picks a suggestion (on the test site:
"Đỉnh Gió Thử" / "Windy Test Peak", tests/factories/site.py)."""

import pytest

pytestmark = pytest.mark.browser


def test_typing_a_name_without_accents_offers_the_place_and_picking_it_opens_it(
    page, site_url, site_pages
):
    peak = site_pages["peak"]["vi"]
    page.goto(f"{site_url}/vi/")
    page.locator(".site-header .menu-toggle").click()  # on a phone the box is in the menu
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("dinh gio", delay=50)
    suggestion = page.locator(f".search-suggestions a[href='{peak}']")
    suggestion.wait_for(timeout=10_000)
    assert suggestion.inner_text().startswith("Đỉnh Gió Thử")
    assert page.locator(".search-suggestions li").count() <= 8
    suggestion.click()
    page.wait_for_url(f"{site_url}{peak}")
    assert page.locator("h1").inner_text() == "Đỉnh Gió Thử"


def test_the_keyboard_picks_a_suggestion_too(page, site_url, site_pages):
    page.goto(f"{site_url}/en/search/")
    box = page.locator("#search-q")
    box.click()
    # "Windy Test Peak" comes before the route "Test Climb to Windy Peak".
    box.press_sequentially("windy te", delay=50)
    page.locator(".search-suggestions a").first.wait_for(timeout=10_000)
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"{site_url}{site_pages['peak']['en']}")
