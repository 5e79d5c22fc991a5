"""Routing a URL to its page in one query (portal/routing.py): the same page as the
slug-by-slug walk of wagtail-modeltranslation (the oracle here), whatever the depth
or the number of siblings."""

import itertools

import pytest
from django.conf import settings
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from portal import routing
from portal.i18n import value_in
from portal.models import HomePage
from tests.factories.bulk import bulk_children
from tests.factories.places import add_homestay, add_village
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _route(router, home, components, language):
    """The page ``router`` finds for ``components`` in ``language``, or None (404)."""
    request = RequestFactory().get("/")
    with translation.override(language):
        try:
            return router(home, request, list(components)).page.pk
        except Http404:
            return None


def _slugs(page, home, language):
    """The path components of ``page`` below ``home`` written with each page's own
    slug in ``language`` (empty where it has none)."""
    chain = page.get_ancestors(inclusive=True).filter(depth__gt=home.depth)
    return [value_in(p, "slug", language) or "" for p in chain]


def test_every_page_is_found_as_the_slug_by_slug_walk_finds_it_in_every_language(test_site):
    home = HomePage.objects.get()
    with translation.override("vi"):
        # A homestay not yet translated (no English title or slug): English URLs
        # use its Vietnamese slug.
        add_homestay(test_site.village, title_en="", slug_en="")
    paths = set()
    for page in home.get_descendants():
        for written_in in LANGUAGES:
            components = _slugs(page, home, written_in)
            paths.add(tuple(components))
            paths.add((*components, "no-such-page"))
            paths.add(tuple(components[1:]))  # a level left out
    assert len(paths) > 60
    for components, language in itertools.product(sorted(paths), LANGUAGES):
        expected = _route(routing._translated_route, home, components, language)
        found = _route(routing.route_from_site_root, home, components, language)
        assert found == expected, f"/{language}/{'/'.join(components)}/"


def test_an_english_url_finds_a_page_by_its_vietnamese_slug_where_it_has_no_english_one(
    client, test_site
):
    with translation.override("vi"):
        homestay = add_homestay(
            test_site.village, title_vi="Nhà nghỉ chưa dịch", title_en="", slug_en=""
        )
    assert homestay.slug_en in ("", None)
    path = f"/en/{test_site.villages.slug_en}/{test_site.village.slug_en}/{homestay.slug_vi}/"
    response = client.get(path)
    assert response.status_code == 200
    assert "Nhà nghỉ chưa dịch" in response.content.decode()


def test_a_homestay_of_another_village_is_not_found_under_this_village(client, test_site):
    with translation.override("vi"):
        other = add_village(test_site.villages)
        stranger = add_homestay(other)
    path = f"/vi/{test_site.villages.slug_vi}/{test_site.village.slug_vi}/{stranger.slug_vi}/"
    assert client.get(path).status_code == 404
    own = f"/vi/{test_site.villages.slug_vi}/{other.slug_vi}/{stranger.slug_vi}/"
    assert client.get(own).status_code == 200


def test_an_unpublished_page_answers_404(client, test_site):
    homestay = test_site.homestay
    path = f"/vi/{test_site.villages.slug_vi}/{test_site.village.slug_vi}/{homestay.slug_vi}/"
    assert client.get(path).status_code == 200
    homestay.unpublish()
    assert client.get(path).status_code == 404


def _bulk_homestays(village, count):
    """``count`` homestays under ``village``, inserted in bulk."""
    with translation.override("vi"):
        bulk_children(
            village,
            HomestayPage,
            range(count),
            lambda n: {
                "title_vi": f"Nhà nghỉ định tuyến {n}",
                "title_en": f"Routing homestay {n}",
                "capacity": 4,
                "rooms": 2,
                "price_min": 300_000,
                "price_max": 400_000,
                "latitude": 21.5,
                "longitude": 107.4,
            },
            with_image=False,
        )


def _routing_queries(page, language="vi"):
    home = HomePage.objects.get()
    components = _slugs(page, home, language)
    request = RequestFactory().get("/")
    with translation.override(language), CaptureQueriesContext(connection) as captured:
        assert home.route(request, components).page.pk == page.pk
    return len(captured.captured_queries)


def test_routing_costs_two_queries_at_any_depth_and_among_any_number_of_siblings(test_site):
    village = test_site.village
    shallow = _routing_queries(test_site.villages)
    few = _routing_queries(test_site.homestay)
    _bulk_homestays(village, 300)
    assert Page.objects.child_of(village).count() > 300
    many = _routing_queries(test_site.homestay)
    # One query for the pages on the path, one for the page found (its own type).
    assert (shallow, few, many) == (2, 2, 2)


def _homestay_path(test_site, homestay, language="vi"):
    pages = (test_site.villages, test_site.village, homestay)
    return "/" + "/".join([language, *(value_in(p, "slug", language) for p in pages)]) + "/"


def test_a_renamed_page_is_found_at_its_new_address_at_once_and_no_longer_at_the_old(
    client, test_site
):
    homestay = test_site.homestay
    old = _homestay_path(test_site, homestay)
    assert client.get(old).status_code == 200
    with translation.override("vi"):
        homestay.slug_vi = "nha-nghi-doi-ten"
        homestay.save_revision().publish()
    new = _homestay_path(test_site, HomestayPage.objects.get(pk=homestay.pk))
    assert new.endswith("/nha-nghi-doi-ten/")
    # Wagtail's own redirect from the old address.
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def test_a_moved_or_deleted_page_is_not_served_at_its_old_address(client, test_site):
    homestay = test_site.homestay
    path = _homestay_path(test_site, homestay)
    english = _homestay_path(test_site, homestay, "en")
    assert client.get(path).status_code == client.get(english).status_code == 200
    with translation.override("vi"):
        other = add_village(test_site.villages)
    homestay.move(other, pos="last-child")
    moved_to = f"/vi/{test_site.villages.slug_vi}/{other.slug_vi}/{homestay.slug_vi}/"
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (301, moved_to)
    assert client.get(moved_to).status_code == 200
    HomestayPage.objects.get(pk=homestay.pk).delete()
    assert client.get(moved_to).status_code == 404
    assert client.get(english).status_code != 200


def test_every_language_s_slug_column_of_the_page_table_is_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    for language in LANGUAGES:
        column = build_localized_fieldname("slug", language)
        assert (column,) in indexed, column


def _plan(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE wagtailcore_page")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_finding_the_pages_of_a_url_reads_the_slug_indexes_not_every_page(test_site):
    # Enough pages that reading them all costs more than the indexes to the planner.
    _bulk_homestays(test_site.village, 400)
    home = HomePage.objects.get()
    for language in ("vi", "en"):
        components = _slugs(test_site.homestay, home, language)
        query = routing.candidates_on_path(home, components, language).query
        plan = _plan(*query.sql_with_params())
        assert f"portal_page_slug_{language}_idx" in plan, plan
        assert "SCAN wagtailcore_page" not in plan  # SQLite: every row
        assert "Seq Scan on wagtailcore_page" not in plan  # PostgreSQL: every row
        assert "Index Scan using wagtailcore_page_path" not in plan  # PostgreSQL: the site


def test_the_slug_indexes_wait_for_the_page_table_in_a_partial_migrate(monkeypatch):
    # e.g. ``migrate contenttypes`` on an empty database: nothing to index, no error.
    from portal import page_indexes

    monkeypatch.setattr(connection.introspection, "table_names", lambda *a, **k: [])
    with CaptureQueriesContext(connection) as captured:
        page_indexes.index_translated_slugs()
    assert not [q for q in captured.captured_queries if "INDEX" in q["sql"].upper()]
