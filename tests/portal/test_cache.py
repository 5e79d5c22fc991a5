"""Anonymous pages are served from the shared cache until content changes."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from portal.models import StandardPage
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache():
    cache = caches["pages"]
    cache.clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield cache
    cache.clear()


def test_a_second_anonymous_visit_is_served_from_the_cache(client, page_cache):
    assert client.get("/en/about/")["X-Wagtail-Cache"] == "miss"
    assert client.get("/en/about/")["X-Wagtail-Cache"] == "hit"


def test_publishing_an_edit_clears_the_cache_so_visitors_see_it_at_once(client, page_cache):
    client.get("/en/about/")
    about = StandardPage.objects.get(slug_en="about")
    about.introduction_en = "Freshly edited introduction"
    publish(about)
    response = client.get("/en/about/")
    assert response["X-Wagtail-Cache"] == "miss"
    assert "Freshly edited introduction" in response.content.decode()


def test_changing_the_contact_settings_clears_the_cached_footer(client, page_cache):
    from portal.models import ContactSettings

    client.get("/vi/")
    settings = ContactSettings.objects.get()
    settings.email = "moi@example.org"
    settings.save()
    assert "moi@example.org" in client.get("/vi/").content.decode()


def test_each_language_is_cached_separately(client, page_cache):
    client.get("/vi/gioi-thieu/")
    english = client.get("/en/about/")
    assert english["X-Wagtail-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()


def test_editors_always_get_a_fresh_page(admin_client, page_cache):
    admin_client.get("/en/about/")
    assert admin_client.get("/en/about/")["X-Wagtail-Cache"] == "skip"
