"""The admin lists and offers communes (and the other name-sorted snippets) in
Vietnamese alphabetical order, not code points (which put Đ after Z).

Expected order written by hand from the alphabet as taught: a ă â b c d đ e ê … o ô
ơ …, tones in the order unmarked, huyền, hỏi, ngã, sắc, nặng.
"""

import random

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.models import EventCategory
from villages.models import Commune

pytestmark = pytest.mark.django_db

COMMUNES_IN_VIETNAMESE_ORDER = [
    "An",
    "Àn",
    "Ản",
    "Ãn",
    "Án",
    "Ạn",
    "Ăn",
    "Âu",
    "Bắc",
    "Dương",
    "Đông",
    "O",
    "Ô",
    "Ơn",
]


@pytest.fixture
def communes(db):
    names = list(COMMUNES_IN_VIETNAMESE_ORDER)
    random.Random(10).shuffle(names)
    for number, name in enumerate(names):
        Commune.objects.create(name=name, name_vi=name, name_en=name, slug=f"test-{number}")


def names_shown(html, known):
    """Our test names in the order the page shows them, each once."""
    soup = BeautifulSoup(html, "html.parser")
    cells = soup.select("[id^=snippet_][id$=_title], [data-chooser-modal-choice]")
    texts = [" ".join(cell.get_text(" ").split()) for cell in cells]
    return list(dict.fromkeys(text for text in texts if text in known))


def test_the_communes_listing_reads_in_vietnamese_alphabetical_order(admin_client, communes):
    url = reverse(Commune.snippet_viewset.get_url_name("list"))
    response = admin_client.get(url)
    assert response.status_code == 200
    assert names_shown(response.content, COMMUNES_IN_VIETNAMESE_ORDER) == (
        COMMUNES_IN_VIETNAMESE_ORDER
    )


def test_the_communes_listing_sorted_by_the_name_column_reads_in_vietnamese_order(
    admin_client, communes
):
    url = reverse(Commune.snippet_viewset.get_url_name("list"))
    ascending = admin_client.get(url, {"ordering": "name"})
    descending = admin_client.get(url, {"ordering": "-name"})
    assert names_shown(ascending.content, COMMUNES_IN_VIETNAMESE_ORDER) == (
        COMMUNES_IN_VIETNAMESE_ORDER
    )
    assert names_shown(descending.content, COMMUNES_IN_VIETNAMESE_ORDER) == list(
        reversed(COMMUNES_IN_VIETNAMESE_ORDER)
    )


def test_the_commune_chooser_offers_communes_in_vietnamese_order(admin_client, communes):
    chooser = Commune.snippet_viewset.chooser_viewset
    for name in ("choose", "choose_results"):
        response = admin_client.get(reverse(chooser.get_url_name(name)))
        assert response.status_code == 200
        html = response.json()["html"] if name == "choose" else response.content
        # the chooser's first page holds 10: ours come before the test site's "xã …"
        assert names_shown(html, COMMUNES_IN_VIETNAMESE_ORDER) == COMMUNES_IN_VIETNAMESE_ORDER[:10]


def test_searching_the_communes_listing_still_finds_a_commune(admin_client, communes):
    url = reverse(Commune.snippet_viewset.get_url_name("list"))
    response = admin_client.get(url, {"q": "Dương"})
    assert response.status_code == 200
    assert "Dương" in names_shown(response.content, COMMUNES_IN_VIETNAMESE_ORDER)


def test_event_categories_with_the_same_sort_order_read_in_vietnamese_order(admin_client):
    names = ["Ơn thử", "Đua thử", "Ăn thử", "Dân thử", "An thử", "Ô thử"]
    for number, name in enumerate(names):
        EventCategory.objects.create(
            name=name, name_vi=name, name_en=name, slug=f"thu-{number}", sort_order=900
        )
    response = admin_client.get(reverse(EventCategory.snippet_viewset.get_url_name("list")))
    assert response.status_code == 200
    assert names_shown(response.content, names) == [
        "An thử",
        "Ăn thử",
        "Dân thử",
        "Đua thử",
        "Ô thử",
        "Ơn thử",
    ]
