"""Private pages stay private when the check costs one query (BasePage.
get_view_restrictions): a restriction on an ancestor covers its pages, and an alias
of a private page is as private as its source, as in Wagtail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.i18n import page_url
from tests.factories.places import add_homestay

pytestmark = pytest.mark.django_db

SECRET = "ZqHiddenHomestay"


def _restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )


def _shows(response):
    return SECRET in response.content.decode()


def test_a_password_on_a_village_hides_its_homestays_until_the_password_is_given(client, test_site):
    homestay = add_homestay(test_site.village, title_en=f"{SECRET} house")
    url = page_url(homestay, "en")
    assert _shows(client.get(url))

    _restrict(test_site.village)

    refused = client.get(url)
    assert not _shows(refused)
    assert refused.status_code == 200  # Wagtail answers with its password form
    assert 'name="password"' in refused.content.decode()


def test_a_page_two_levels_below_a_private_section_is_private_too(client, test_site):
    homestay = add_homestay(test_site.village, title_en=f"{SECRET} house")
    _restrict(test_site.villages)
    response = client.get(page_url(homestay, "en"))
    assert not _shows(response)
    assert 'name="password"' in response.content.decode()


def test_an_alias_of_a_private_page_is_private_like_its_source(client, test_site):
    source = add_homestay(test_site.village, title_en=f"{SECRET} house")
    with translation.override("vi"):
        alias = source.create_alias(parent=test_site.village2, update_slug="ban-sao-thu")
    alias_url = page_url(alias, "en")
    assert _shows(client.get(alias_url))

    _restrict(source)

    response = client.get(alias_url)
    assert not _shows(response)
    assert 'name="password"' in response.content.decode()


def test_a_public_page_checks_its_restrictions_in_one_query(client, test_site):
    url = page_url(test_site.homestay, "en")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    own = 'SELECT "wagtailcore_pageviewrestriction"'  # not the listings' subqueries
    checks = [q["sql"] for q in queries if q["sql"].startswith(own)]
    assert len(checks) == 1


# Listings (the homestay finder here) read the restricted paths once per content
# version (portal.models.visibility): a change to a restriction must show at once.
FINDER_EN = "/en/find-a-test-homestay/"


def test_a_homestay_made_private_after_the_finder_listed_it_leaves_the_finder_at_once(
    client, test_site
):
    add_homestay(test_site.village, title_en=f"{SECRET} house")
    assert _shows(client.get(FINDER_EN))

    _restrict(test_site.village)

    assert not _shows(client.get(FINDER_EN))


def test_lifting_a_restriction_brings_the_homestay_back_to_the_finder_at_once(client, test_site):
    add_homestay(test_site.village, title_en=f"{SECRET} house")
    restriction = _restrict(test_site.village)
    assert not _shows(client.get(FINDER_EN))

    restriction.delete()

    assert _shows(client.get(FINDER_EN))


def test_a_homestay_private_inside_a_private_village_stays_hidden_when_the_village_opens(
    client, test_site
):
    homestay = add_homestay(test_site.village, title_en=f"{SECRET} house")
    village_restriction = _restrict(test_site.village)
    _restrict(homestay)
    assert not _shows(client.get(FINDER_EN))

    village_restriction.delete()

    assert not _shows(client.get(FINDER_EN))


def test_while_no_restriction_changes_listings_do_not_read_the_restrictions(client, test_site):
    add_homestay(test_site.village, title_en=f"{SECRET} house")
    _restrict(test_site.village2)
    client.get(FINDER_EN)
    with CaptureQueriesContext(connection) as queries:
        assert _shows(client.get(FINDER_EN))
    reads = [q["sql"] for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]
    # Only the finder page's own check (Wagtail's, before serving it) is left.
    assert len(reads) == 1
    assert reads[0].startswith('SELECT "wagtailcore_pageviewrestriction"')
