"""The map draws each kind of place in the colour the legend shows for it (the colours
come from the place registry through the map's options; the legend's from the CSS)."""

import re

import pytest

from tests.browser.network import block_the_internet

pytestmark = pytest.mark.browser


def hex_colour(css):
    """The hex form of a CSS rgb() colour: rgb(179, 38, 30) → #b3261e."""
    red, green, blue = (int(n) for n in re.findall(r"\d+", css)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    block_the_internet(context)
    yield context.new_page()
    context.close()


def test_every_marker_and_line_has_the_colour_of_its_kind_in_the_legend(
    offline_page, site_url, site_pages
):
    page = offline_page
    page.goto(f"{site_url}{site_pages['map']['en']}")
    page.locator(".places-map.places-map--loaded").wait_for(timeout=15_000)  # every type
    swatches = page.locator(".map-legend .map-key").evaluate_all(
        "els => els.map(e => [e.className, getComputedStyle(e).backgroundColor])"
    )
    legend = {
        re.search(r"map-key--(\w+)", name).group(1): hex_colour(colour) for name, colour in swatches
    }
    assert set(legend) == {"village", "homestay", "attraction", "route"}
    shapes = page.locator(".places-map path.leaflet-interactive").evaluate_all(
        "els => els.map(e => [e.getAttribute('fill'), e.getAttribute('stroke')])"
    )
    marker_fills = {fill.lower() for fill, _ in shapes if fill != "none"}
    line_strokes = {stroke.lower() for fill, stroke in shapes if fill == "none"}
    assert marker_fills == {legend["village"], legend["homestay"], legend["attraction"]}
    assert line_strokes == {legend["route"]}
