"""A tourist without signal for the map server: every map says so in the page's
language, keeps its markers and lines on a plain background with a legend, and the
list beside it stays; numbers on maps and route pages follow the page's language."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.network import block_the_internet

pytestmark = pytest.mark.browser

# What the served test site holds (tests/factories/site.py): 2 villages, 3 homestays
# and 2 attractions (7 markers) and one route (1 line, with 2 stops).
PLACES, ROUTES = 7, 1
# What the message starts with in each language (the Vietnamese written for this portal).
NO_TILES = {"vi": "Không tải được nền bản đồ", "en": "The map background could not be loaded"}
# Decimal comma and thousands dot in Vietnamese; the other way round in English.
KM = {
    "vi": re.compile(r"\b\d{1,3}(\.\d{3})*,\d km\b"),
    "en": re.compile(r"\b\d{1,3}(,\d{3})*\.\d km\b"),
}
WRONG_KM = {"vi": re.compile(r"\b\d+\.\d km\b"), "en": re.compile(r"\b\d+,\d km\b")}


@pytest.fixture
def offline_tiles(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN")
    aborted = block_the_internet(context)
    page = context.new_page()
    page.aborted = aborted
    yield page
    context.close()


def assert_map_explains_itself(page, lang):
    status = page.locator("[data-map-status]").first
    status.wait_for(state="visible", timeout=15_000)
    assert status.inner_text().startswith(NO_TILES[lang])
    assert page.locator(".map--plain").count() >= 1
    assert page.locator(".map-legend li").count() >= 1
    expect(page.locator(".map-legend").first).to_be_visible()
    assert any("tile" in url for url in page.aborted)  # tiles were asked for, and failed


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_map_page_without_tiles_keeps_its_places_legend_and_list(
    offline_tiles, site_url, site_pages, lang
):
    page = offline_tiles
    page.goto(f"{site_url}{site_pages['map'][lang]}")
    page.locator(".places-map.places-map--loaded").wait_for(timeout=15_000)  # every type
    assert_map_explains_itself(page, lang)
    assert page.locator(".places-map path.leaflet-interactive").count() == PLACES + ROUTES
    # One legend entry per kind of place, named as the list under the map names them.
    legend = [t.strip() for t in page.locator(".map-legend li").all_inner_texts()]
    headings = [t.strip() for t in page.locator(".places-index h2").all_inner_texts()]
    assert len(legend) == 4 and legend == headings
    # The accessible alternative: a link to every place and route.
    assert page.locator(".places-index li a").count() == PLACES + ROUTES
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in attribution  # the default tile source's credit


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_route_map_without_tiles_keeps_its_track_stops_and_legend(
    offline_tiles, site_url, site_pages, lang
):
    page = offline_tiles
    page.goto(f"{site_url}{site_pages['route'][lang]}")
    # "attached", not "visible": the test site's track runs due north, a path of zero
    # width that Playwright counts as hidden however thick its stroke.
    track = page.locator(".route-map path.leaflet-interactive").first
    track.wait_for(state="attached", timeout=15_000)
    assert re.fullmatch(r"M[\d.\s-]+(L[\d.\s-]+)+", track.get_attribute("d"))
    assert_map_explains_itself(page, lang)
    assert page.locator(".route-map .route-stop-marker").count() == 2
    assert page.locator(".route-stops li").count() == 2


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_distances_on_the_map_and_route_pages_follow_the_language(
    offline_tiles, site_url, site_pages, lang
):
    page = offline_tiles
    page.goto(f"{site_url}{site_pages['map'][lang]}")
    routes = " ".join(page.locator(".places-index li").all_inner_texts())
    assert KM[lang].search(routes), routes
    assert not WRONG_KM[lang].search(routes), routes

    page.goto(f"{site_url}{site_pages['route'][lang]}")
    distance = page.locator("[data-figure=distance]").inner_text()
    assert KM[lang].match(distance), distance
    # The elevation table (folded under the profile): distances to 0.1 km.
    cells = page.eval_on_selector_all(
        ".profile-table tbody tr td:first-child", "cells => cells.map(c => c.textContent.trim())"
    )
    decimal = {"vi": re.compile(r"^\d+,\d$"), "en": re.compile(r"^\d+\.\d$")}[lang]
    assert len(cells) >= 2 and all(decimal.match(cell) for cell in cells), cells


@pytest.mark.parametrize(
    ("lang", "peak", "height"),
    [("vi", "Đỉnh Gió Thử", "1.200 m"), ("en", "Windy Test Peak", "1,200 m")],
)
def test_the_height_of_a_peak_is_written_the_way_the_language_writes_it(
    offline_tiles, site_url, site_pages, lang, peak, height
):
    # The test site's peak stands 1200 m high (tests/factories/site.py).
    page = offline_tiles
    page.goto(f"{site_url}{site_pages['map'][lang]}")
    page.locator(".places-index a", has_text=peak).first.click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}{site_pages['peak'][lang]}"
    assert height in page.locator(".facts").first.inner_text()
