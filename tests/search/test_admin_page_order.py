"""The admin's page listing sorted by its Title column reads in Vietnamese
alphabetical order, not code points (which put Ă, Đ, Ô, Ơ, Ư and marked vowels
after Z).

Expected order written by hand from the alphabet as taught: a ă â b c d đ e ê … o ô
ơ … t u ư … z, tones in the order unmarked, huyền, hỏi, ngã, sắc, nặng.
"""

import random

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.venues import venue_page_types
from tests.factories import add_page
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

# "thửthứtự": a word no page of the test site has, so whole-site admin searches list
# only these.
TITLES_IN_VIETNAMESE_ORDER = [
    "Ảnh thửthứtự",
    "Ăn thửthứtự",
    "Dốc thửthứtự",
    "Đồi thửthứtự",
    "Ô thửthứtự",
    "Ơn thửthứtự",
    "Thác thửthứtự",
    "Út thửthứtự",
    "Ưng thửthứtự",
    "Zó thửthứtự",
]


@pytest.fixture
def folder(home):
    parent = add_page(home, title_vi="Thư mục thử thứ tự", title_en="Order test folder")
    titles = list(TITLES_IN_VIETNAMESE_ORDER)
    random.Random(16).shuffle(titles)
    for number, title in enumerate(titles):
        add_page(
            parent,
            title_vi=title,
            title_en=title,
            slug_vi=f"thu-tu-{number}",
            slug_en=f"order-{number}",
        )
    return parent


def titles_shown(html):
    """Our test titles in the order the page shows them."""
    soup = BeautifulSoup(html, "html.parser")
    cells = soup.select("[id^=page_][id$=_title]")
    texts = [" ".join(cell.get_text(" ").split()) for cell in cells]
    return [text for text in texts if text in TITLES_IN_VIETNAMESE_ORDER]


def listing(admin_client, folder, ordering, **params):
    url = reverse("wagtailadmin_explore", args=[folder.pk])
    response = admin_client.get(url, {"ordering": ordering, **params}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return titles_shown(response.content)


def test_the_page_listing_sorted_by_title_reads_in_vietnamese_alphabetical_order(
    admin_client, folder
):
    assert listing(admin_client, folder, "title") == TITLES_IN_VIETNAMESE_ORDER


def test_the_page_listing_sorted_by_title_backwards_reads_from_z_to_a(admin_client, folder):
    assert listing(admin_client, folder, "-title") == list(reversed(TITLES_IN_VIETNAMESE_ORDER))


def test_the_page_listing_in_its_own_order_keeps_the_editors_order(admin_client, folder):
    # "ord" is the tree order editors set by dragging: creation order here
    created = [p.title_vi for p in folder.get_children().order_by("path")]
    assert listing(admin_client, folder, "ord") == created


def test_searching_the_page_listing_sorted_by_title_reads_in_vietnamese_order(admin_client, folder):
    assert listing(admin_client, folder, "title", q="thuthutu") == TITLES_IN_VIETNAMESE_ORDER
    assert listing(admin_client, folder, "title", q="doi") == ["Đồi thửthứtự"]


def test_the_admin_page_search_sorted_by_title_reads_in_vietnamese_order(admin_client, folder):
    url = reverse("wagtailadmin_pages:search")
    ascending = admin_client.get(url, {"q": "thuthutu", "ordering": "title"})
    descending = admin_client.get(url, {"q": "thuthutu", "ordering": "-title"})
    assert ascending.status_code == descending.status_code == 200
    assert titles_shown(ascending.content) == TITLES_IN_VIETNAMESE_ORDER
    assert titles_shown(descending.content) == list(reversed(TITLES_IN_VIETNAMESE_ORDER))


@pytest.fixture
def villages(test_site):
    index = test_site.villages
    titles = list(TITLES_IN_VIETNAMESE_ORDER)
    random.Random(10).shuffle(titles)
    for number, title in enumerate(titles):
        add_page(
            index,
            VillagePage,
            title_vi=title,
            title_en=title,
            slug_vi=f"thu-tu-{number}",
            slug_en=f"order-{number}",
            latitude=21.52,
            longitude=107.41,
        )
    return index


def chooser_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.json()["html"], "html.parser")
    texts = [" ".join(a.get_text(" ").split()) for a in soup.select("a.choose-page")]
    return [text for text in texts if text in TITLES_IN_VIETNAMESE_ORDER]


def test_the_venue_chooser_lists_villages_in_vietnamese_alphabetical_order(admin_client, villages):
    url = reverse("wagtailadmin_choose_page_child", args=[villages.pk])
    response = admin_client.get(url, {"page_type": ",".join(venue_page_types()).lower()})
    assert chooser_titles(response) == TITLES_IN_VIETNAMESE_ORDER


def test_the_link_chooser_keeps_the_order_editors_set(admin_client, villages):
    url = reverse("wagtailadmin_choose_page_child", args=[villages.pk])
    created = [
        p.title_vi
        for p in villages.get_children().order_by("path")
        if p.title_vi in TITLES_IN_VIETNAMESE_ORDER
    ]
    assert chooser_titles(admin_client.get(url)) == created
