"""The header's menu and key sections come from a cache while the content is
unchanged, and any change staff make shows in them at the very next request."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.i18n import page_url
from portal.models import StandardPage
from tests.factories import add_page
from tests.factories.places import add_village

pytestmark = pytest.mark.django_db


def menu(client, path="/en/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".site-menu-list a")]


def sections(client, path="/en/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [a["href"] for a in soup.select(".key-nav a")]


def _menu_page(home, title):
    return add_page(home, StandardPage, title_vi=f"{title} vi", title_en=title, show_in_menus=True)


def test_a_page_published_into_the_menu_shows_at_the_next_request(client, home):
    before = menu(client)
    with translation.override("vi"):
        _menu_page(home, "Zq New Menu Page")
    assert menu(client) == [*before, "Zq New Menu Page"]


def test_an_unpublished_menu_page_leaves_the_menu_at_the_next_request(client, home):
    with translation.override("vi"):
        page = _menu_page(home, "Zq Leaving Page")
    assert "Zq Leaving Page" in menu(client)
    page.unpublish()
    assert "Zq Leaving Page" not in menu(client)


def test_a_menu_page_made_private_leaves_the_menu_at_the_next_request(client, home):
    with translation.override("vi"):
        page = _menu_page(home, "Zq Private Page")
    assert "Zq Private Page" in menu(client)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert "Zq Private Page" not in menu(client)


def test_a_section_unpublished_leaves_the_key_sections_at_the_next_request(client, test_site):
    before = sections(client)
    assert any(href.startswith("/en/") and "route" in href for href in before)
    test_site.routes.unpublish()
    after = sections(client)
    assert len(after) == len(before) - 1


def test_while_nothing_changes_the_header_costs_no_query(client, test_site):
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        client.get(test_site.about.url)
    # The header's query is the one that filters on show_in_menus.
    menu_queries = [
        q["sql"] for q in queries if '"show_in_menus"' in q["sql"].partition(" WHERE ")[2]
    ]
    assert menu_queries == []


def footer(client, path="/en/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return soup.select_one(".site-footer").get_text(" ", strip=True)


def test_contact_details_saved_in_the_settings_show_in_the_footer_at_the_next_request(
    client, test_site
):
    from wagtail.models import Site

    from portal.models import ContactSettings

    footer(client)  # cached now
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.office_name_en = "Zq Test Tourism Office"
    settings.save()
    assert "Zq Test Tourism Office" in footer(client)


def test_while_nothing_changes_the_footer_costs_no_query(client, test_site):
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        client.get(test_site.about.url)
    assert [q for q in queries if "portal_contactsettings" in q["sql"]] == []


# The home page's links, the breadcrumbs and the finder's choices are cached the same
# way (portal.cache.cached_for_content): a change shows at the next request.


def home_links(client):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    actions = [a["href"] for a in soup.select(".home-actions a")]
    more = [a["href"] for a in soup.select("a.more-link")]
    return actions, more


def test_an_unpublished_trip_page_leaves_the_home_page_at_the_next_request(client, test_site):
    trip = page_url(test_site.trip, "en")
    actions, _more = home_links(client)
    assert trip in actions
    test_site.trip.unpublish()
    actions, _more = home_links(client)
    assert trip not in actions
    assert len(actions) == 4  # the key sections' buttons stay


def test_an_unpublished_route_index_takes_its_see_all_link_off_the_home_page(client, test_site):
    routes = page_url(test_site.routes, "en")
    _actions, more = home_links(client)
    assert routes in more
    test_site.routes.unpublish()
    _actions, more = home_links(client)
    assert routes not in more


def breadcrumbs(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [li.get_text(" ", strip=True) for li in soup.select(".breadcrumbs li")]


def test_a_renamed_section_shows_in_the_breadcrumbs_below_it_at_the_next_request(client, test_site):
    path = page_url(test_site.village, "en")
    assert test_site.villages.title_en in breadcrumbs(client, path)
    villages = test_site.villages
    villages.title_en = "Zq Renamed Villages"
    villages.save_revision().publish()
    assert "Zq Renamed Villages" in breadcrumbs(client, path)


def finder_villages(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [o.get_text(strip=True) for o in soup.select("select[name=village] option")]


def test_a_new_village_is_offered_by_the_homestay_finder_at_the_next_request(client, test_site):
    finder = page_url(test_site.finder, "en")
    assert test_site.village.title_en in finder_villages(client, finder)
    assert "Zq Brand New Village" not in finder_villages(client, finder)
    with translation.override("vi"):
        add_village(test_site.villages, title_en="Zq Brand New Village")
    assert "Zq Brand New Village" in finder_villages(client, finder)


EVENT_INDEX = {"en": "/en/test-festivals/", "vi": "/vi/le-hoi-thu/"}


def test_a_new_village_is_offered_by_the_event_index_filter_at_the_next_request(client, test_site):
    assert test_site.village.title_en in finder_villages(client, EVENT_INDEX["en"])
    assert "Zq Brand New Village" not in finder_villages(client, EVENT_INDEX["en"])
    with translation.override("vi"):
        add_village(test_site.villages, title_en="Zq Brand New Village")
    assert "Zq Brand New Village" in finder_villages(client, EVENT_INDEX["en"])


def test_the_event_index_filter_names_villages_in_the_language_of_each_request(client, test_site):
    english = finder_villages(client, EVENT_INDEX["en"])
    vietnamese = finder_villages(client, EVENT_INDEX["vi"])
    assert "Cloud Hill Test Village" in english and "Bản Đồi Mây Thử" not in english
    assert "Bản Đồi Mây Thử" in vietnamese and "Cloud Hill Test Village" not in vietnamese
    assert finder_villages(client, EVENT_INDEX["en"]) == english


def test_previews_of_two_unsaved_pages_each_get_their_own_ancestors(test_site):
    from portal.navigation import ancestors

    def unsaved_under(parent):  # as the admin's preview of a page being added builds it
        return StandardPage(title="Zq", path=parent.path + "ZZZZ", depth=parent.depth + 1)

    under_villages = ancestors(unsaved_under(test_site.villages))
    under_routes = ancestors(unsaved_under(test_site.routes))
    assert under_villages[-1].pk == test_site.villages.pk
    assert under_routes[-1].pk == test_site.routes.pk
