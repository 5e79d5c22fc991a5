"""The finder tells the truth about what it can find: a guest number above the largest
homestay shows the largest ones; an empty result offers the searches with one filter
left out, with how many each finds; each active filter is a chip that removes it.

Every test sets the test site's homestays aside (rolled back afterwards) and builds
its own, so the expected figures below are counted by hand from the homestays it makes.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories.places import add_listing_homestay as make_homestay
from villages.models import Amenity, HomestayPage

pytestmark = pytest.mark.django_db

# The test site's finder page (tests/factories/site.py).
FINDER_EN = "/en/find-a-test-homestay/"
FINDER_VI = "/vi/tim-homestay-thu/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def found_titles(response):
    return {a.get_text(strip=True) for a in soup_of(response).select(".homestay-card h3 a")}


def notices(response):
    return [li.get_text(" ", strip=True) for li in soup_of(response).select(".notice--warning li")]


@pytest.fixture
def own_homestays(test_site):
    """Only the homestays a test makes are public."""
    HomestayPage.objects.live().unpublish()
    with translation.override("vi"):
        sauna = Amenity.objects.create(
            slug="sauna", label="Xông hơi", label_vi="Xông hơi", label_en="Sauna"
        )
    return {"parent": test_site.village, "sauna": sauna}


def test_asking_for_more_guests_than_any_homestay_takes_shows_the_largest_ones(
    client, own_homestays
):
    parent = own_homestays["parent"]
    make_homestay(parent, title_en="Long house", capacity=30)
    make_homestay(parent, title_en="Twin long house", capacity=30)
    make_homestay(parent, title_en="Family house", capacity=12)
    make_homestay(parent, title_en="Small house", capacity=4)

    response = client.get(FINDER_EN, {"guests": 100})

    assert notices(response) == [
        "No homestay here takes more than 30 guests; showing the places for 30."
    ]
    assert found_titles(response) == {"Long house", "Twin long house"}
    assert "2 homestays found" in soup_of(response).select_one("#results-heading").get_text()
    assert soup_of(response).select_one("#f-guests")["value"] == "30"


def test_the_clamping_notice_is_in_vietnamese_on_the_vietnamese_finder(client, own_homestays):
    make_homestay(own_homestays["parent"], title_vi="Nhà dài", capacity=25)
    response = client.get(FINDER_VI, {"guests": 40})
    assert len(notices(response)) == 1
    assert "25" in notices(response)[0] and "No homestay" not in notices(response)[0]
    assert {a.get_text(strip=True) for a in soup_of(response).select(".homestay-card h3 a")} == {
        "Nhà dài"
    }


def make_five(own):
    """A: 4 guests, 200.000 ₫, hot water + sauna   B: 8 guests, 500.000 ₫, hot water
    C: 10 guests, 600.000 ₫, sauna                 D: 2 guests, 150.000 ₫, sauna
    E: 2 guests, 100.000 ₫, hot water"""
    parent = own["parent"]
    hot_water = "hot-water"
    rows = [
        ("A", 4, 200_000, (hot_water, "sauna")),
        ("B", 8, 500_000, (hot_water,)),
        ("C", 10, 600_000, ("sauna",)),
        ("D", 2, 150_000, ("sauna",)),
        ("E", 2, 100_000, (hot_water,)),
    ]
    for name, capacity, price, amenities in rows:
        make_homestay(
            parent,
            title_en=f"House {name}",
            capacity=capacity,
            price_min=price,
            price_max=price,
            amenities=amenities,
        )


def test_an_empty_result_suggests_leaving_out_one_filter_with_how_many_each_finds(
    client, own_homestays
):
    make_five(own_homestays)
    # 8 guests, at most 400.000 ₫, hot water: B is too dear, A and E too small: nothing.
    params = {"guests": 8, "max_price": 400000, "amenity": "hot-water"}
    response = client.get(FINDER_EN, params)
    soup = soup_of(response)
    assert found_titles(response) == set()
    assert "0 homestays found" in soup.select_one("#results-heading").get_text()
    suggestions = [a.get_text(" ", strip=True) for a in soup.select(".finder-suggestions a")]
    # Without the guests: A and E (≤ 400.000 ₫ with hot water). Without the price: B.
    # Without hot water: nobody takes 8 for ≤ 400.000 ₫ (B and C are dearer): not offered.
    assert suggestions == [
        "Without “At least 8 guests”: 2 homestays",
        "Without “Up to 400,000 VND a night”: 1 homestay",
    ]
    first = soup.select_one(".finder-suggestions a")["href"]
    assert found_titles(client.get(first)) == {"House A", "House E"}


def test_a_search_that_finds_something_offers_no_loosening(client, own_homestays):
    make_five(own_homestays)
    response = client.get(FINDER_EN, {"amenity": "sauna"})
    assert found_titles(response) == {"House A", "House C", "House D"}
    assert soup_of(response).select(".finder-suggestions a") == []


def test_each_active_filter_is_a_chip_whose_link_removes_only_that_filter(client, own_homestays):
    make_five(own_homestays)
    response = client.get(FINDER_EN, {"amenity": ["hot-water", "sauna"], "max_price": 300000})
    assert found_titles(response) == {"House A"}
    chips = {
        a.get_text(" ", strip=True): a["href"]
        for a in soup_of(response).select(".finder-chips a.chip:not(.chip--clear)")
    }
    assert set(chips) == {
        "Remove the filter Up to 300,000 VND a night ×",
        "Remove the filter Hot water ×",
        "Remove the filter Sauna ×",
    }
    # Without the sauna: hot water for ≤ 300.000 ₫ is A and E.
    assert found_titles(client.get(chips["Remove the filter Sauna ×"])) == {"House A", "House E"}
    # Without the price: hot water and a sauna is A alone, whatever the price.
    without_price = chips["Remove the filter Up to 300,000 VND a night ×"]
    assert "max_price" not in without_price
    assert found_titles(client.get(without_price)) == {"House A"}


def test_the_finder_without_filters_shows_no_chips_and_keeps_the_form_folded(client, test_site):
    soup = soup_of(client.get(FINDER_EN))
    assert soup.select(".finder-chips") == []
    details = soup.select_one("details.finder-details")
    assert details is not None and not details.has_attr("open")
    # The results come right after the folded form, before anything else.
    assert soup.select_one(".finder-results .homestay-card") is not None


def test_with_one_filter_finding_nothing_the_hint_is_every_homestay(client, own_homestays):
    make_five(own_homestays)
    response = client.get(FINDER_EN, {"max_price": 50000})  # the cheapest, E, asks 100.000 ₫
    assert found_titles(response) == set()
    suggestions = [
        a.get_text(" ", strip=True) for a in soup_of(response).select(".finder-suggestions a")
    ]
    assert suggestions == ["Without “Up to 50,000 VND a night”: 5 homestays"]
