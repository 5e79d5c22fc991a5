"""GPX and GeoJSON downloads, the routes in /api/places.geojson, and what stays hidden."""

import json

import gpxpy
import pytest
from wagtail.models import PageViewRestriction

from tests.languages import public_languages
from tests.routes.helpers import climbing_track, make_route, set_stops
from tests.villages.helpers import attraction, homestay, village
from villages.conf import region_box
from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db


def spine():
    return RoutePage.objects.get(slug_en="dinosaurs-spine")


def gpx_of(client, page, lang="en"):
    response = client.get(f"/api/routes/{page.pk}.gpx", {"lang": lang})
    assert response.status_code == 200
    return response, gpxpy.parse(response.content.decode())


def test_the_gpx_download_is_gpx_1_1_with_metadata_in_the_page_language(client):
    page = spine()
    response, gpx = gpx_of(client, page, "en")
    assert response["Content-Type"] == "application/gpx+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dinosaurs-spine.gpx"'
    text = response.content.decode()
    assert 'version="1.1"' in text and "http://www.topografix.com/GPX/1/1" in text
    assert gpx.name == page.title_en and gpx.description == page.introduction_en
    assert gpx.link.endswith("/en/routes/dinosaurs-spine/")
    _, gpx_vi = gpx_of(client, page, "vi")
    assert gpx_vi.name == page.title_vi == "Sống lưng khủng long – cột mốc 1305"
    assert gpx_vi.link.endswith("/vi/cung-duong/song-lung-khung-long/")


def test_the_downloaded_gpx_holds_the_same_points_and_the_stops_as_waypoints(client):
    page = make_route()
    places = [village("luc-ngu"), homestay("song-mooc-homestay"), attraction("cao-xiem")]
    page = set_stops(page, places)
    _, gpx = gpx_of(client, page, "en")
    points = [[p.latitude, p.longitude, p.elevation] for p in gpx.tracks[0].segments[0].points]
    assert points == page.track
    assert len(points) == len(climbing_track())
    assert [w.name for w in gpx.waypoints] == [
        f"{n}. {p.title_en}" for n, p in enumerate(places, 1)
    ]
    assert [(w.latitude, w.longitude) for w in gpx.waypoints] == [
        (p.latitude, p.longitude) for p in places
    ]


def test_a_title_with_markup_characters_is_escaped_in_the_gpx(client):
    page = make_route(title_en='Up & down <the> "ridge"')
    response, gpx = gpx_of(client, page, "en")
    assert gpx.name == 'Up & down <the> "ridge"'
    assert b"<the>" not in response.content


def assert_rfc7946_line(feature):
    assert feature["type"] == "Feature"
    assert {"type", "geometry", "properties"} <= set(feature)
    geometry = feature["geometry"]
    assert geometry["type"] == "LineString"
    coordinates = geometry["coordinates"]
    assert len(coordinates) >= 2
    box = region_box()
    for position in coordinates:
        assert 2 <= len(position) <= 3
        lon, lat = position[:2]  # longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert box["min_lon"] <= lon <= box["max_lon"] and box["min_lat"] <= lat <= box["max_lat"]
    assert "crs" not in feature and "crs" not in geometry


def test_the_route_geojson_is_a_linestring_of_the_whole_track_with_elevations(client):
    page = spine()
    response = client.get(f"/api/routes/{page.pk}.geojson", {"lang": "vi"})
    assert response["Content-Type"].startswith("application/geo+json")
    feature = json.loads(response.content)
    assert_rfc7946_line(feature)
    assert feature["geometry"]["coordinates"] == [[lon, lat, ele] for lat, lon, ele in page.track]
    assert feature["properties"]["name"] == page.title_vi
    assert feature["properties"]["gpx_url"].endswith(f"/api/routes/{page.pk}.gpx?lang=vi")


@pytest.mark.parametrize("lang", public_languages())
def test_places_geojson_of_type_route_is_valid_rfc7946_with_every_published_route(client, lang):
    response = client.get("/api/places.geojson", {"type": "route", "lang": lang})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    live = RoutePage.objects.live().public()
    assert {f["id"] for f in data["features"]} == {f"route-{p.pk}" for p in live}
    for feature in data["features"]:
        assert_rfc7946_line(feature)
        assert all(len(position) == 2 for position in feature["geometry"]["coordinates"])
        props = feature["properties"]
        assert props["type"] == "route"
        assert props["gpx_url"].endswith(f"?lang={lang}")
        assert f"/{lang}/" in props["url"]
    west, south, east, north = data["bbox"]
    assert west < east and south < north


def test_unknown_languages_get_a_400_and_unknown_routes_a_404(client):
    page = spine()
    assert client.get(f"/api/routes/{page.pk}.gpx", {"lang": "fr"}).status_code == 400
    assert client.get("/api/routes/999999.gpx").status_code == 404
    assert client.get("/api/routes/999999.geojson").status_code == 404
    assert client.post(f"/api/routes/{page.pk}.gpx").status_code == 405


def hidden_routes(home):
    draft = make_route(publish_it=False, title_en="Draft route")
    private = make_route(title_en="Private route")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return draft, private


def test_drafts_and_private_routes_are_absent_from_the_geojson_and_their_downloads_404(
    client, home
):
    for page in hidden_routes(home):
        assert client.get(f"/api/routes/{page.pk}.gpx").status_code == 404
        assert client.get(f"/api/routes/{page.pk}.geojson").status_code == 404
        for params in ({"type": "route"}, {}):
            body = client.get("/api/places.geojson", params).content.decode()
            assert f'"route-{page.pk}"' not in body
        listing = client.get("/api/v2/pages/", {"type": "routes.RoutePage"})
        assert page.pk not in [item["id"] for item in json.loads(listing.content)["items"]]


def test_the_pages_api_gives_each_route_its_gpx_url_and_stops(client):
    page = spine()
    response = client.get(f"/api/v2/pages/{page.pk}/", {"lang": "en"})
    data = json.loads(response.content)
    assert data["gpx_url"].endswith(f"/api/routes/{page.pk}.gpx?lang=en")
    assert data["distance_m"] == page.distance_m and data["difficulty"] == "hard"
    assert data["route_stops"][0]["title"] == "Marker 1305 and the dinosaur's spine"
    assert data["route_stops"][0]["distance_m"] == pytest.approx(page.distance_m, abs=30)


def test_the_places_api_lists_routes_with_their_start_and_gpx_url(client):
    response = client.get("/api/v2/places/", {"type": "route", "lang": "en"})
    assert response.status_code == 200
    items = response.json()["items"]
    live = RoutePage.objects.live().public()
    assert {item["id"] for item in items} == set(live.values_list("pk", flat=True))
    page = spine()
    item = next(i for i in items if i["id"] == page.pk)
    assert item["place_type"] == "route"
    assert item["gpx_url"].endswith(f"/api/routes/{page.pk}.gpx?lang=en")
    assert (item["latitude"], item["longitude"]) == (page.start_latitude, page.start_longitude)
    assert item["thumbnail"]["url"].endswith(".webp")


def test_in_a_mixed_listing_routes_have_a_gpx_url_and_villages_no_such_key(client):
    response = client.get("/api/v2/places/", {"type": "village,route", "limit": 20})
    by_type = {}
    for item in response.json()["items"]:
        by_type.setdefault(item["place_type"], set()).add(
            item["gpx_url"].endswith(f"/api/routes/{item['id']}.gpx?lang=vi")
            if "gpx_url" in item
            else "no key"
        )
    assert by_type == {"village": {"no key"}, "route": {True}}


def test_drafts_and_private_routes_are_absent_from_the_places_api(client, home):
    for page in hidden_routes(home):
        listing = client.get("/api/v2/places/", {"type": "route"}).json()["items"]
        assert page.pk not in [item["id"] for item in listing]
        assert client.get(f"/api/v2/places/{page.pk}/").status_code == 404
