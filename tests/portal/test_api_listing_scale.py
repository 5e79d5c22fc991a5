"""The pages and places API at scale: their listings filter the page table itself
(no ``id IN (SELECT …every page…)``, which SQLite builds in full on each request),
their counts are cached per content version, and a publish or an unpublish shows in
both at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.models import HomePage, StandardPage
from tests.factories import add_page
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/api/v2/pages/?lang=en",
    "/api/v2/places/?lang=en",
    "/api/v2/pages/?lang=en&search=test",
    "/api/v2/pages/?lang=en&type=villages.HomestayPage",
    "/api/v2/pages/?lang=en&type=villages.HomestayPage&fields=capacity&capacity=4",
    "/api/v2/places/?lang=en&type=homestay",
    "/api/v2/places/?lang=en&type=route",
]


def _listing_sql(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("url", LISTINGS)
def test_api_listings_read_no_subquery_of_every_page(client, test_site, url):
    for sql in _listing_sql(client, url):
        assert 'IN (SELECT U0."id"' not in sql, sql


def _titles_and_count(client, url="/api/v2/pages/?lang=en&type=portal.StandardPage"):
    body = client.get(url).json()
    return {item["title"] for item in body["items"]}, body["meta"]["total_count"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?lang=en&type=portal.StandardPage",
        "/api/v2/pages/?lang=en&type=portal.StandardPage&fields=introduction",
        "/api/v2/places/?lang=en&type=village",
    ],
)
def test_a_single_type_listing_shows_only_live_public_pages_of_that_type(client, test_site, url):
    with translation.override("vi"):
        home = HomePage.objects.get()
        draft = add_page(home, StandardPage, publish_it=False, title_vi="Nháp", title_en="Draft")
        private = add_page(home, StandardPage, title_vi="Riêng", title_en="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    body = client.get(url).json()
    ids = {item["id"] for item in body["items"]}
    model = StandardPage if "Standard" in url else VillagePage
    expected = {p.pk for p in model.objects.live().public()}
    assert ids == expected and body["meta"]["total_count"] == len(expected)
    assert draft.pk not in ids and private.pk not in ids


def test_a_published_unpublished_or_restricted_page_shows_in_the_pages_api_at_once(
    client, test_site
):
    titles, count = _titles_and_count(client)  # counted and cached
    with translation.override("vi"):
        page = add_page(
            HomePage.objects.get(), StandardPage, title_vi="Trang mới", title_en="New page"
        )
    titles_after, count_after = _titles_and_count(client)
    assert (count_after, titles_after) == (count + 1, titles | {"New page"})
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert _titles_and_count(client) == (titles, count)
    PageViewRestriction.objects.filter(page=page).delete()
    assert _titles_and_count(client) == (titles_after, count_after)
    page.unpublish()
    assert _titles_and_count(client) == (titles, count)


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/places/"])
def test_random_order_is_drawn_again_on_every_request_not_cached(client, test_site, endpoint):
    # Two of the site's pages, drawn again each time (not the first draw, cached).
    drawn = {
        frozenset(
            item["id"]
            for item in client.get(endpoint, {"order": "random", "limit": 2}).json()["items"]
        )
        for _ in range(12)
    }
    assert len(drawn) > 1
