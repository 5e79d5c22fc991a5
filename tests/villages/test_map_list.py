"""The map page's list without JavaScript stays short however many places the site
has (issue 16: at 5,000 homestays it was 1.6 MB): each type lists its first places
and links to the page that lists them all; the GeoJSON still has every place."""

import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks
from wagtail.models import PageViewRestriction

from portal.i18n import page_url
from portal.models import HomePage, StandardPage
from tests.factories import add_page
from tests.factories.places import add_homestay
from tests.factories.routes import add_route
from villages.places import PlaceType

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_type(monkeypatch):
    monkeypatch.setattr("villages.geojson.MAP_LIST_LIMIT", 2)


def sections(client, page, language):
    soup = BeautifulSoup(client.get(page_url(page, language)).content, "html.parser")
    found = {}
    for section in soup.select(".places-index section"):
        found[section.find("h2").get_text(strip=True)] = section
    return found


def paths(section):
    return [urlparse(a["href"]).path for a in section.select("li a")]


def note(section):
    found = section.select_one("p.muted")
    return " ".join(found.get_text(" ", strip=True).split()) if found else None


def test_a_crowded_type_lists_its_first_places_and_links_to_the_finder_in_vietnamese(
    client, test_site, two_per_type
):
    found = sections(client, test_site.map, "vi")
    homestays = found["Homestay"]  # the Vietnamese heading of the homestays
    shown = paths(homestays)
    # The test site's three homestays: two in the first village, one in the second.
    first_two = [urlparse(page_url(h, "vi")).path for h in test_site.homestays[:2]]
    assert shown == first_two
    assert note(homestays) == "Ở đây chỉ liệt kê 2 địa điểm đầu tiên. Xem tất cả: Tìm homestay thử"
    link = homestays.select_one("p.muted a")
    assert urlparse(link["href"]).path == urlparse(page_url(test_site.finder, "vi")).path


def test_a_type_with_no_more_places_than_the_limit_lists_them_all_without_a_note(
    client, test_site, two_per_type
):
    found = sections(client, test_site.map, "en")
    villages = found["Villages"]
    assert sorted(paths(villages)) == sorted(
        urlparse(page_url(v, "en")).path for v in (test_site.village, test_site.village2)
    )
    assert note(villages) is None


def test_the_note_and_link_are_in_english_on_the_english_page(client, test_site, two_per_type):
    homestays = sections(client, test_site.map, "en")["Homestays"]
    finder_title = test_site.finder.title_en
    assert (
        note(homestays) == f"Only the first 2 places are listed here. See them all: {finder_title}"
    )


def test_without_a_live_listing_page_the_note_stays_and_no_link_is_offered(
    client, test_site, two_per_type
):
    test_site.finder.unpublish()
    homestays = sections(client, test_site.map, "en")["Homestays"]
    assert len(paths(homestays)) == 2
    assert note(homestays) == "Only the first 2 places are listed here."
    assert homestays.select_one("p.muted a") is None


def test_the_geojson_still_has_every_homestay(client, test_site, two_per_type):
    data = client.get("/api/places.geojson", {"type": "homestay", "lang": "en"}).json()
    assert len(data["features"]) == len(test_site.homestays) == 3


def market_features(request):
    """A builder that knows nothing of limits: the map cuts its features itself."""
    for n, page in enumerate(StandardPage.objects.live().filter(slug_en__startswith="stall-")):
        yield {
            "type": "Feature",
            "id": f"stall-{page.pk}",
            "geometry": {"type": "Point", "coordinates": [107.36 + n / 1000, 21.59]},
            "properties": {"name": page.title, "type": "stall", "url": page.url},
        }


def stall_types():
    return [
        PlaceType(
            name="stall", model="portal.StandardPage", label="Stalls", features=market_features
        )
    ]


def test_a_registered_type_whose_builder_takes_no_limit_is_cut_at_the_limit_too(
    client, test_site, two_per_type
):
    home = HomePage.objects.get(depth=2)
    for n in range(3):
        add_page(
            home, StandardPage, title_vi=f"Sạp {n}", title_en=f"Stall {n}", slug_en=f"stall-{n}"
        )
    with hooks.register_temporarily("register_place_types", stall_types):
        stalls = sections(client, test_site.map, "en")["Stalls"]
    assert [a.get_text(strip=True) for a in stalls.select("li a")] == ["Stall 0", "Stall 1"]
    assert note(stalls) == "Only the first 2 places are listed here."


def test_routes_list_their_first_two_and_link_to_the_routes_index(client, test_site, two_per_type):
    added = [add_route(test_site.routes, title_en=f"Map list route {n}") for n in range(3)]
    routes = sections(client, test_site.map, "en")["Routes"]
    # In tree order: the test site's one route, then the first one added here.
    expected = [urlparse(page_url(r, "en")).path for r in (test_site.route, added[0])]
    assert paths(routes) == expected
    link = routes.select_one("p.muted a")
    assert urlparse(link["href"]).path == urlparse(page_url(test_site.routes, "en")).path


def focus_of(client, page, language, query):
    response = client.get(page_url(page, language) + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = json.loads(soup.select_one("[data-places-map]")["data-places-map"])
    return soup, options["focus"]


def test_a_place_named_in_the_address_is_listed_and_the_map_opens_on_it(
    client, test_site, two_per_type
):
    third = test_site.homestays[2]  # not among the first two listed
    soup, focus = focus_of(client, test_site.map, "en", f"?place=homestay-{third.pk}")
    assert focus == {"id": f"homestay-{third.pk}", "lat": third.latitude, "lon": third.longitude}
    item = soup.find(id=f"homestay-{third.pk}")
    assert item is not None and item.a.get_text(strip=True) == third.title_en
    homestays = sections(client, test_site.map, "en")["Homestays"]
    assert len(homestays.select("li")) == 2  # still at most the limit


def test_the_link_from_a_place_page_names_the_place_for_the_map(client, test_site):
    homestay = test_site.homestays[2]
    soup = BeautifulSoup(client.get(page_url(homestay, "vi")).content, "html.parser")
    link = soup.select_one(".place-map figcaption a")
    href = urlparse(link["href"])
    assert href.path == urlparse(page_url(test_site.map, "vi")).path
    assert href.query == f"place=homestay-{homestay.pk}"
    assert href.fragment == f"homestay-{homestay.pk}"


@pytest.mark.parametrize(
    "reference",
    ["homestay-999999", "homestay-", "-1", "x", "homestay-1e3", "homestay-²", "village-0"],
)
def test_a_place_that_names_nothing_is_ignored(client, test_site, reference):
    soup, focus = focus_of(client, test_site.map, "en", f"?place={reference}")
    assert focus is None
    assert soup.select(".places-index li")


def test_a_draft_or_private_place_is_never_shown_by_naming_it(client, test_site):
    draft = add_homestay(test_site.village, publish_it=False, title_en="Secret draft stay")
    private = add_homestay(test_site.village, title_en="Private stay")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (draft, private):
        soup, focus = focus_of(client, test_site.map, "en", f"?place=homestay-{page.pk}")
        assert focus is None
        assert soup.find(id=f"homestay-{page.pk}") is None
        assert page.title_en not in soup.get_text()
