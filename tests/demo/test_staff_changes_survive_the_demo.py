"""Loading the demo again (as `make run` does on a database with content) keeps what
staff changed on demo pages: it only creates what is missing."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation

from portal.models import DemoRecord, HomePage, StandardPage
from tests.factories import publish
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db


def demo_homestay():
    """A live homestay the demo created (the kind of page load_demo could overwrite)."""
    ids = DemoRecord.objects.filter(key__startswith="page:villages.homestaypage:").values(
        "object_id"
    )
    return HomestayPage.objects.live().filter(pk__in=ids).order_by("pk").first()


def test_a_published_staff_change_to_a_demo_homestay_survives_load_demo(client, settings):
    homestay = demo_homestay()
    new_title = "Hoàng family homestay, renovated"
    new_min, new_max = homestay.price_max + 111_000, homestay.price_max + 222_000
    with translation.override("vi"):
        homestay.title_en = new_title
        homestay.price_min, homestay.price_max = new_min, new_max
    publish(homestay)

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)

    homestay = HomestayPage.objects.get(pk=homestay.pk)
    assert (homestay.title_en, homestay.price_min, homestay.price_max) == (
        new_title,
        new_min,
        new_max,
    )
    assert homestay.live and not homestay.has_unpublished_changes
    with translation.override("en"):
        url = homestay.get_url()
    heading = BeautifulSoup(client.get(url).content, "html.parser").h1.get_text(strip=True)
    assert heading == new_title


def test_loading_the_demo_again_keeps_what_staff_changed_on_the_trip_page(client):
    from portal.demo import load_demo

    trip = StandardPage.objects.get(slug_en="plan-your-trip")
    trip.title_en = "Getting to Bình Liêu"
    publish(trip)
    home = HomePage.objects.get()
    home.trip_page = None
    publish(home)
    load_demo()
    assert StandardPage.objects.get(pk=trip.pk).title_en == "Getting to Bình Liêu"
    assert HomePage.objects.get().trip_page is None
    assert StandardPage.objects.filter(slug_en="plan-your-trip").count() == 1
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".home-actions a")]
    assert "/en/plan-your-trip/" not in hrefs
