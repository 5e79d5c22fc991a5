"""`/api/places.geojson`: RFC 7946 in both languages, only what visitors may see."""

import json

import pytest
from wagtail import hooks
from wagtail.models import PageViewRestriction

from tests.languages import public_languages
from tests.villages.helpers import make_homestay, village
from villages.conf import region_box
from villages.geojson import bounding_box, feature_collection
from villages.models import AttractionPage, HomestayPage, VillagePage
from villages.places import PlaceType

pytestmark = pytest.mark.django_db
URL = "/api/places.geojson"


def fetch(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response, json.loads(response.content)


def positions(geometry):
    """[lon, lat] positions of a Point, LineString or MultiLineString."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coordinates]
    if kind in ("LineString", "MultiPoint"):
        return coordinates
    assert kind == "MultiLineString", kind
    return [position for line in coordinates for position in line]


def assert_valid_collection(data):
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list) and data["features"]
    box = region_box()
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) >= {"type", "geometry", "properties"}
        for lon, lat in (p[:2] for p in positions(feature["geometry"])):  # longitude first
            assert box["min_lon"] <= lon <= box["max_lon"], feature["id"]
            assert box["min_lat"] <= lat <= box["max_lat"], feature["id"]
        assert {"name", "type", "url"} <= set(feature["properties"])
        if feature["properties"]["type"] in PLACE_TYPES:
            assert feature["geometry"]["type"] == "Point"
    west, south, east, north = data["bbox"]
    assert west <= east and south <= north


PLACE_TYPES = {"village", "homestay", "attraction"}


@pytest.mark.parametrize("lang", public_languages())
def test_the_feed_is_a_valid_rfc7946_feature_collection_in_each_language(client, lang):
    response, data = fetch(client, lang=lang)
    assert response["Content-Type"].startswith("application/geo+json")
    assert_valid_collection(data)
    places = [f for f in data["features"] if f["properties"]["type"] in PLACE_TYPES]
    assert len(places) == (
        VillagePage.objects.live().count()
        + HomestayPage.objects.live().count()
        + AttractionPage.objects.live().count()
    )


def test_coordinates_are_longitude_then_latitude(client):
    luc_ngu = village("luc-ngu")
    _, data = fetch(client, type="village")
    feature = next(f for f in data["features"] if f["id"] == f"village-{luc_ngu.pk}")
    assert feature["geometry"]["coordinates"] == [luc_ngu.longitude, luc_ngu.latitude]


def test_names_and_urls_follow_the_requested_language(client):
    _, english = fetch(client, lang="en", type="village")
    _, vietnamese = fetch(client, lang="vi", type="village")
    assert "Lục Ngù Sán Chỉ village" in [f["properties"]["name"] for f in english["features"]]
    assert "Bản Sán Chỉ Lục Ngù" in [f["properties"]["name"] for f in vietnamese["features"]]
    assert all("/en/villages/" in f["properties"]["url"] for f in english["features"])
    assert all("/vi/ban-lang/" in f["properties"]["url"] for f in vietnamese["features"])


def test_the_type_parameter_picks_one_or_several_kinds(client):
    _, homestays = fetch(client, type="homestay")
    assert {f["properties"]["type"] for f in homestays["features"]} == {"homestay"}
    _, two = fetch(client, type="village,attraction")
    assert {f["properties"]["type"] for f in two["features"]} == {"village", "attraction"}


def test_an_unknown_type_or_language_is_a_clear_400(client):
    response = client.get(URL, {"type": "volcano"})
    assert response.status_code == 400
    assert "volcano" in response.content.decode()
    assert client.get(URL, {"lang": "xx"}).status_code == 400


def test_drafts_and_private_places_are_not_in_the_feed(client):
    luc_ngu = village("luc-ngu")
    draft = make_homestay(luc_ngu, title_vi="Nhà nháp", publish_it=False)
    draft.unpublish()
    private = make_homestay(luc_ngu, title_vi="Nhà riêng")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    _, data = fetch(client, lang="vi")
    names = {f["properties"]["name"] for f in data["features"]}
    assert "Nhà nháp" not in names and "Nhà riêng" not in names


def test_another_app_can_add_a_feature_type_through_the_place_hook(rf):
    line = {
        "type": "Feature",
        "id": "route-1",
        "geometry": {"type": "LineString", "coordinates": [[107.40, 21.52], [107.45, 21.61]]},
        "properties": {"name": "Thử", "type": "route", "url": "/"},
    }

    def trails():
        return [PlaceType("trail", "routes.RoutePage", "Trails", lambda request: [line], order=99)]

    with hooks.register_temporarily("register_place_types", trails):
        data = feature_collection(rf.get("/"), ["trail"])
    assert data["features"] == [line]
    assert data["bbox"] == [107.40, 21.52, 107.45, 21.61]


def test_the_bounding_box_of_nothing_is_none():
    assert bounding_box([]) is None
