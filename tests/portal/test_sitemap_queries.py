"""The sitemap reads its pages in one query whatever the number of page types
(Wagtail's ``.specific()`` read one more per type: 20 queries for the demo site)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from tests.languages import public_languages

pytestmark = pytest.mark.django_db


def test_the_sitemap_reads_no_page_type_table_on_its_own_and_stays_within_15_queries(
    client, test_site
):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tables = {m._meta.db_table for m in get_page_models() if m is not Page}
    types_listed = {type(p.specific) for p in Page.objects.live().public().filter(depth__gt=1)}
    assert len(types_listed) >= 10  # the test site has most page types
    own_table = re.compile(r'SELECT .* FROM "({})"'.format("|".join(tables)))
    alone = [q["sql"] for q in queries.captured_queries if own_table.match(q["sql"])]
    assert alone == []
    assert len(queries) <= 15
    locations = re.findall(rb"<loc>([^<]+)</loc>", response.content)
    pages = Page.objects.live().public().filter(depth__gt=1).count()
    assert len(locations) == len(public_languages()) * pages  # one URL per language
