"""GPX and GeoJSON downloads, the routes in /api/places.geojson, and what stays hidden."""

import json

import gpxpy
import pytest
from wagtail.models import PageViewRestriction

from portal.address import absolute_url
from portal.i18n import page_url
from tests.factories.images import make_image
from tests.languages import public_languages
from tests.routes.helpers import climbing_track, length_m, make_route, set_stops
from villages.conf import region_box

pytestmark = pytest.mark.django_db


def gpx_of(client, page, lang="en"):
    response = client.get(f"/api/routes/{page.pk}.gpx", {"lang": lang})
    assert response.status_code == 200
    return response, gpxpy.parse(response.content.decode())


def test_the_gpx_download_is_gpx_1_1_with_metadata_in_the_page_language(client):
    page = make_route(
        title_vi="Đường mòn thử",
        title_en="Test trail",
        slug_vi="duong-mon-thu",
        slug_en="test-trail",
        introduction_vi="Giới thiệu đường mòn thử.",
        introduction_en="About the test trail.",
    )
    response, gpx = gpx_of(client, page, "en")
    assert response["Content-Type"] == "application/gpx+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="test-trail.gpx"'
    text = response.content.decode()
    assert 'version="1.1"' in text and "http://www.topografix.com/GPX/1/1" in text
    assert (gpx.name, gpx.description) == ("Test trail", "About the test trail.")
    assert gpx.link == absolute_url(page_url(page, "en"))
    _, gpx_vi = gpx_of(client, page, "vi")
    assert (gpx_vi.name, gpx_vi.description) == ("Đường mòn thử", "Giới thiệu đường mòn thử.")
    assert gpx_vi.link == absolute_url(page_url(page, "vi"))


def test_the_downloaded_gpx_holds_the_same_points_and_the_stops_as_waypoints(client, test_site):
    points = climbing_track()
    page = make_route(points=points)
    places = [test_site.village, test_site.homestay, test_site.peak]
    page = set_stops(page, places)
    _, gpx = gpx_of(client, page, "en")
    got = [[p.latitude, p.longitude, p.elevation] for p in gpx.tracks[0].segments[0].points]
    assert len(got) == len(points)
    for (lat, lon, ele), expected in zip(got, points, strict=True):
        assert (lat, lon, ele) == pytest.approx(tuple(expected), abs=1e-6 + 0.05)
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
    points = climbing_track()
    page = make_route(points=points, title_vi="Đường thử GeoJSON")
    response = client.get(f"/api/routes/{page.pk}.geojson", {"lang": "vi"})
    assert response["Content-Type"].startswith("application/geo+json")
    feature = json.loads(response.content)
    assert_rfc7946_line(feature)
    coordinates = feature["geometry"]["coordinates"]
    assert len(coordinates) == len(points)
    for position, (lat, lon, ele) in zip(coordinates, points, strict=True):
        assert position == pytest.approx([lon, lat, ele], abs=0.05)
    assert feature["properties"]["name"] == "Đường thử GeoJSON"
    assert feature["properties"]["gpx_url"] == absolute_url(f"/api/routes/{page.pk}.gpx?lang=vi")


@pytest.mark.parametrize("lang", public_languages())
def test_places_geojson_of_type_route_is_valid_rfc7946_with_every_published_route(
    client, test_site, lang
):
    visible = [test_site.route, make_route()]
    hidden_routes()
    response = client.get("/api/places.geojson", {"type": "route", "lang": lang})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert {f["id"] for f in data["features"]} == {f"route-{p.pk}" for p in visible}
    for feature in data["features"]:
        assert_rfc7946_line(feature)
        assert all(len(position) == 2 for position in feature["geometry"]["coordinates"])
        props = feature["properties"]
        assert props["type"] == "route"
        assert props["gpx_url"].endswith(f"?lang={lang}")
        assert f"/{lang}/" in props["url"]
    west, south, east, north = data["bbox"]
    assert west < east and south < north


def test_unknown_languages_get_a_400_and_unknown_routes_a_404(client, test_site):
    page = test_site.route
    assert client.get(f"/api/routes/{page.pk}.gpx", {"lang": "fr"}).status_code == 400
    assert client.get("/api/routes/999999.gpx").status_code == 404
    assert client.get("/api/routes/999999.geojson").status_code == 404
    assert client.post(f"/api/routes/{page.pk}.gpx").status_code == 405


def hidden_routes():
    draft = make_route(publish_it=False, title_en="Draft route")
    private = make_route(title_en="Private route")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return draft, private


def test_drafts_and_private_routes_are_absent_from_the_geojson_and_their_downloads_404(client):
    for page in hidden_routes():
        assert client.get(f"/api/routes/{page.pk}.gpx").status_code == 404
        assert client.get(f"/api/routes/{page.pk}.geojson").status_code == 404
        for params in ({"type": "route"}, {}):
            body = client.get("/api/places.geojson", params).content.decode()
            assert f'"route-{page.pk}"' not in body
        listing = client.get("/api/v2/pages/", {"type": "routes.RoutePage"})
        assert page.pk not in [item["id"] for item in json.loads(listing.content)["items"]]


def test_the_pages_api_gives_each_route_its_gpx_url_and_stops(client, test_site):
    points = climbing_track()
    page = set_stops(make_route(points=points, difficulty="hard"), [test_site.peak])
    response = client.get(f"/api/v2/pages/{page.pk}/", {"lang": "en"})
    data = json.loads(response.content)
    assert data["gpx_url"] == absolute_url(f"/api/routes/{page.pk}.gpx?lang=en")
    assert data["distance_m"] == pytest.approx(length_m(points), abs=1)
    assert data["difficulty"] == "hard"
    (stop,) = data["route_stops"]
    assert stop["title"] == "Windy Test Peak"  # tests/factories/site.py
    # The peak lies north of the whole track: its nearest point on it is the end.
    assert stop["distance_m"] == pytest.approx(length_m(points), abs=1)


def test_the_places_api_lists_routes_with_their_start_and_gpx_url(client, test_site):
    page = make_route(points=climbing_track(start=(21.52, 107.41)), image=make_image())
    hidden_routes()
    response = client.get("/api/v2/places/", {"type": "route", "lang": "en"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["id"] for item in items} == {test_site.route.pk, page.pk}
    item = next(i for i in items if i["id"] == page.pk)
    assert item["place_type"] == "route"
    assert item["gpx_url"] == absolute_url(f"/api/routes/{page.pk}.gpx?lang=en")
    assert (item["latitude"], item["longitude"]) == (21.52, 107.41)
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


def test_drafts_and_private_routes_are_absent_from_the_places_api(client):
    for page in hidden_routes():
        listing = client.get("/api/v2/places/", {"type": "route"}).json()["items"]
        assert page.pk not in [item["id"] for item in listing]
        assert client.get(f"/api/v2/places/{page.pk}/").status_code == 404
