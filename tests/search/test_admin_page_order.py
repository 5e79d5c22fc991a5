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
from wagtail.models import Page

from tests.factories import add_page

pytestmark = pytest.mark.django_db

TITLES_IN_VIETNAMESE_ORDER = [
    "Ảnh",
    "Ăn",
    "Dốc",
    "Đồi",
    "Ô",
    "Ơn",
    "Thác",
    "Út",
    "Ưng",
    "Zó",
]


@pytest.fixture
def folder(db):
    home = Page.objects.get(depth=2)
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
    soup = BeautifulSoup(html, "html.parser")
    cells = soup.select("[id^=page_][id$=_title]")
    return [" ".join(cell.get_text(" ").split()) for cell in cells]


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


def test_searching_the_page_listing_sorted_by_title_still_finds_the_page(admin_client, folder):
    assert "Đồi" in listing(admin_client, folder, "title", q="doi")
