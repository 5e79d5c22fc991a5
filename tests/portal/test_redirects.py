"""Old URLs answer with a permanent redirect after a slug change or a move, per language."""

import pytest
from django.utils import translation

from portal.models import StandardPage
from tests.factories import add_page, publish

pytestmark = pytest.mark.django_db


def test_changing_the_english_slug_redirects_the_old_english_url(client):
    about = StandardPage.objects.get(slug_en="about")
    about.slug_en = "about-binh-lieu"
    publish(about)
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-binh-lieu/"
    assert client.get("/en/about-binh-lieu/").status_code == 200
    assert client.get("/vi/gioi-thieu/").status_code == 200


def test_changing_the_vietnamese_slug_redirects_the_old_vietnamese_url(client):
    about = StandardPage.objects.get(slug_en="about")
    about.slug_vi = "ve-binh-lieu"
    publish(about)
    response = client.get("/vi/gioi-thieu/")
    assert response.status_code == 301
    assert response["Location"] == "/vi/ve-binh-lieu/"


def test_a_slug_change_made_with_english_active_is_redirected_too(client):
    about = StandardPage.objects.get(slug_en="about")
    with translation.override("en"):
        about.slug_en = "about-us"
        about.save_revision().publish()
    assert client.get("/en/about/")["Location"] == "/en/about-us/"


def test_children_of_a_renamed_page_are_redirected_to_their_new_urls(client):
    about = StandardPage.objects.get(slug_en="about")
    child = add_page(about, slug_vi="trang-phuc", slug_en="costume")
    about.slug_en = "about-us"
    about.slug_vi = "ve-chung-toi"
    publish(about)
    assert client.get("/en/about/costume/")["Location"] == "/en/about-us/costume/"
    assert client.get("/vi/gioi-thieu/trang-phuc/")["Location"] == "/vi/ve-chung-toi/trang-phuc/"
    assert client.get("/en/about-us/costume/").status_code == 200
    assert child.pk


def test_moving_a_page_redirects_its_old_urls_in_both_languages(client):
    about = StandardPage.objects.get(slug_en="about")
    contact = StandardPage.objects.get(slug_en="contact")
    with translation.override("vi"):
        contact.move(about, pos="last-child")
    response = client.get("/en/contact/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about/contact/"
    assert client.get("/vi/lien-he/")["Location"] == "/vi/gioi-thieu/lien-he/"
    assert client.get("/en/about/contact/").status_code == 200


def test_publishing_without_a_slug_change_creates_no_redirect():
    from wagtail.contrib.redirects.models import Redirect

    about = StandardPage.objects.get(slug_en="about")
    about.introduction_en = "Edited"
    publish(about)
    assert not Redirect.objects.exists()
