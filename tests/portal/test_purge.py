"""Publishing purges every reverse-proxy URL that shows the page, in every language."""

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from portal.models import StandardPage
from tests.factories import add_page, publish

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """A frontend cache that only writes down the URLs it is asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(django_capture_on_commit_callbacks):
    """The URLs purged by the code run in the with-block, sent at commit as in production."""
    RecordingBackend.purged = []
    config = {"recorder": {"BACKEND": "tests.portal.test_purge.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=config):

        class Recorder:
            def __enter__(self):
                RecordingBackend.purged = []
                self._capture = django_capture_on_commit_callbacks(execute=True)
                self._capture.__enter__()
                return RecordingBackend.purged

            def __exit__(self, *exc):
                return self._capture.__exit__(*exc)

        yield Recorder()


def url(path):
    return settings.PORTAL_BASE_URL.rstrip("/") + path


@pytest.fixture
def guide_page(home):
    index = add_page(home, StandardPage, title_vi="Cẩm nang", slug_vi="cam-nang", slug_en="guide")
    page = add_page(index, StandardPage, slug_vi="cho-phien", slug_en="market")
    return index, page


def test_an_english_slug_change_purges_the_old_and_new_urls_in_both_languages(guide_page, purged):
    index, page = guide_page
    page.title_en = "Sunday market"
    page.slug_en = "sunday-market"
    with purged as urls:
        publish(page)
    expected = {
        url("/vi/cam-nang/cho-phien/"),
        url("/en/guide/sunday-market/"),
        url("/en/guide/market/"),
        url("/vi/cam-nang/"),
        url("/en/guide/"),
        url("/vi/"),
        url("/en/"),
    }
    assert expected <= set(urls)


def test_publishing_a_standard_page_leaves_the_event_feeds_alone(guide_page, purged):
    _index, page = guide_page
    with purged as urls:
        publish(page)
    assert url("/feeds/events.ics") not in urls
    assert url("/api/places.geojson") not in urls


def test_publishing_an_event_purges_its_feeds_embed_and_api(purged, test_site):
    event = test_site.event
    with purged as urls:
        publish(event)
    for path in ("/feeds/events.ics", "/feeds/events.rss", "/embed/events/", "/api/v2/events/"):
        assert url(path) in urls
    assert url(f"/feeds/events/{event.pk}.ics") in urls


def test_publishing_an_event_purges_each_language_of_the_feeds(purged, test_site):
    event = test_site.event
    with purged as urls:
        publish(event)
    for language in ("vi", "en"):
        assert url(f"/feeds/events.rss?lang={language}") in urls
        assert url(f"/api/v2/events/?lang={language}") in urls


def test_publishing_a_homestay_purges_the_places_geojson(purged, test_site):
    homestay = test_site.homestay
    with purged as urls:
        publish(homestay)
    assert url("/api/places.geojson") in urls
    assert url("/api/v2/places/") in urls
    assert url("/feeds/events.ics") not in urls


def test_unpublishing_purges_the_page_and_its_listings(guide_page, purged):
    _index, page = guide_page
    with purged as urls:
        page.unpublish()
    for path in ("/vi/cam-nang/cho-phien/", "/en/guide/market/", "/vi/cam-nang/", "/en/"):
        assert url(path) in urls


def test_moving_a_page_purges_its_old_urls_and_both_parents(guide_page, home, purged):
    old_index, page = guide_page
    new_index = add_page(home, StandardPage, slug_vi="an-uong", slug_en="food")
    with purged as urls:
        page.move(new_index, pos="last-child")
    for path in (
        "/vi/cam-nang/cho-phien/",
        "/en/guide/market/",
        "/vi/an-uong/cho-phien/",
        "/en/food/market/",
        "/vi/cam-nang/",
        "/en/food/",
    ):
        assert url(path) in urls


def test_a_draft_save_purges_nothing(guide_page, purged):
    _index, page = guide_page
    page.title_en = "Draft title"
    with purged as urls:
        page.save_revision()
    assert urls == []


def test_nothing_is_purged_without_a_frontend_cache(guide_page, django_capture_on_commit_callbacks):
    _index, page = guide_page
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(page)
    assert RecordingBackend.purged == []
    # No purge is even scheduled (the content version's renewal is not a purge).
    scheduled = [getattr(c, "func", c) for c in callbacks]
    assert [c for c in scheduled if c.__module__ == "portal.purge"] == []


def test_a_parent_slug_change_purges_its_live_childrens_old_urls(guide_page, purged):
    index, _page = guide_page
    index.slug_en = "handbook"
    with purged as urls:
        publish(index)
    assert url("/en/guide/market/") in urls
    assert url("/en/handbook/") in urls
    assert url("/en/guide/") in urls


def test_deleting_a_page_purges_its_urls_and_its_parent(guide_page, purged):
    _index, page = guide_page
    with purged as urls:
        page.delete()
    for path in ("/vi/cam-nang/cho-phien/", "/en/guide/market/", "/vi/cam-nang/", "/en/guide/"):
        assert url(path) in urls


def test_editing_an_event_category_purges_the_home_pages_and_the_event_feeds(purged, test_site):
    category = test_site.category("festival")
    category.name_en = "Renamed category"
    with purged as urls:
        category.save()
    for path in ("/vi/", "/en/", "/feeds/events.ics", "/embed/events/", "/api/places.geojson"):
        assert url(path) in urls
