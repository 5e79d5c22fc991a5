"""A tourist saves a route for offline use, loses signal, and reopens the page."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The offline page's heading and its "nothing saved" line, as a visitor reads them.
NO_CONNECTION = {"vi": "Không có kết nối", "en": "No connection"}
NOTHING_SAVED = {"vi": "Chưa có cung đường nào", "en": "No route is saved on this device yet"}


@pytest.fixture
def route(site_pages):
    """Paths of the test site's route (two stops: a village and a peak)."""
    return site_pages["route"]


def route_caches(page):
    return [n for n in page.evaluate("caches.keys()") if n.startswith("route:")]


def save_for_offline(page):
    page.locator("[data-offline-save]").click()
    page.wait_for_selector("[data-offline-saved]", timeout=20_000)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_saved_route_opens_in_airplane_mode_with_its_figures_and_profile(
    page, context, site_url, route, lang
):
    url = f"{site_url}{route[lang]}"
    page.goto(url)
    figures = page.locator("[data-figure=distance]").inner_text()
    assert "km" in figures
    save_for_offline(page)
    status = page.locator("[data-offline-status]").inner_text()
    assert "KB" in status
    assert page.locator("[data-offline-list] li").count() >= 4
    expect(page.locator("[data-offline-remove]")).to_be_visible()
    # Saved: a "saved" badge instead of the save button.
    expect(page.locator("[data-offline-badge]")).to_be_visible()
    expect(page.locator("[data-offline-save]")).to_be_hidden()
    cached = page.evaluate(
        "caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
        ".then(c => c.keys())))).then(all => all.flat().map(r => r.url))"
    )
    assert any(u.endswith(route[lang]) for u in cached) and any(".gpx" in u for u in cached)
    assert not any("tile" in u for u in cached)  # map tiles are never stored

    context.set_offline(True)
    response = page.reload()
    assert response is not None and response.ok
    assert response.from_service_worker
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("[data-figure=distance]").inner_text() == figures
    expect(page.locator("[data-figure=ascent]")).to_be_visible()
    expect(page.locator("[data-figure=duration]")).to_be_visible()
    expect(page.locator("svg.profile-svg")).to_be_visible()
    assert page.locator(".route-stops li").count() == 2
    # The site's own styles came from the cache too.
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    # And the GPX can still be fetched for the GPS app.
    gpx = page.evaluate(
        "fetch(document.querySelector('link[type=\"application/gpx+xml\"]').href)"
        ".then(r => r.text())"
    )
    assert "<trkpt" in gpx
    context.set_offline(False)


def test_a_saved_route_can_be_removed_and_then_no_longer_opens_offline(
    page, context, site_url, route
):
    url = f"{site_url}{route['en']}"
    page.goto(url)
    save_for_offline(page)
    page.locator("[data-offline-remove]").click()
    # A locator, not wait_for_function: the page's CSP forbids the eval it polls with.
    page.locator("[data-offline-saved]").wait_for(state="detached")
    assert route_caches(page) == []
    expect(page.locator("[data-offline-save]")).to_be_visible()
    context.set_offline(True)
    response = page.reload(timeout=10_000)
    # Not the route any more: at the route's address the worker answers with the
    # offline page, which has no saved route to offer.
    assert response is not None and response.from_service_worker
    assert page.url == url
    assert page.locator("h1").inner_text() == NO_CONNECTION["en"]
    expect(page.locator("[data-figure=distance]")).to_have_count(0)
    expect(page.locator("[data-offline-files]")).to_have_count(0)
    assert page.locator("[data-offline-routes-list] li").count() == 0
    assert NOTHING_SAVED["en"] in page.locator("[data-offline-routes-none]").inner_text()
    context.set_offline(False)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_offline_an_unsaved_page_shows_the_offline_page_listing_the_saved_route(
    page, context, site_url, site_pages, route, lang
):
    page.goto(f"{site_url}{route[lang]}")
    title = page.locator("h1").inner_text()
    save_for_offline(page)

    context.set_offline(True)
    response = page.goto(f"{site_url}{site_pages['about'][lang]}")
    assert response is not None and response.from_service_worker
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == NO_CONNECTION[lang]
    saved = page.locator("[data-offline-routes-list] a")
    saved.first.wait_for(timeout=10_000)
    assert saved.all_inner_texts() == [title]
    expect(page.locator("[data-offline-routes-none]")).to_be_hidden()
    # Styled from the cache too.
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")

    saved.first.click()
    page.wait_for_url(f"{site_url}{route[lang]}")
    assert page.locator("h1").inner_text() == title
    expect(page.locator("[data-figure=distance]")).to_be_visible()
    expect(page.locator("[data-offline-badge]")).to_be_visible()
    context.set_offline(False)


def test_an_unsaved_page_is_not_served_from_the_cache(page, site_url, route):
    page.goto(f"{site_url}{route['en']}")
    expect(page.locator("[data-offline-save]")).to_be_visible()
    assert "Not saved" in page.locator("[data-offline-status]").inner_text()
    assert page.evaluate("caches.keys()") == []
