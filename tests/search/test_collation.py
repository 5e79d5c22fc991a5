"""Lists sorted by name follow Vietnamese alphabetical order, not code points.

The expected order is the Vietnamese alphabet as taught (a ă â b c d đ e ê … o ô ơ
… u ư …) with tones in the order unmarked, huyền, hỏi, ngã, sắc, nặng: written out
here by hand, independently of ICU.
"""

import datetime
import random

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage
from events.occurrences import Kind
from portal.collation import sorted_by_name
from portal.models import StandardPage
from tests.factories import add_page
from tests.factories.places import add_attraction
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

VIETNAMESE_ORDER = [
    "An Thử",
    "Àn Thử",
    "Ản Thử",
    "Ãn Thử",
    "Án Thử",
    "Ạn Thử",
    "Ăn Thử",
    "Ân Thử",
    "Bơn Thử",
    "Dơn Thử",
    "Đan Thử",
    "Em Thử",
    "Êm Thử",
    "Ong Thử",
    "Ông Thử",
    "Ơn Thử",
    "Um Thử",
    "Ưm Thử",
]


def shuffled(names):
    names = list(names)
    random.Random(10).shuffle(names)
    return names


def ours(titles):
    """Our test names in the order they appear, each once."""
    return list(dict.fromkeys(title for title in titles if title in VIETNAMESE_ORDER))


def test_the_collation_helper_sorts_as_vietnamese_do():
    assert sorted_by_name(shuffled(VIETNAMESE_ORDER), language="vi") == VIETNAMESE_ORDER


@pytest.fixture
def villages(test_site):
    index = test_site.villages
    anchor = test_site.village
    pages = []
    for n, name in enumerate(shuffled(VIETNAMESE_ORDER)):
        pages.append(
            add_page(
                index,
                VillagePage,
                title_vi=name,
                title_en=name,
                slug_vi=f"thu-thu-tu-{n}",
                slug_en=f"order-test-{n}",
                latitude=anchor.latitude,
                longitude=anchor.longitude,
            )
        )
    return pages


def test_the_finder_offers_villages_in_vietnamese_order(client, villages, test_site):
    response = client.get(test_site.finder.url)
    soup = BeautifulSoup(response.content, "html.parser")
    options = [option.get_text(strip=True) for option in soup.select("select[name=village] option")]
    assert ours(options) == VIETNAMESE_ORDER


def test_the_village_list_is_in_vietnamese_order(client, villages, test_site):
    response = client.get(test_site.villages.url)
    assert ours(_texts(response)) == VIETNAMESE_ORDER


def _texts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [element.get_text(strip=True) for element in soup.find_all(["a", "h2", "h3", "span"])]


def test_a_villages_festivals_are_listed_in_vietnamese_order(client, test_site):
    village = test_site.village
    index = test_site.events
    names = VIETNAMESE_ORDER[::2]  # a village page lists at most 20 festivals
    for n, name in enumerate(shuffled(names)):
        add_page(
            index,
            EventPage,
            title_vi=name,
            title_en=name,
            slug_vi=f"su-kien-thu-tu-{n}",
            slug_en=f"order-event-{n}",
            schedule_kind=Kind.SINGLE,
            start_date=datetime.date(2027, 3, 1),
            venue=village,
        )
    response = client.get(village.get_url())
    soup = BeautifulSoup(response.content, "html.parser")
    festivals = [a.get_text(strip=True) for a in soup.select("#festivals-heading + ul a")]
    assert ours(festivals) == names


def api_titles(client, **params):
    """Every title the pages API lists for ``params``, following its pages of 20."""
    titles, offset = [], 0
    while True:
        response = client.get("/api/v2/pages/", {**params, "limit": 20, "offset": offset})
        assert response.status_code == 200, response.content
        items = response.json()["items"]
        titles += [item["title"] for item in items]
        if len(items) < 20:
            return titles
        offset += 20


def test_the_api_orders_titles_in_vietnamese_order_for_vietnamese(client, villages):
    titles = api_titles(client, type="villages.VillagePage", order="title", lang="vi")
    assert ours(titles) == VIETNAMESE_ORDER
    titles = api_titles(client, type="villages.VillagePage", order="-title", lang="vi")
    assert ours(titles) == VIETNAMESE_ORDER[::-1]


def test_titles_starting_with_đ_come_after_d_and_before_t_in_the_api(client, test_site):
    # Code-point order put "Đèo …" and "Đỉnh …" after "Thác …", "Ụ …" and "Vực …".
    order = ["Dốc Thử", "Đèo Thử", "Đỉnh Thử", "Thác Thử", "Ụ Thử", "Vực Thử"]
    for n, name in enumerate(shuffled(order)):
        # Pages of two types, under two parents: the API orders every page together.
        if n % 2:
            add_attraction(test_site.attractions, title_vi=name, title_en=name)
        else:
            add_page(test_site.home, StandardPage, title_vi=name, title_en=name)
    titles = api_titles(client, order="title", lang="vi")
    assert [title for title in titles if title in order] == order
