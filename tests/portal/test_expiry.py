"""A page past its expire_at is gone from every output at once, before any job runs;
a scheduled page goes live when publish_scheduled runs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Page

from portal import expiry
from portal.i18n import page_url
from tests.factories import add_page, publish
from tests.factories.events import add_event
from tests.factories.places import add_homestay

pytestmark = pytest.mark.django_db

SOON = datetime.timedelta(minutes=1)


def expire_soon(page):
    """Publish ``page`` with expire_at one minute ahead, as an editor would."""
    page.expire_at = timezone.now() + SOON
    return publish(page)


@pytest.fixture
def two_minutes_later(monkeypatch):
    """Move the portal's clock two minutes on: past every expire_at set above."""

    def move():
        later = timezone.now() + 2 * SOON
        monkeypatch.setattr(expiry, "now", lambda: later)

    return move


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def notice(home):
    page = add_page(
        home,
        title_vi="Thông báo đóng cửa Đèo Mây Thử",
        title_en="Cloud Test Pass closure notice",
        slug_vi="thong-bao-deo-may-thu",
        slug_en="cloud-test-pass-notice",
    )
    return expire_soon(page)


PAGE_OUTPUTS = [
    ("/vi/search/?q=Đèo+Mây+Thử", "Thông báo đóng cửa Đèo Mây Thử"),
    ("/en/search/?q=Cloud+Test+Pass+closure", "Cloud Test Pass closure notice"),
    ("/sitemap.xml", "/vi/thong-bao-deo-may-thu/"),
    ("/sitemap.xml", "/en/cloud-test-pass-notice/"),
    ("/api/v2/pages/?lang=vi&type=portal.StandardPage", "Thông báo đóng cửa Đèo Mây Thử"),
    ("/api/v2/pages/?lang=en&type=portal.StandardPage", "Cloud Test Pass closure notice"),
]


def test_a_page_is_served_and_listed_until_its_expiry(client, notice):
    assert client.get("/vi/thong-bao-deo-may-thu/").status_code == 200
    for url, text in PAGE_OUTPUTS:
        assert text in body(client, url), url


def test_an_expired_page_answers_404_in_both_languages_without_any_job(
    client, notice, two_minutes_later
):
    two_minutes_later()
    assert client.get("/vi/thong-bao-deo-may-thu/").status_code == 404
    assert client.get("/en/cloud-test-pass-notice/").status_code == 404
    assert client.get(f"/api/v2/pages/{notice.pk}/?lang=en").status_code == 404
    assert not Page.objects.get(pk=notice.pk).live


def test_an_expired_page_is_gone_from_search_sitemap_and_api(client, notice, two_minutes_later):
    for url, _text in PAGE_OUTPUTS:
        body(client, url)  # fill the page cache while the page is live
    two_minutes_later()
    for url, text in PAGE_OUTPUTS:
        assert text not in body(client, url), url


def test_an_expired_homestay_leaves_the_map_the_places_api_and_its_village(
    client, test_site, two_minutes_later
):
    title = "Nhà nghỉ Sắp Hết Hạn Thử"
    homestay = expire_soon(add_homestay(test_site.village, title_vi=title))
    village_url = page_url(test_site.village, "vi")
    outputs = [
        ("/api/places.geojson?lang=vi&type=homestay", title),
        ("/api/v2/places/?lang=vi&type=homestay&limit=20", title),
        (village_url, title),
    ]
    for url, text in outputs:
        assert text in body(client, url), url
    two_minutes_later()
    assert client.get(page_url(homestay, "vi")).status_code == 404
    for url, text in outputs:
        assert text not in body(client, url), url


def test_an_expired_event_leaves_the_feeds_the_embed_and_the_events_api(
    client, test_site, two_minutes_later
):
    event = add_event(test_site.events, title_vi="Sự kiện Sắp Hết Hạn Thử")
    outputs = [
        "/feeds/events.rss?lang=vi",
        "/feeds/events.ics?lang=vi",
        "/embed/events/?lang=vi&limit=50",
        "/api/v2/events/?lang=vi&limit=20",
    ]
    with translation.override("vi"):
        title = event.title_vi
    for url in outputs:
        assert title in body(client, url), url
    expire_soon(event)
    two_minutes_later()
    assert client.get(f"/feeds/events/{event.pk}.ics").status_code == 404
    for url in outputs:
        assert title not in body(client, url), url


def test_a_scheduled_page_goes_live_when_publish_scheduled_runs(client, home, monkeypatch):
    page = add_page(
        home, publish_it=False, title_vi="Lễ khai mạc", slug_vi="le-khai-mac", slug_en="opening"
    )
    page.go_live_at = timezone.now() + SOON
    revision = page.save_revision()
    revision.publish()
    assert client.get("/vi/le-khai-mac/").status_code == 404
    later = timezone.now() + 2 * SOON
    monkeypatch.setattr(timezone, "now", lambda: later)  # the clock moves past go_live_at
    call_command("publish_scheduled", verbosity=0)
    assert client.get("/vi/le-khai-mac/").status_code == 200
