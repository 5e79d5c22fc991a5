"""`/api/v2/places/`: villages, homestays and attractions with coordinates and images."""

import pytest
from wagtail.models import PageViewRestriction

from tests.villages.helpers import homestay, make_homestay, village
from villages.models import AttractionPage, HomestayPage, VillagePage

pytestmark = pytest.mark.django_db
URL = "/api/v2/places/"


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


def test_the_listing_has_every_place_with_type_coordinates_and_a_thumbnail(client):
    found = items(client)
    expected = (
        VillagePage.objects.live().count()
        + HomestayPage.objects.live().count()
        + AttractionPage.objects.live().count()
    )
    # Other registered types (routes) may follow; the three place types are all there.
    places = [i for i in found if i["place_type"] in {"village", "homestay", "attraction"}]
    assert len(places) == expected
    luc_ngu = next(i for i in found if i["id"] == village("luc-ngu").pk)
    assert luc_ngu["place_type"] == "village"
    assert luc_ngu["latitude"] == pytest.approx(21.585)
    assert luc_ngu["longitude"] == pytest.approx(107.345)
    assert luc_ngu["thumbnail"]["url"].endswith(".webp")
    assert luc_ngu["thumbnail"]["width"] == 480


@pytest.mark.parametrize(
    ("lang", "title"), [("vi", "Bản Tày Bản Cáu"), ("en", "Bản Cáu Tày village")]
)
def test_titles_follow_the_lang_parameter(client, lang, title):
    assert title in [i["title"] for i in items(client, lang=lang, type="village")]


def test_an_unknown_language_is_a_400(client):
    assert client.get(URL, {"lang": "fr"}).status_code == 400


def test_the_type_parameter_filters_and_exposes_that_types_fields(client):
    found = items(client, type="homestay", fields="capacity,price_min,phone")
    assert {i["place_type"] for i in found} == {"homestay"}
    assert len(found) == HomestayPage.objects.live().count()
    a_dao = next(i for i in found if i["id"] == homestay("homestay-a-dao").pk)
    assert a_dao["capacity"] == 30


def test_an_unknown_type_is_a_clear_400(client):
    response = client.get(URL, {"type": "castle"})
    assert response.status_code == 400
    assert "castle" in response.json()["message"]


def test_the_village_parameter_gives_the_village_its_homestays_and_attractions(client):
    ban_cau = village("ban-cau")
    found = items(client, village=ban_cau.pk, lang="en")
    titles = {i["title"] for i in found}
    assert titles == {
        "Bản Cáu Tày village",
        "Bản Cáu stilt house (sample)",
        "Guesthouse at the village gate (sample)",
        "Lục Nà communal house",
    }


def test_a_bad_village_parameter_is_a_400(client):
    assert client.get(URL, {"village": "abc"}).status_code == 400
    assert client.get(URL, {"village": "999999"}).status_code == 400


def test_drafts_and_private_pages_are_absent_from_listing_and_detail(client):
    luc_ngu = village("luc-ngu")
    draft = make_homestay(luc_ngu, publish_it=False)
    draft.unpublish()
    private = make_homestay(luc_ngu)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ids = {i["id"] for i in items(client)}
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"{URL}{private.pk}/").status_code == 404
    assert client.get(f"{URL}{draft.pk}/").status_code == 404


def test_the_detail_view_has_the_full_place(client):
    a_dao = homestay("homestay-a-dao")
    data = client.get(f"{URL}{a_dao.pk}/", {"lang": "en"}).json()
    assert data["title"] == "Homestay A Dào"
    assert data["host_name"] == "Tằng Văn Dào"
    assert data["place_type"] == "homestay"
    assert data["latitude"] == pytest.approx(a_dao.latitude)
