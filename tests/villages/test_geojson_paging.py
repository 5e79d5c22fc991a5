"""`/api/places.geojson?limit=&offset=`: pages of features as in OGC API - Features
(``numberReturned``, ``self`` and ``next`` links), for partners and for the map when
a type has more places than it draws at once. Without ``limit``, every feature."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.bulk import bulk_places
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db
URL = "/api/places.geojson"


def get(client, url=URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def relative(href):
    """The path and query of an absolute link (the test client takes those)."""
    return href.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def walk(client, **params):
    """Every page from the first, following ``next`` links: [page, …]."""
    pages = [get(client, **params)]
    while True:
        following = [link for link in pages[-1]["links"] if link["rel"] == "next"]
        if not following:
            return pages
        assert len(pages) < 50, "the next links never end"
        pages.append(get(client, relative(following[0]["href"])))


def ids(features):
    return [feature["id"] for feature in features]


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_following_next_links_gives_every_feature_once_in_the_unpaged_order(
    client, test_site, limit
):
    everything = ids(get(client, lang="en")["features"])
    assert len(everything) == 8  # 2 villages, 3 homestays, 2 attractions, 1 route
    pages = walk(client, lang="en", limit=limit)
    assert [f for page in pages for f in ids(page["features"])] == everything
    assert [page["numberReturned"] for page in pages] == [
        len(everything[start : start + limit]) for start in range(0, len(everything), limit)
    ]
    assert all(page["type"] == "FeatureCollection" for page in pages)


def test_a_page_links_to_itself_and_to_the_next_with_the_same_filters(client, test_site):
    page = get(client, lang="vi", type="homestay", limit=2)
    links = {link["rel"]: link for link in page["links"]}
    assert set(links) == {"self", "next"}
    assert links["next"]["type"] == "application/geo+json"
    assert "type=homestay" in links["next"]["href"] and "lang=vi" in links["next"]["href"]
    assert "offset=2" in links["next"]["href"] and "limit=2" in links["next"]["href"]
    last = get(client, relative(links["next"]["href"]))
    assert ids(last["features"]) == [f"homestay-{test_site.homestays[2].pk}"]
    assert [link["rel"] for link in last["links"]] == ["self"]


def test_paging_inside_a_bbox_walks_the_same_features_as_the_bbox_alone(client, test_site):
    # A box around the test site's second village and its market place.
    box = "107.44,21.505,107.46,21.52"
    alone = ids(get(client, bbox=box)["features"])
    assert 0 < len(alone) < 8
    paged = [f for page in walk(client, bbox=box, limit=1) for f in ids(page["features"])]
    assert paged == alone


def test_an_offset_past_the_end_is_an_empty_page_without_a_next_link(client, test_site):
    page = get(client, limit=5, offset=500)
    assert page["features"] == [] and page["numberReturned"] == 0
    assert [link["rel"] for link in page["links"]] == ["self"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "-1"},
        {"limit": "5001"},
        {"limit": "abc"},
        {"limit": "1e3"},
        {"limit": "２"},  # a full-width digit
        {"limit": "99999999999999999999"},
        {"limit": "10", "offset": "-5"},
        {"limit": "10", "offset": "x"},
        {"limit": "10", "offset": "20000000"},
    ],
)
def test_a_malformed_limit_or_offset_is_a_400_that_says_what_is_allowed(client, params):
    english = client.get(URL, {**params, "lang": "en"})
    assert english.status_code == 400
    assert "limit must be a whole number from 1 to 5000" in english.content.decode()
    vietnamese = client.get(URL, {**params, "lang": "vi"})
    assert vietnamese.status_code == 400
    assert "phải là số nguyên từ 1 đến 5000" in vietnamese.content.decode()


def test_a_page_of_two_homestays_costs_the_same_queries_with_10_or_500(client, test_site):
    village = test_site.village

    def count():
        get(client, type="homestay", limit=2)
        with CaptureQueriesContext(connection) as queries:
            page = get(client, type="homestay", limit=2)
        assert page["numberReturned"] == 2
        return len(queries)

    bulk_places(village, HomestayPage, 10)
    few = count()
    bulk_places(village, HomestayPage, 490)
    assert count() == few


def test_an_offset_without_a_limit_is_a_400_that_asks_for_a_limit_unless_it_is_0(client, test_site):
    english = client.get(URL, {"offset": "5", "lang": "en"})
    assert english.status_code == 400
    assert "An offset needs a limit" in english.content.decode()
    vietnamese = client.get(URL, {"offset": "5", "lang": "vi"})
    assert "offset cần đi kèm limit" in vietnamese.content.decode()
    everything = get(client, offset="0")
    assert len(everything["features"]) == 8 and "links" not in everything
