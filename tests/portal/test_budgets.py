"""Budgets from DESIGN.md that a test can hold exactly: bytes and SQL queries."""

import os
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import StandardPage
from tests.factories import add_page

pytestmark = pytest.mark.django_db

HOME_PAGE_BUDGET = 100 * 1024  # HTML + CSS + JS before images


def local_assets(html):
    """Static CSS and JS files the page links to (there are no remote ones)."""
    paths = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    return [finders.find(path.removeprefix("/static/")) for path in paths]


def test_home_page_html_css_and_js_stay_under_100_kb(client):
    html = client.get("/vi/").content.decode()
    assets = local_assets(html)
    assert assets and all(assets)
    total = len(html.encode()) + sum(os.path.getsize(path) for path in assets)
    assert total <= HOME_PAGE_BUDGET, f"{total} bytes"


def test_pages_load_nothing_from_other_hosts(client):
    for url in ("/vi/", "/en/about/", "/en/search/?q=lau"):
        html = client.get(url).content.decode()
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        remote = [u for u in remote if not u.startswith("http://testserver/")]
        assert remote == [], url


def count_queries(client, url):
    client.get(url)  # warm caches that are filled once per process (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_standard_page_costs_the_same_queries_with_4_or_40_menu_pages(client, home):
    before = count_queries(client, "/en/about/")
    for _ in range(36):
        add_page(home, show_in_menus=True)
    assert StandardPage.objects.filter(depth=3, show_in_menus=True).count() >= 40
    assert count_queries(client, "/en/about/") == before


def test_search_costs_the_same_queries_for_few_or_many_results(client, home):
    add_page(home, title_en="Plinkett hill", introduction_en="plinkett")
    few = count_queries(client, "/en/search/?q=plinkett")
    for _ in range(30):
        add_page(home, title_en="Plinkett hill", introduction_en="plinkett")
    many = count_queries(client, "/en/search/?q=plinkett")
    assert many == few
