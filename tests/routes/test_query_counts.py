"""A route page costs the same number of queries with 3 stops or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.i18n import page_url
from tests.languages import public_languages
from tests.routes.helpers import make_route, set_stops
from villages.models import AttractionPage, HomestayPage, VillagePage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm up: renditions and per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def places(count):
    """``count`` places taking villages, homestays and attractions in turn, so that even
    3 stops include every page type (a query per type is the floor, not per stop)."""
    kinds = [list(model.objects.live()) for model in (VillagePage, HomestayPage, AttractionPage)]
    return [kinds[i % 3][(i // 3) % len(kinds[i % 3])] for i in range(count)]


@pytest.mark.parametrize("lang", public_languages())
def test_a_route_page_costs_as_many_queries_with_30_stops_as_with_3(client, lang):
    route = make_route()
    set_stops(route, places(3))
    url = page_url(route, lang)
    with_3, response = count_queries(client, url)
    assert response.content.decode().count('class="route-stops__number"') == 3
    set_stops(route, places(30))
    with_30, response = count_queries(client, url)
    assert response.content.decode().count('class="route-stops__number"') == 30
    print(f"route page queries ({lang}): 3 stops {with_3}, 30 stops {with_30}")
    assert with_3 == with_30


def test_the_gpx_download_costs_the_same_with_3_or_30_stops(client):
    route = make_route()
    set_stops(route, places(3))
    with_3, _ = count_queries(client, f"/api/routes/{route.pk}.gpx")
    set_stops(route, places(30))
    with_30, _ = count_queries(client, f"/api/routes/{route.pk}.gpx")
    assert with_3 == with_30


def test_the_route_index_and_the_geojson_cost_the_same_for_4_or_14_routes(client):
    index_4, _ = count_queries(client, "/en/routes/")
    geojson_4, _ = count_queries(client, "/api/places.geojson?type=route")
    for _ in range(10):
        make_route()
    index_14, response = count_queries(client, "/en/routes/")
    geojson_14, _ = count_queries(client, "/api/places.geojson?type=route")
    assert response.content.decode().count('class="place-card route-card"') >= 14
    assert (index_4, geojson_4) == (index_14, geojson_14)
