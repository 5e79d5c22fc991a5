"""One card for every listing (portal/cards.py, includes/card.html)."""

from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from portal.cards import Card


def rendered(card):
    return BeautifulSoup(render_to_string("includes/card.html", {"item": card}), "html.parser")


def test_a_card_links_its_title_and_shows_kind_summary_and_facts():
    card = Card(
        url="/en/test-routes/ridge/",
        title="Test ridge walk",
        summary="A ridge walk.",
        kind="Route",
        meta=("12 km", "xã Thử Bắc"),
    )
    soup = rendered(card)
    link = soup.select_one("a.card-link")
    assert link["href"] == "/en/test-routes/ridge/"
    assert link.select_one(".card-title").get_text() == "Test ridge walk"
    assert link.select_one(".card-kind").get_text() == "Route"
    assert link.select_one(".card-summary").get_text() == "A ridge walk."
    assert link.select_one(".card-meta").get_text() == "12 km · xã Thử Bắc"


def test_a_plain_card_shows_only_what_it_has():
    soup = rendered(Card(url="/vi/", title="Bản Thử"))
    assert soup.select_one(".card-title").get_text() == "Bản Thử"
    for part in (".card-image", ".card-kind", ".card-summary", ".card-meta"):
        assert soup.select_one(part) is None, part
