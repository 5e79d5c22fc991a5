"""Feeds, the API and the places GeoJSON are served from the shared cache to
anonymous visitors, with headers a proxy can honour, and change at once on publish."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from events.models import EventPage
from tests.factories import publish
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db

DATA_URLS = [
    "/api/places.geojson",
    "/api/places.geojson?lang=en&type=homestay",
    "/feeds/events.ics",
    "/feeds/events.rss",
    "/feeds/events.ics?lang=en",
    "/feeds/events.rss?lang=en",
    "/embed/events/",
    "/api/v2/events/",
    "/api/v2/events/?lang=en",
    "/embed/events/?lang=en",
    "/api/v2/places/",
]


@pytest.fixture
def page_cache():
    cache = caches["pages"]
    cache.clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield cache
    cache.clear()


@pytest.mark.parametrize("url", DATA_URLS)
def test_a_second_anonymous_request_is_answered_from_the_cache_without_sql(
    client, page_cache, django_assert_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Wagtail-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("url", DATA_URLS)
def test_cached_data_carries_a_max_age_and_an_etag_a_proxy_can_revalidate(client, page_cache, url):
    client.get(url)
    cached = client.get(url)
    assert "max-age=" in cached["Cache-Control"]
    assert int(cached["Cache-Control"].split("max-age=")[1].split(",")[0]) > 0
    assert cached["ETag"]
    revalidated = client.get(url, HTTP_IF_NONE_MATCH=cached["ETag"])
    assert revalidated.status_code == 304


def test_a_published_homestay_name_shows_in_the_cached_geojson_at_once(client, page_cache):
    url = "/api/places.geojson?lang=en&type=homestay"
    new_name = "Riverside Stilt House of the Test"
    assert new_name not in client.get(url).content.decode()
    homestay = HomestayPage.objects.live().first()
    homestay.title_en = new_name
    publish(homestay)
    assert new_name in client.get(url).content.decode()


def test_a_published_event_title_shows_in_the_cached_feeds_at_once(client, page_cache):
    event = EventPage.objects.live().first()
    new_title = "Lantern Night of the Test"
    for url in ("/feeds/events.rss?lang=en", "/feeds/events.ics?lang=en"):
        assert new_title not in client.get(url).content.decode()
    event.title_en = new_title
    publish(event)
    for url in ("/feeds/events.rss?lang=en", "/feeds/events.ics?lang=en"):
        assert new_title in client.get(url).content.decode()
