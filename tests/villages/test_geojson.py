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
from villages.geojson import bounding_box, feature_collection, parse_bbox
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


def places_with_positions(test_site):
    """{feature id: (lon, lat)} of every live place of the test site, from its pages."""
    pages = [
        ("village", test_site.village),
        ("village", test_site.village2),
        *(("homestay", p) for p in test_site.homestays),
        ("attraction", test_site.peak),
        ("attraction", test_site.market_place),
    ]
    return {f"{kind}-{p.pk}": (p.longitude, p.latitude) for kind, p in pages}


def test_a_bounding_box_keeps_exactly_the_places_inside_it(client, test_site):
    positions_by_id = places_with_positions(test_site)
    # A box around the first village, half a kilometre each way: what lies inside is
    # decided here from the pages' own coordinates.
    lon, lat = positions_by_id[f"village-{test_site.village.pk}"]
    west, south, east, north = lon - 0.005, lat - 0.005, lon + 0.005, lat + 0.005
    inside = {
        fid for fid, (x, y) in positions_by_id.items() if west <= x <= east and south <= y <= north
    }
    assert f"village-{test_site.village.pk}" in inside
    assert inside != set(positions_by_id), "the box must leave some places out"
    _, data = fetch(
        client, type="village,homestay,attraction", bbox=f"{west},{south},{east},{north}"
    )
    assert {f["id"] for f in data["features"]} == inside
    bw, bs, be, bn = data["bbox"]
    assert west <= bw <= be <= east and south <= bs <= bn <= north


def test_a_box_away_from_every_place_gives_an_empty_collection(client, test_site):
    _, data = fetch(client, bbox="-70.7,-33.5,-70.6,-33.4")
    assert data["features"] == []
    assert "bbox" not in data


def test_a_route_is_kept_when_its_line_crosses_the_box(client, test_site):
    _, whole = fetch(client, type="route")
    assert whole["features"], "the test site needs a route"
    route = whole["features"][0]
    lon, lat = positions(route["geometry"])[len(positions(route["geometry"])) // 2]
    box = f"{lon - 0.001},{lat - 0.001},{lon + 0.001},{lat + 0.001}"
    _, near = fetch(client, type="route", bbox=box)
    assert route["id"] in {f["id"] for f in near["features"]}
    _, far = fetch(client, type="route", bbox="100.0,10.0,100.1,10.1")
    assert far["features"] == []


def test_a_place_type_whose_builder_knows_nothing_of_boxes_is_still_filtered(rf):
    def point(fid, lon, lat):
        return {
            "type": "Feature",
            "id": fid,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"name": fid, "type": "well", "url": "/"},
        }

    wells = [point("well-in", 107.45, 21.55), point("well-out", 107.60, 21.70)]

    def register():
        return [PlaceType("well", "villages.VillagePage", "Wells", lambda request: wells)]

    with hooks.register_temporarily("register_place_types", register):
        data = feature_collection(rf.get("/"), ["well"], parse_bbox("107.4,21.5,107.5,21.6"))
    assert [f["id"] for f in data["features"]] == ["well-in"]


def test_a_box_across_the_antimeridian_wraps_around():
    box = parse_bbox("170,-10,-170,10")
    assert box.contains(175, 0) and box.contains(-175, 0)
    assert not box.contains(0, 0)
    assert not box.contains(175, 20)


@pytest.mark.parametrize(
    "raw",
    [
        "107.3,21.4,107.6",  # three numbers
        "107.3,21.4,107.6,21.7,1",  # five
        "a,b,c,d",
        "107.3,21.4,107.6,200",  # latitude out of range
        "181,21.4,107.6,21.7",  # longitude out of range
        "107.3,21.7,107.6,21.4",  # south above north
        "1e2,21.4,107.6,21.7",  # exponent
        "nan,21.4,107.6,21.7",
        "١٠٧,21.4,107.6,21.7",  # non-ASCII digits
        "107.3;21.4;107.6;21.7",
    ],
)
def test_a_malformed_box_is_a_400_that_says_what_is_expected(client, raw):
    response = client.get(URL, {"bbox": raw, "lang": "en"})
    assert response.status_code == 400
    assert "west,south,east,north" in response.content.decode()


def test_the_box_error_is_in_the_visitors_language(client):
    response = client.get(URL, {"bbox": "x", "lang": "vi"})
    assert response.status_code == 400
    assert "tây,nam,đông,bắc" in response.content.decode()
