"""Pages that list homestays cost the same number of queries for 10 or 200 of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.demo.images import demo_image
from tests.villages.helpers import make_homestays_fast, village

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm up: renditions and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def crowded_village():
    return village("luc-ngu")


def grow(parent, image, to):
    from villages.models import HomestayPage

    have = HomestayPage.objects.child_of(parent).count()
    make_homestays_fast(parent, to - have, image=image)


def test_the_finder_costs_as_many_queries_with_200_homestays_as_with_10(client, crowded_village):
    image = demo_image("village-luc-ngu", "x")
    url = f"/en/homestay-finder/?amenity=hot-water&sort=distance&near={crowded_village.pk}"
    grow(crowded_village, image, 10)
    with_10 = count_queries(client, url)
    grow(crowded_village, image, 200)
    with_200 = count_queries(client, url)
    print(f"finder queries: 10 homestays {with_10}, 200 homestays {with_200}")
    assert with_10 == with_200


def test_a_village_page_costs_as_many_queries_with_200_homestays_as_with_10(
    client, crowded_village
):
    image = demo_image("village-luc-ngu", "x")
    url = crowded_village.get_url()
    grow(crowded_village, image, 10)
    with_10 = count_queries(client, url)
    grow(crowded_village, image, 200)
    with_200 = count_queries(client, url)
    print(f"village page queries: 10 homestays {with_10}, 200 homestays {with_200}")
    assert with_10 == with_200
    assert client.get(url).content.decode().count('class="homestay-card"') == 200


def test_the_map_and_the_geojson_cost_the_same_for_10_or_200_homestays(client, crowded_village):
    grow(crowded_village, None, 10)
    map_10 = count_queries(client, "/en/map/")
    geo_10 = count_queries(client, "/api/places.geojson?lang=en")
    grow(crowded_village, None, 200)
    assert count_queries(client, "/en/map/") == map_10
    assert count_queries(client, "/api/places.geojson?lang=en") == geo_10
