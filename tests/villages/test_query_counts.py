"""Pages that list places cost the same number of queries for 10 or 500 of them, each
with its own image (so that a query per item, or per item's image or rendition, would
show as a difference)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.bulk import BULK_PLACE_EN, bulk_places
from tests.factories.places import add_village
from villages.geojson import MAP_LIST_LIMIT
from villages.models import AttractionPage, HomestayPage, VillagePage

pytestmark = pytest.mark.django_db

# The test site's finder and map pages (tests/factories/site.py).
FINDER_EN = "/en/find-a-test-homestay/"
MAP_EN = "/en/test-map/"
GEOJSON_EN = "/api/places.geojson?lang=en"
BULK_NAME = BULK_PLACE_EN  # the start of the English title of every bulk place


def count_queries(client, url):
    client.get(url)  # warm up: renditions and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def crowded_village(test_site):
    """A village of its own, so that its homestays are the ones built in the test."""
    return add_village(test_site.villages, title_en="Crowded Test Village")


def test_the_finder_costs_as_many_queries_with_500_homestays_as_with_10(
    client, test_site, crowded_village
):
    amenities = [test_site.amenity("hot-water"), test_site.amenity("meals")]
    village = crowded_village.pk
    url = f"{FINDER_EN}?village={village}&amenity=hot-water&sort=distance&near={village}"
    bulk_places(crowded_village, HomestayPage, 10, amenities=amenities)
    with_10, response = count_queries(client, url)
    assert len(soup_of(response).select(".homestay-card img")) == 10
    bulk_places(crowded_village, HomestayPage, 490, amenities=amenities)
    with_500, response = count_queries(client, url)
    soup = soup_of(response)
    assert soup.select_one("#results-heading").get_text(strip=True) == "500 homestays found"
    # A full page of 12 cards, each with its own image.
    assert len({img["src"] for img in soup.select(".homestay-card img")}) == 12
    print(f"finder queries: 10 homestays {with_10}, 500 homestays {with_500}")
    assert with_10 == with_500


def test_a_village_page_costs_as_many_queries_with_500_homestays_as_with_10(
    client, crowded_village
):
    url = crowded_village.get_url()
    bulk_places(crowded_village, HomestayPage, 10)
    with_10, _ = count_queries(client, url)
    bulk_places(crowded_village, HomestayPage, 490)
    with_500, response = count_queries(client, url)
    print(f"village page queries: 10 homestays {with_10}, 500 homestays {with_500}")
    assert with_10 == with_500
    # The twelve cheapest are shown (the finder lists the rest), each with its image.
    cards = soup_of(response).select(".homestay-card")
    assert len(cards) == 12
    assert len({card.img["src"] for card in cards}) == 12


@pytest.mark.parametrize("kind", ["village", "homestay", "attraction"])
def test_the_map_and_the_geojson_cost_the_same_for_10_or_500_places_of_a_kind(
    client, test_site, crowded_village, kind
):
    model, parent = {
        "village": (VillagePage, test_site.villages),
        "homestay": (HomestayPage, crowded_village),
        "attraction": (AttractionPage, test_site.attractions),
    }[kind]
    bulk_places(parent, model, 10)
    map_10, _ = count_queries(client, MAP_EN)
    geo_10, _ = count_queries(client, GEOJSON_EN)
    bulk_places(parent, model, 490)
    map_500, map_page = count_queries(client, MAP_EN)
    geo_500, geojson = count_queries(client, GEOJSON_EN)
    print(f"{kind}: map {map_10} → {map_500}, geojson {geo_10} → {geo_500} queries")
    assert (map_500, geo_500) == (map_10, geo_10)
    # The 500 are really listed as features of their kind; the map's list shows the
    # kind's first MAP_LIST_LIMIT places and links to the page that lists them all.
    bulk = [f for f in geojson.json()["features"] if f["properties"]["name"].startswith(BULK_NAME)]
    assert len(bulk) == 500
    assert {f["properties"]["type"] for f in bulk} == {kind}
    heading = {"village": "Villages", "homestay": "Homestays", "attraction": "Attractions"}[kind]
    section = next(
        s for s in soup_of(map_page).select(".places-index section") if s.h2.text == heading
    )
    assert len(section.select("li a")) == MAP_LIST_LIMIT
    assert section.select_one("p.muted a") is not None
