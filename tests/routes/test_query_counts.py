"""A route page costs the same number of queries with 3 stops or 30, and the route
listings (index, APIs, GeoJSON) the same for 10 routes or 500."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.i18n import page_url
from tests.factories.bulk import bulk_routes
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


LISTINGS = {
    "index": "/en/{routes}",
    "places api": "/api/v2/places/?type=route&lang=en",
    "pages api": "/api/v2/pages/?type=routes.RoutePage&fields=gpx_url&lang=en",
    "pages api with stops": "/api/v2/pages/?type=routes.RoutePage&fields=route_stops&lang=en",
    "geojson": "/api/places.geojson?type=route",
}


def test_the_route_index_the_apis_and_the_geojson_cost_the_same_for_10_or_500_routes(
    client, test_site
):
    index = test_site.routes
    urls = {
        name: url.format(routes=page_url(index, "en").removeprefix("/en/"))
        for name, url in LISTINGS.items()
    }
    stop_places = [test_site.village, test_site.homestay, test_site.peak]
    routes = bulk_routes(index, 9, stop_places) + [test_site.route]
    small = {name: count_queries(client, url) for name, url in urls.items()}
    routes += bulk_routes(index, 490, stop_places)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    # A page of the index lists up to 24 routes, each with its own image; the geojson
    # draws every one.
    for shown, (_count, response) in ((10, small["index"]), (24, large["index"])):
        soup = BeautifulSoup(response.content, "html.parser")
        cards = soup.select(".route-list .route-card")
        assert len(cards) == shown
        assert len({card.select_one("img.card-image")["src"] for card in cards}) == shown
    geojson = large["geojson"][1].json()
    assert {f["id"] for f in geojson["features"]} == {f"route-{p.pk}" for p in routes}
    # Every route of the answer with its own stops, in order (one read for all of them).
    listed = large["pages api with stops"][1].json()["items"]
    bulk = {p.pk for p in routes} - {test_site.route.pk}
    stops = [[s["title"] for s in item["route_stops"]] for item in listed if item["id"] in bulk]
    assert len(stops) >= 10
    assert all(titles == [place.title_en for place in stop_places] for titles in stops)
    counts = {name: (small[name][0], large[name][0]) for name in urls}
    print(f"route listings (10 routes, 500 routes): {counts}")
    assert all(a == b for a, b in counts.values()), counts
    assert all(b <= 15 for _a, b in counts.values()), counts  # issue 16's budget
