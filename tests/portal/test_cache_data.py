"""Feeds, the API and the places GeoJSON are served from the shared cache to
anonymous visitors, with headers a proxy can honour, and change at once on publish."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.factories import publish

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


def geojson_names(client, url):
    return {f["properties"]["name"] for f in client.get(url).json()["features"]}


def rss_titles(client, url):
    """Item titles without the date the feed adds: "Title (10 December 2026)"."""
    channel = ET.fromstring(client.get(url).content).find("channel")
    return {item.findtext("title").rsplit(" (", 1)[0] for item in channel.findall("item")}


def ics_summaries(client, url):
    lines = client.get(url).content.decode().replace("\r\n ", "").splitlines()
    return {line.removeprefix("SUMMARY:") for line in lines if line.startswith("SUMMARY:")}


def test_a_published_homestay_name_shows_in_the_cached_geojson_at_once(
    client, page_cache, test_site
):
    url = "/api/places.geojson?lang=en&type=homestay"
    homestay = test_site.homestay
    new_name = "Riverside Stilt House of the Test"
    old_name = homestay.title_en
    names = geojson_names(client, url)
    assert old_name in names and new_name not in names
    homestay.title_en = new_name
    publish(homestay)
    names = geojson_names(client, url)
    assert new_name in names and old_name not in names


def test_a_published_event_title_shows_in_the_cached_feeds_at_once(client, page_cache, test_site):
    event = test_site.event
    rss, ics = "/feeds/events.rss?lang=en", "/feeds/events.ics?lang=en"
    new_title = "Lantern Night of the Test"
    assert event.title_en in rss_titles(client, rss)
    assert event.title_en in ics_summaries(client, ics)
    event.title_en = new_title
    publish(event)
    assert new_title in rss_titles(client, rss)
    assert new_title in ics_summaries(client, ics)
