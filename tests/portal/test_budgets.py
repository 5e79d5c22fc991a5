"""Budgets from DESIGN.md that a test can hold exactly: bytes and SQL queries."""

import datetime
import os
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.i18n import page_url
from tests.factories import add_page, publish
from tests.factories.events import add_event
from tests.factories.places import add_village
from tests.factories.routes import add_route

pytestmark = pytest.mark.django_db

HOME_PAGE_BUDGET = 100 * 1024  # HTML + CSS + JS before images
SHOWN = 6  # cards in each home page section


def local_assets(html):
    """Static CSS and JS files the page links to (there are no remote ones)."""
    paths = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    return [finders.find(path.removeprefix("/static/")) for path in paths]


def words(n, stem):
    return " ".join(f"{stem}{k}" for k in range(n))


@pytest.fixture
def full_home(test_site, vietnamese):
    """A home page with every section full: six featured villages, six upcoming
    festivals and six routes, each with its own image and a long introduction, and
    none of the test site's (so each section shows exactly the pages made here)."""
    village = test_site.village
    village.featured = False
    publish(village)
    for page in (test_site.festival, test_site.event, test_site.route):
        page.unpublish()
    villages = [
        add_village(
            test_site.villages,
            featured=True,
            introduction_vi=words(60, "gioithieu"),
            introduction_en=words(60, "about"),
        )
        for _ in range(SHOWN)
    ]
    events = [
        add_event(
            test_site.events,
            start_date=datetime.date.today() + datetime.timedelta(days=5 + k),
            summary_vi=words(40, "tomtat"),
            summary_en=words(40, "summary"),
        )
        for k in range(SHOWN)
    ]
    routes = [
        add_route(
            test_site.routes,
            introduction_vi=words(60, "duong"),
            introduction_en=words(60, "route"),
        )
        for _ in range(SHOWN)
    ]
    return {"villages": villages, "festivals": events, "routes": routes}


def test_home_page_html_css_and_js_stay_under_100_kb(client, full_home):
    html = client.get("/vi/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    for key, pages in full_home.items():
        section = soup.select_one(f'section[aria-labelledby="section-{key}"]')
        links = {a["href"] for a in section.select("li.card a.card-link")}
        assert links == {page_url(page, "vi") for page in pages}, key
        assert len(section.select("li.card img")) == SHOWN, key
    assets = local_assets(html)
    assert assets and all(assets)
    total = len(html.encode()) + sum(os.path.getsize(path) for path in assets)
    assert total <= HOME_PAGE_BUDGET, f"{total} bytes"


def test_pages_load_nothing_from_other_hosts(client, test_site):
    add_page(test_site.home, title_en="Quillfeather lookout", introduction_en="quillfeather")
    for url in ("/vi/", page_url(test_site.about, "en"), "/en/search/?q=quillfeather"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        remote = [u for u in remote if not u.startswith("http://testserver/")]
        assert remote == [], url


def count_queries(client, url):
    client.get(url)  # warm caches that are filled once per process (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def menu_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a["href"] for a in soup.select("#site-menu ul.site-menu-list a")]


def test_a_standard_page_costs_the_same_queries_with_few_or_40_menu_pages(client, test_site):
    home = test_site.home
    url = page_url(test_site.about, "en")
    few_links = menu_links(client, url)
    assert 0 < len(few_links) < 10
    before = count_queries(client, url)
    added = [add_page(home, show_in_menus=True) for _ in range(40 - len(few_links))]
    many_links = menu_links(client, url)
    assert len(many_links) == 40
    assert {page_url(page, "en") for page in added} <= set(many_links)
    assert count_queries(client, url) == before


def test_search_costs_the_same_queries_for_few_or_many_results(client, home):
    add_page(home, title_en="Plinkett hill", introduction_en="plinkett")
    few = count_queries(client, "/en/search/?q=plinkett")
    for _ in range(30):
        add_page(home, title_en="Plinkett hill", introduction_en="plinkett")
    many = count_queries(client, "/en/search/?q=plinkett")
    assert many == few
