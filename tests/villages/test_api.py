"""`/api/v2/places/`: villages, homestays and attractions with coordinates and images."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.places import add_attraction, add_homestay, add_village
from tests.factories.site import VILLAGE
from tests.villages.helpers import make_homestay

pytestmark = pytest.mark.django_db
URL = "/api/v2/places/"
PLACE_TYPES = {"village", "homestay", "attraction"}


def items(client, **params):
    """Every item of the listing, following the API's pages of 20."""
    found, offset = [], 0
    while True:
        response = client.get(URL, {**params, "limit": 20, "offset": offset})
        assert response.status_code == 200, response.content
        data = response.json()
        found += data["items"]
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return found


def places_of(test_site):
    """{pk: place type} of every live place the test site has."""
    villages = [test_site.village, test_site.village2]
    attractions = [test_site.peak, test_site.market_place]
    return {
        **{p.pk: "village" for p in villages},
        **{p.pk: "homestay" for p in test_site.homestays},
        **{p.pk: "attraction" for p in attractions},
    }


def test_the_listing_has_every_place_with_type_coordinates_and_a_thumbnail(client, test_site):
    found = items(client)
    # Other registered types (routes) may follow; the three place types are all there.
    places = {i["id"]: i["place_type"] for i in found if i["place_type"] in PLACE_TYPES}
    assert places == places_of(test_site)
    village = next(i for i in found if i["id"] == test_site.village.pk)
    assert village["place_type"] == "village"
    assert village["latitude"] == pytest.approx(VILLAGE["latitude"])
    assert village["longitude"] == pytest.approx(VILLAGE["longitude"])
    assert village["thumbnail"]["url"].endswith(".webp")
    assert (village["thumbnail"]["width"], village["thumbnail"]["height"]) == (480, 300)


@pytest.mark.parametrize(("lang", "other"), [("vi", "en"), ("en", "vi")])
def test_titles_follow_the_lang_parameter(client, test_site, lang, other):
    found = items(client, lang=lang, type="village")
    title = next(i["title"] for i in found if i["id"] == test_site.village.pk)
    assert title == VILLAGE[f"title_{lang}"]
    assert VILLAGE[f"title_{other}"] not in [i["title"] for i in found]


def test_an_unknown_language_is_a_400(client):
    assert client.get(URL, {"lang": "fr"}).status_code == 400


def test_the_type_parameter_filters_and_exposes_that_types_fields(client, test_site):
    mine = add_homestay(test_site.village2, capacity=9, price_min=123_000, phone="0911222333")
    found = items(client, type="homestay", fields="capacity,price_min,phone")
    assert {i["place_type"] for i in found} == {"homestay"}
    assert {i["id"] for i in found} == {p.pk for p in test_site.homestays} | {mine.pk}
    item = next(i for i in found if i["id"] == mine.pk)
    assert (item["capacity"], item["price_min"], item["phone"]) == (9, 123_000, "0911222333")
    assert "capacity" not in items(client, type="village", fields="*")[0]


def test_an_unknown_type_is_a_clear_400(client):
    response = client.get(URL, {"type": "castle"})
    assert response.status_code == 400
    assert "castle" in response.json()["message"]


def test_the_village_parameter_gives_the_village_its_homestays_and_attractions(client, test_site):
    village = add_village(test_site.villages, title_en="API test village")
    add_homestay(village, title_en="API test homestay")
    add_attraction(test_site.attractions, village=village, title_en="API test sight")
    add_attraction(test_site.attractions, title_en="API test sight elsewhere")
    add_homestay(test_site.village, title_en="API test homestay elsewhere")
    found = items(client, village=village.pk, lang="en")
    titles = {i["title"] for i in found}
    assert titles == {"API test village", "API test homestay", "API test sight"}


def test_a_bad_village_parameter_is_a_400(client, test_site):
    assert client.get(URL, {"village": "abc"}).status_code == 400
    assert client.get(URL, {"village": str(test_site.homestay.pk)}).status_code == 400
    assert client.get(URL, {"village": "999999"}).status_code == 400


def test_drafts_and_private_pages_are_absent_from_listing_and_detail(client, test_site):
    village = test_site.village
    draft = make_homestay(village, publish_it=False)
    draft.unpublish()
    private = make_homestay(village)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = make_homestay(village)
    ids = {i["id"] for i in items(client)}
    assert public.pk in ids
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"{URL}{public.pk}/").status_code == 200
    assert client.get(f"{URL}{private.pk}/").status_code == 404
    assert client.get(f"{URL}{draft.pk}/").status_code == 404


def test_the_detail_view_has_the_full_place(client, test_site):
    stay = add_homestay(
        test_site.village2,
        title_vi="Nhà nghỉ API thử",
        title_en="API detail test homestay",
        host_name="Chủ nhà API thử",
        latitude=21.5432,
        longitude=107.4321,
    )
    data = client.get(f"{URL}{stay.pk}/", {"lang": "en"}).json()
    assert data["title"] == "API detail test homestay"
    assert data["host_name"] == "Chủ nhà API thử"
    assert data["place_type"] == "homestay"
    assert data["latitude"] == pytest.approx(21.5432)
    assert data["longitude"] == pytest.approx(107.4321)
