"""`/api/places.geojson`: RFC 7946 in both languages, only what visitors may see."""

import json
from urllib.parse import urlparse

import pytest
from wagtail import hooks
from wagtail.models import PageViewRestriction

from tests.factories.site import VILLAGE
from tests.languages import public_languages
from tests.villages.helpers import make_homestay
from villages.conf import region_box
from villages.geojson import bounding_box, feature_collection
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


def feature_ids(test_site):
    """The feature ids of every live place the test site has."""
    return (
        {f"village-{p.pk}" for p in (test_site.village, test_site.village2)}
        | {f"homestay-{p.pk}" for p in test_site.homestays}
        | {f"attraction-{p.pk}" for p in (test_site.peak, test_site.market_place)}
    )


@pytest.mark.parametrize("lang", public_languages())
def test_the_feed_is_a_valid_rfc7946_feature_collection_in_each_language(client, test_site, lang):
    response, data = fetch(client, lang=lang)
    assert response["Content-Type"].startswith("application/geo+json")
    assert_valid_collection(data)
    places = {f["id"] for f in data["features"] if f["properties"]["type"] in PLACE_TYPES}
    assert places == feature_ids(test_site)


def test_coordinates_are_longitude_then_latitude(client, test_site):
    _, data = fetch(client, type="village")
    feature = next(f for f in data["features"] if f["id"] == f"village-{test_site.village.pk}")
    assert feature["geometry"]["coordinates"] == [VILLAGE["longitude"], VILLAGE["latitude"]]


@pytest.mark.parametrize(
    ("lang", "index_path"), [("en", "/en/test-villages/"), ("vi", "/vi/ban-lang-thu/")]
)
def test_names_and_urls_follow_the_requested_language(client, test_site, lang, index_path):
    _, data = fetch(client, lang=lang, type="village")
    feature = next(f for f in data["features"] if f["id"] == f"village-{test_site.village.pk}")
    assert feature["properties"]["name"] == VILLAGE[f"title_{lang}"]
    assert urlparse(feature["properties"]["url"]).path == f"{index_path}{VILLAGE[f'slug_{lang}']}/"
    assert all(index_path in f["properties"]["url"] for f in data["features"])


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


def test_drafts_and_private_places_are_not_in_the_feed(client, test_site):
    village = test_site.village
    draft = make_homestay(village, title_vi="Nhà nháp", publish_it=False)
    draft.unpublish()
    private = make_homestay(village, title_vi="Nhà riêng")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_homestay(village, title_vi="Nhà công khai")
    _, data = fetch(client, lang="vi")
    names = {f["properties"]["name"] for f in data["features"]}
    assert "Nhà công khai" in names
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
