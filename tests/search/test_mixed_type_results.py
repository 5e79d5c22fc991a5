"""Search results of many page types (issue 16): each result still shows its own
type, thumbnail and snippet, and a page of results costs the same SQL queries
whether its ten results are of one page type or of six."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import StandardPage
from tests.factories import add_page
from tests.factories.events import add_event
from tests.factories.images import make_image
from tests.factories.places import add_attraction, add_homestay, add_village
from tests.factories.routes import add_route

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15


def add_one_of_each_type(site, word):
    """A village, a homestay, an attraction, an event, a route and a standard page,
    each with ``word`` in its title and a snippet of its own. {title: snippet}."""
    texts = {}

    def text(kind):
        title, snippet = f"{kind} {word}", f"What a visitor reads about the {kind.lower()}."
        texts[title] = snippet
        return {"title_en": title, "title_vi": title}, snippet

    fields, snippet = text("Village")
    add_village(site.villages, introduction_en=snippet, **fields)
    fields, snippet = text("Homestay")
    add_homestay(site.village, introduction_en=snippet, **fields)
    fields, snippet = text("Attraction")
    add_attraction(site.attractions, introduction_en=snippet, **fields)
    fields, snippet = text("Event")
    add_event(site.events, summary_en=snippet, **fields)
    fields, snippet = text("Route")
    add_route(site.routes, introduction_en=snippet, **fields)
    fields, snippet = text("Page")
    add_page(site.home, StandardPage, introduction_en=snippet, image=make_image(), **fields)
    return texts


def results(client, word):
    response = client.get("/en/search/", {"q": word})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".search-result")


def queries_of_second_search(client, word):
    results(client, word)  # the first may fill process-wide caches (site roots)
    with CaptureQueriesContext(connection) as queries:
        shown = results(client, word)
    return len(queries), shown


def test_results_of_six_page_types_each_show_their_own_type_snippet_and_thumbnail(
    client, test_site
):
    texts = add_one_of_each_type(test_site, "qzmixa")
    shown = results(client, "qzmixa")
    seen = {
        r.select_one(".search-title").get_text(strip=True): (
            r.select_one(".search-type").get_text(strip=True),
            r.select_one(".search-snippet").get_text(),
            r.select_one("img.search-thumb") is not None,
        )
        for r in shown
    }
    assert seen == {
        "Village qzmixa": ("Village", texts["Village qzmixa"], True),
        "Homestay qzmixa": ("Homestay", texts["Homestay qzmixa"], True),
        "Attraction qzmixa": ("Attraction", texts["Attraction qzmixa"], True),
        "Event qzmixa": ("Event", texts["Event qzmixa"], True),
        "Route qzmixa": ("Route", texts["Route qzmixa"], True),
        "Page qzmixa": ("Standard page", texts["Page qzmixa"], True),
    }


def test_a_results_page_of_six_page_types_costs_the_queries_of_one_type(client, test_site):
    add_one_of_each_type(test_site, "qzmixb")
    for n in range(6):
        add_page(
            test_site.home,
            StandardPage,
            title_en=f"Page qzmixc {n}",
            title_vi=f"Trang qzmixc {n}",
            introduction_en=f"Standard page {n}.",
            image=make_image(),
        )
    mixed, mixed_shown = queries_of_second_search(client, "qzmixb")
    single, single_shown = queries_of_second_search(client, "qzmixc")
    assert len(mixed_shown) == len(single_shown) == 6
    assert mixed == single
    assert mixed <= QUERY_BUDGET
