"""The place registry (villages/places.py): a place type registered once, through the
``register_place_types`` hook, shows up everywhere places are listed or chosen."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from rest_framework import fields
from wagtail import hooks

from events.models import EventPage
from events.validation import venue_errors
from events.venues import attach_places, venue_models, venue_page_types
from portal.models import HomePage, StandardPage
from tests.factories import add_page
from villages.models import AttractionPage, HomestayPage, VillagePage
from villages.places import (
    DuplicatePlaceType,
    PlaceChooserPanel,
    PlaceType,
    place_type_names,
    place_types,
)
from villages.routes.models import RoutePage, RouteStage, RouteStop

pytestmark = pytest.mark.django_db
API = "/api/v2/places/"
GEOJSON = "/api/places.geojson"


class MarketDayField(fields.Field):
    """A field only markets declare."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return "Sunday"


def market_feature(page):
    return {
        "type": "Feature",
        "id": f"market-{page.pk}",
        "geometry": {"type": "Point", "coordinates": [107.36, 21.59]},
        "properties": {"name": page.title, "type": "market", "url": page.url},
    }


def market_features(request):
    for page in StandardPage.objects.live().public().filter(slug_en__startswith="market-"):
        yield market_feature(page)


def market_types():
    return [
        PlaceType(
            name="market",
            model="portal.StandardPage",
            label="Markets",
            features=market_features,
            api_fields={"market_day": MarketDayField()},
            order=35,
            colour="#6a1b9a",
            can_be_venue=True,
            can_be_route_stop=True,
        )
    ]


@pytest.fixture
def market():
    home = HomePage.objects.get(depth=2)
    return add_page(
        home,
        StandardPage,
        title_vi="Chợ phiên Chủ nhật",
        title_en="Sunday market",
        slug_en="market-sunday",
    )


@pytest.fixture
def markets_registered():
    with hooks.register_temporarily("register_place_types", market_types):
        yield


def test_the_registry_lists_the_four_built_in_types_in_map_order():
    assert place_type_names() == ["village", "homestay", "attraction", "route"]
    assert [t.model_class for t in place_types()] == [
        VillagePage,
        HomestayPage,
        AttractionPage,
        RoutePage,
    ]


def test_only_villages_and_attractions_can_be_event_venues():
    assert venue_models() == (VillagePage, AttractionPage)
    assert venue_page_types() == ["villages.VillagePage", "villages.AttractionPage"]


def test_a_new_place_type_is_listed_by_the_places_api_with_its_own_field(
    client, market, markets_registered
):
    response = client.get(API, {"type": "market", "limit": 20})
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    expected = set(StandardPage.objects.live().public().values_list("pk", flat=True))
    assert {item["id"] for item in items} == expected
    mine = next(item for item in items if item["id"] == market.pk)
    assert mine["place_type"] == "market"
    assert mine["market_day"] == "Sunday"
    assert "gpx_url" not in mine


def test_in_a_mixed_listing_only_the_new_type_has_its_field(client, market, markets_registered):
    response = client.get(API, {"type": "village,market", "limit": 20})
    assert response.status_code == 200, response.content
    keys = {}
    for item in response.json()["items"]:
        keys.setdefault(item["place_type"], set()).add("market_day" in item)
    assert keys == {"village": {False}, "market": {True}}


def test_the_detail_of_a_new_place_has_its_type_and_field(client, market, markets_registered):
    data = client.get(f"{API}{market.pk}/").json()
    assert (data["place_type"], data["market_day"]) == ("market", "Sunday")


def test_without_the_registration_the_type_is_a_400_naming_the_known_types(client, market):
    response = client.get(API, {"type": "market"})
    assert response.status_code == 400
    message = response.json()["message"]
    assert "market" in message
    assert "village, homestay, attraction, route" in message
    assert client.get(GEOJSON, {"type": "market"}).status_code == 400


def test_a_new_place_type_is_served_by_the_places_geojson(client, market, markets_registered):
    response = client.get(GEOJSON, {"type": "market", "lang": "en"})
    assert response.status_code == 200
    features = response.json()["features"]
    assert [f["properties"]["name"] for f in features] == ["Sunday market"]
    assert features[0]["id"] == f"market-{market.pk}"


def test_the_whole_geojson_follows_the_registry_order(client, market, markets_registered):
    features = client.get(GEOJSON).json()["features"]
    kinds = list(dict.fromkeys(f["properties"]["type"] for f in features))
    assert kinds == ["village", "homestay", "attraction", "market", "route"]


def test_the_map_names_the_new_type_in_its_legend_and_draws_it_in_its_colour(
    client, market, markets_registered
):
    from villages.models import MapPage

    page = MapPage.objects.live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert ("market", "Markets") in response.context["legend"]
    soup = BeautifulSoup(response.content, "html.parser")
    options = json.loads(soup.select_one("[data-places-map]")["data-places-map"])
    assert options["colours"]["market"] == "#6a1b9a"
    assert options["colours"]["village"] == "#b3261e"


def chooser_models(panel, model):
    widget = panel.bind_to_model(model).get_form_options()["widgets"][panel.field_name]
    return set(widget.target_models)


def test_a_venue_flagged_type_is_offered_and_accepted_as_an_event_venue(market):
    panel = PlaceChooserPanel("venue", "venue")
    event = EventPage(venue=market, venue_name="")
    assert StandardPage not in chooser_models(panel, EventPage)
    assert "venue" in venue_errors(event, venue_models())
    with hooks.register_temporarily("register_place_types", market_types):
        assert chooser_models(panel, EventPage) == {VillagePage, AttractionPage, StandardPage}
        assert "venue" not in venue_errors(event, venue_models())
        (placed,) = attach_places([event])
        assert placed._place.name == "Chợ phiên Chủ nhật"


def test_a_route_stop_flagged_type_is_offered_and_accepted_as_a_stop(market):
    stop_panel = PlaceChooserPanel("place", "route_stop")
    stage_panel = PlaceChooserPanel("ends_at", "route_stop")
    with pytest.raises(ValidationError):
        RouteStop(place=market).clean()
    with hooks.register_temporarily("register_place_types", market_types):
        expected = {VillagePage, HomestayPage, AttractionPage, StandardPage}
        assert chooser_models(stop_panel, RouteStop) == expected
        assert chooser_models(stage_panel, RouteStage) == expected
        RouteStop(place=market).clean()
        RouteStage(title="Day 1", ends_at=market).clean()


def test_a_type_registered_twice_is_refused():
    def markets_again():
        return market_types()

    with (
        hooks.register_temporarily("register_place_types", market_types),
        hooks.register_temporarily("register_place_types", markets_again),
        pytest.raises(DuplicatePlaceType),
    ):
        place_types()
