"""Anonymous pages are served from the shared cache until content changes."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import override_settings

from portal.i18n import page_url
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(test_site):
    """The test site's about page: (page, Vietnamese path, English path)."""
    page = test_site.about
    return page, page_url(page, "vi"), page_url(page, "en")


@pytest.fixture
def page_cache():
    cache = caches["pages"]
    cache.clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield cache
    cache.clear()


def test_a_second_anonymous_visit_is_served_from_the_cache(client, page_cache, about):
    _page, _vi, en = about
    assert client.get(en)["X-Wagtail-Cache"] == "miss"
    assert client.get(en)["X-Wagtail-Cache"] == "hit"


def test_publishing_an_edit_clears_the_cache_so_visitors_see_it_at_once(client, page_cache, about):
    page, _vi, en = about
    client.get(en)
    assert client.get(en)["X-Wagtail-Cache"] == "hit"
    page.introduction_en = "Freshly edited introduction"
    publish(page)
    response = client.get(en)
    assert response["X-Wagtail-Cache"] == "miss"
    lead = BeautifulSoup(response.content, "html.parser").select_one("article p.lead")
    assert lead.get_text(strip=True) == "Freshly edited introduction"


def test_changing_the_contact_settings_clears_the_cached_footer(client, page_cache):
    from portal.models import ContactSettings

    client.get("/vi/")
    assert client.get("/vi/")["X-Wagtail-Cache"] == "hit"
    settings = ContactSettings.objects.get()
    assert settings.email != "moi@example.org"
    settings.email = "moi@example.org"
    settings.save()
    footer = BeautifulSoup(client.get("/vi/").content, "html.parser").select_one("footer")
    assert footer.select_one('a[href="mailto:moi@example.org"]') is not None


def test_each_language_is_cached_separately(client, page_cache, about):
    _page, vi, en = about
    assert client.get(vi)["X-Wagtail-Cache"] == "miss"
    english = client.get(en)
    assert english["X-Wagtail-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()


def test_editors_always_get_a_fresh_page(admin_client, page_cache, about):
    _page, _vi, en = about
    admin_client.get(en)
    assert admin_client.get(en)["X-Wagtail-Cache"] == "skip"


@pytest.fixture
def clears(monkeypatch):
    """The times the page cache is cleared (a list that grows by one per clear)."""
    import portal.cache

    calls = []
    monkeypatch.setattr(portal.cache, "clear_cache", lambda: calls.append(1))
    return calls


def test_two_publishes_in_one_transaction_clear_the_page_cache_once_more_at_commit(
    about, clears, django_capture_on_commit_callbacks
):
    page, _vi, _en = about
    with django_capture_on_commit_callbacks(execute=True):
        page.introduction_en = "Edited once more"
        publish(page)  # a revision, the page, its log entry, references...
        page.introduction_vi = "Sửa thêm lần nữa"
        publish(page)
        cleared_before_commit = len(clears)
    assert len(clears) == cleared_before_commit + 1


def test_a_change_after_a_rolled_back_savepoint_still_clears_the_cache_at_commit(
    about, clears, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from portal.models import ContactSettings

    page, _vi, _en = about
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            contact = ContactSettings.objects.get()
            contact.email = "never-kept@example.org"
            contact.save()
            raise RuntimeError("the editor's save failed")
        page.introduction_en = "Kept"
        publish(page)
        cleared_before_commit = len(clears)
    assert len(clears) == cleared_before_commit + 1
