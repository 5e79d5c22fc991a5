"""A tourist looks for a homestay on a 360 × 780 phone: the first result shows without
scrolling, the filters in use are chips, and tapping a chip's × drops that filter."""

import pytest
from playwright.sync_api import expect

from tests.browser.network import block_the_internet

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    block_the_internet(context)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("query", ["", "?guests=4&amenity=meals"])
def test_the_first_result_is_on_the_phone_screen_without_scrolling(
    phone, site_url, site_pages, lang, query
):
    phone.goto(f"{site_url}{site_pages['finder'][lang]}{query}")
    card = phone.locator(".homestay-list .homestay-card").first
    box = card.bounding_box()
    assert box is not None
    # Its title (and so the link to it) is within the first screen.
    title = card.locator("h3").bounding_box()
    assert title["y"] + title["height"] <= PHONE["height"], title
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_the_filters_fold_away_and_open_from_their_summary(phone, site_url, site_pages):
    phone.goto(f"{site_url}{site_pages['finder']['en']}")
    guests = phone.locator("#f-guests")
    expect(guests).to_be_hidden()
    phone.locator("details.finder-details > summary").click()
    expect(guests).to_be_visible()


def test_tapping_a_chip_removes_that_filter_and_keeps_the_others(phone, site_url, site_pages):
    # On the test site (tests/factories/site.py) only the Peach Blossom homestay (6
    # guests) has meals and hot water; without meals, Streamside (10 guests, hot water)
    # is found too.
    phone.goto(f"{site_url}{site_pages['finder']['en']}?guests=4&amenity=meals&amenity=hot-water")
    chips = phone.locator(".finder-chips a.chip:not(.chip--clear)")
    assert chips.count() == 3
    assert phone.locator("#results-heading").inner_text() == "1 homestay found"
    phone.locator(".finder-chips a.chip", has_text="Meals").click()
    phone.wait_for_load_state()
    assert "amenity=meals" not in phone.url
    assert "guests=4" in phone.url and "amenity=hot-water" in phone.url
    remaining = [c.strip() for c in chips.all_inner_texts()]
    assert len(remaining) == 2 and not any("Meals" in c for c in remaining)
    assert phone.locator("#results-heading").inner_text() == "2 homestays found"
    titles = phone.locator(".homestay-card h3").all_inner_texts()
    assert [t.strip() for t in titles] == [
        "Streamside Test Homestay",
        "Peach Blossom Test Homestay",
    ]
    # The form shows what is left: hot water ticked, meals not.
    assert phone.locator("input[name=amenity][value=hot-water]").is_checked()
    assert not phone.locator("input[name=amenity][value=meals]").is_checked()
