"""Old URLs answer with a permanent redirect after a slug change or a move, per language."""

import pytest
from django.utils import translation

from tests.factories import add_page, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    """A top-level page at /vi/ve-chung-toi/ and /en/about-us/."""
    return add_page(home, slug_vi="ve-chung-toi", slug_en="about-us")


def test_changing_the_english_slug_redirects_the_old_english_url(client, about):
    about.slug_en = "about-the-district"
    publish(about)
    response = client.get("/en/about-us/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-the-district/"
    assert client.get("/en/about-the-district/").status_code == 200
    assert client.get("/vi/ve-chung-toi/").status_code == 200


def test_changing_the_vietnamese_slug_redirects_the_old_vietnamese_url(client, about):
    about.slug_vi = "ve-huyen"
    publish(about)
    response = client.get("/vi/ve-chung-toi/")
    assert response.status_code == 301
    assert response["Location"] == "/vi/ve-huyen/"


def test_a_slug_change_made_with_english_active_is_redirected_too(client, about):
    with translation.override("en"):
        about.slug_en = "who-we-are"
        about.save_revision().publish()
    assert client.get("/en/about-us/")["Location"] == "/en/who-we-are/"


def test_children_of_a_renamed_page_are_redirected_to_their_new_urls(client, about):
    add_page(about, slug_vi="trang-phuc", slug_en="costume")
    about.slug_en = "who-we-are"
    about.slug_vi = "chung-toi-la-ai"
    publish(about)
    assert client.get("/en/about-us/costume/")["Location"] == "/en/who-we-are/costume/"
    assert (
        client.get("/vi/ve-chung-toi/trang-phuc/")["Location"] == "/vi/chung-toi-la-ai/trang-phuc/"
    )
    assert client.get("/en/who-we-are/costume/").status_code == 200


def test_moving_a_page_redirects_its_old_urls_in_both_languages(client, home, about):
    contact = add_page(home, slug_vi="lien-he-voi-chung-toi", slug_en="write-to-us")
    with translation.override("vi"):
        contact.move(about, pos="last-child")
    response = client.get("/en/write-to-us/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-us/write-to-us/"
    assert (
        client.get("/vi/lien-he-voi-chung-toi/")["Location"]
        == "/vi/ve-chung-toi/lien-he-voi-chung-toi/"
    )
    assert client.get("/en/about-us/write-to-us/").status_code == 200


def test_publishing_without_a_slug_change_creates_no_redirect(about):
    from wagtail.contrib.redirects.models import Redirect

    about.introduction_en = "Edited"
    publish(about)
    assert not Redirect.objects.exists()
