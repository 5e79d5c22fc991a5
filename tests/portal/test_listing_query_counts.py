"""SQL queries of the data listings (issue 16): the places and pages API and the
sitemap cost the same with 10 or 500 places, each place with its own image.

Counts are taken on the second request: the first may fill process-wide caches
(Wagtail's site root paths, renditions).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.bulk_pages import create_children, write_many_to_many
from tests.factories.images import make_image
from villages.bench_data import homestay_pages, village_pages

pytestmark = pytest.mark.django_db

# A mixed listing costs one query per place type on the page (Wagtail's specific());
# the listings below show the same types at both sizes.
LISTINGS = [
    "/api/v2/places/?lang=en&type=village,homestay",
    "/api/v2/places/?lang=en&type=homestay",
    "/api/v2/places/?lang=vi&type=village,homestay&limit=20",
    "/api/v2/places/?lang=en&type=homestay&fields=*&limit=20",
    "/api/v2/places/?lang=en&type=village,homestay&fields=*&limit=20",
    "/api/v2/pages/?lang=en&type=villages.HomestayPage&fields=price_min,host_name",
    "/api/v2/pages/?lang=en&type=villages.VillagePage&fields=*&limit=20",
    "/api/v2/pages/?lang=en&fields=*&limit=20",
    "/sitemap.xml",
]


def queries(client, url):
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def add_places(index, how_many, start):
    """``how_many`` villages with a homestay each, every page with its own image."""
    numbers = range(start, start + how_many)
    villages = village_pages(numbers, [make_image(width=80, height=50) for _ in numbers])
    create_children(index, villages)
    write_many_to_many(villages, "ethnic_groups")
    for village, homestay in homestay_pages(range(how_many), villages, []):
        homestay.image = make_image(width=80, height=50)
        create_children(village, [homestay])
        write_many_to_many([homestay], "amenities")


def test_the_data_apis_and_the_sitemap_cost_the_same_with_10_or_500_places(client, test_site):
    index = test_site.villages
    add_places(index, 5, start=1000)  # 10 places: fewer than a listing's 20
    small = {url: queries(client, url) for url in LISTINGS}
    listed = client.get("/api/v2/places/?type=village,homestay").json()["meta"]["total_count"]
    add_places(index, 245, start=2000)  # 500 places
    large = {url: queries(client, url) for url in LISTINGS}
    assert large == small
    grown = client.get("/api/v2/places/?type=village,homestay").json()["meta"]["total_count"]
    assert grown == listed + 2 * 245


def test_the_images_api_costs_the_same_listing_a_few_images_or_a_full_page(client, test_site):
    url = "/api/v2/images/?limit=20"
    few = client.get(url).json()["meta"]["total_count"]
    assert few < 20  # the test site's images: fewer than one page of the listing
    small = queries(client, url)
    for _ in range(40):
        make_image(width=80, height=50)
    assert len(client.get(url).json()["items"]) == 20
    assert queries(client, url) == small
