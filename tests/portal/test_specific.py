"""portal.specific: pages of every type as their specific models in one query,
equal to what Wagtail's own ``.specific()`` gives, page by page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.specific import specific_pages

pytestmark = pytest.mark.django_db


def test_every_page_of_the_test_site_comes_back_as_wagtails_specific_page(test_site):
    queryset = Page.objects.filter(depth__gt=1).order_by("path")
    expected = list(queryset.specific())
    assert len({type(page) for page in expected}) >= 10  # the site has most page types
    with CaptureQueriesContext(connection) as queries:
        found = specific_pages(queryset)
    assert len(queries) == 1
    assert [(type(page), page.pk) for page in found] == [(type(page), page.pk) for page in expected]
    for mine, wagtails in zip(found, expected, strict=True):
        for name in ("title", "url_path", "introduction", "summary", "image_id", "latitude"):
            assert getattr(mine, name, None) == getattr(wagtails, name, None), (mine, name)


def test_a_page_whose_own_row_is_missing_comes_back_as_a_plain_page(test_site):
    page = test_site.about
    with connection.cursor() as cursor:  # a broken row, as after a failed import
        cursor.execute("DELETE FROM portal_standardpage WHERE page_ptr_id = %s", [page.pk])
    (found,) = specific_pages(Page.objects.filter(pk=page.pk))
    assert type(found) is Page and found.title == page.title
