"""What a tourist sees: villages, homestays, attractions, the map and the home page."""

import datetime
import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from portal.i18n import page_url
from tests.factories import add_page
from tests.factories.places import add_attraction, add_homestay, add_village
from tests.factories.site import VILLAGE, VILLAGE2
from villages.models import Amenity, AttractionKind, VillageIndexPage, VillagePage

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def fact(soup, label):
    """The text of the fact sheet's entry ``label`` (its <dt>)."""
    for term in soup.select(".facts dt"):
        if term.get_text(strip=True) == label:
            return term.find_next_sibling("dd").get_text(" ", strip=True)
    raise AssertionError(f"no fact “{label}”")


def section(soup, heading_id):
    """The <section> whose heading has the id ``heading_id``."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no section #{heading_id}"
    return heading.find_parent("section")


def link_to(soup, text):
    links = [a for a in soup.find_all("a", href=True) if text in a.get_text()]
    assert links, f"no link “{text}”"
    return links[0]["href"]


def journey_homestay(village):
    """A homestay the journey's finder search (6 guests, hot water, ≤ 400,000) finds."""
    return add_homestay(
        village,
        title_vi="Nhà nghỉ Hành Trình Thử",
        title_en="Journey Test Homestay",
        capacity=6,
        price_min=300_000,
        price_max=380_000,
        amenities=[Amenity.objects.get(slug="hot-water")],
        phone="0912 345 604",
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_tourist_goes_from_home_to_a_village_the_map_the_finder_and_a_tap_to_call_number(
    client, test_site, lang
):
    village_title = VILLAGE[f"title_{lang}"]
    stay_title = getattr(journey_homestay(test_site.village), f"title_{lang}")
    finder_label = getattr(test_site.finder, f"title_{lang}")
    home = soup_of(client.get(f"/{lang}/"))
    featured = home.select_one("#section-villages").find_parent("section")
    village_page = soup_of(client.get(link_to(featured, village_title)))
    assert village_page.find("h1").get_text() == village_title
    assert village_page.select_one("[data-place-map]") is not None
    map_href = village_page.select_one(".place-map figcaption a")["href"]
    map_page = soup_of(client.get(map_href.split("#")[0]))
    assert map_page.select_one("[data-places-map]") is not None
    listed = [a.get_text(strip=True) for a in map_page.select(".places-index a")]
    assert village_title in listed
    finder_href = home.find("nav", class_="main-nav").find("a", string=finder_label)["href"]
    results = soup_of(
        client.get(finder_href, {"guests": 6, "amenity": "hot-water", "max_price": 400000})
    )
    found = results.select_one(".finder-results .homestay-list")
    stay = soup_of(client.get(link_to(found, stay_title)))
    assert stay.find("h1").get_text() == stay_title
    call = stay.select_one(".contact-box a[href^='tel:']")
    assert call["href"] == "tel:+84912345604"
    assert stay.find("html")["lang"] == lang


def test_the_villages_index_is_in_the_menu_and_lists_its_villages_alphabetically(client, test_site):
    # Added last in the tree, first in the alphabet.
    add_village(test_site.villages, title_en="Apricot Test Village")
    soup = soup_of(client.get(page_url(test_site.villages, "en")))
    titles = [a.get_text(strip=True) for a in soup.select(".place-card .card-title")]
    # Alphabetical in the visitor's language (issue #10), not the editors' tree order.
    assert titles == ["Apricot Test Village", VILLAGE["title_en"], VILLAGE2["title_en"]]
    menu = [a.get_text() for a in soup.select(".main-nav a")]
    sections = (test_site.villages, test_site.attractions, test_site.finder, test_site.map)
    assert {page.title_en for page in sections} <= set(menu)


def test_a_village_page_shows_its_facts_homestays_and_nearby_attractions_with_distances(
    client, test_site
):
    culture = json.dumps(
        [
            {
                "type": "culture_topic",
                "value": {
                    "topic": "costume",
                    "heading": "Test costume",
                    "text": "<p>Indigo jackets.</p>",
                    "image": None,
                },
            }
        ]
    )
    things = json.dumps(
        [
            {
                "type": "thing_to_do",
                "value": {"title": "Test walk", "text": "", "season": "", "image": None},
            }
        ]
    )
    # South-east corner of the district, more than 12 km from the test site's sights.
    place = add_village(
        test_site.villages,
        title_en="Facts Test Village",
        latitude=21.46,
        longitude=107.58,
        commune=test_site.commune("north"),
        ethnic_groups=[test_site.group("dao-thanh-phan"), test_site.group("tay")],
        distance_from_centre=30,
        travel_time=60,
        culture_vi=culture,
        culture_en=culture,
        things_to_do_vi=things,
        things_to_do_en=things,
    )
    add_homestay(place, title_en="Dearer Test House", price_min=400_000, price_max=500_000)
    add_homestay(place, title_en="Cheaper Test House", price_min=200_000, price_max=250_000)
    add_homestay(place, title_en="Draft Test House", price_min=100_000, publish_it=False)
    # 0.02° of latitude north: 2.2 km; 0.28° of longitude west: 29 km.
    sights = test_site.attractions
    add_attraction(sights, title_en="Near Test Falls", latitude=21.48, longitude=107.58)
    add_attraction(sights, title_en="Far Test Pass", latitude=21.46, longitude=107.30)

    soup = soup_of(client.get(page_url(place, "en")))
    assert fact(soup, "Ethnic groups") == "Tày, Dao Thanh Phán"
    assert fact(soup, "Commune") == "Test North commune (formerly Thử Cũ)"
    assert fact(soup, "From the centre of Bình Liêu") == "30 km, about 1 h"
    homestays = section(soup, "homestays-heading")
    titles = [a.get_text(strip=True) for a in homestays.select(".homestay-card h3 a")]
    assert titles == ["Cheaper Test House", "Dearer Test House"]  # cheapest first
    nearby = section(soup, "nearby-heading")
    entries = [li.get_text(" ", strip=True) for li in nearby.select(".nearby li")]
    assert entries == ["Near Test Falls Viewpoint · 2.2 km as the crow flies"]
    assert soup.select_one(".culture .culture-topic--costume h3").get_text() == "Test costume"
    things_to_do = section(soup, "todo-heading")
    assert [t.get_text(" ", strip=True) for t in things_to_do.select(".thing-to-do h3")] == [
        "Test walk"
    ]


def test_nearby_attractions_are_listed_nearest_first_and_keep_the_villages_own(
    vietnamese, test_site
):
    from villages.models.queries import nearby_attractions

    # The south-east corner: the test site's own sights are more than 12 km away.
    place = add_village(test_site.villages, latitude=21.46, longitude=107.58)
    sights = test_site.attractions
    # 0.04° and 0.02° of latitude north: 4.4 km and 2.2 km.
    farther = add_attraction(sights, latitude=21.50, longitude=107.58)
    nearer = add_attraction(sights, latitude=21.48, longitude=107.58)
    # 0.28° of longitude west (29 km): listed only when tied to the village.
    own = add_attraction(sights, latitude=21.46, longitude=107.30, village=place)
    add_attraction(sights, latitude=21.47, longitude=107.30)

    pairs = nearby_attractions(place)
    assert [a.pk for a, _km in pairs] == [nearer.pk, farther.pk, own.pk]
    assert [km for _a, km in pairs][:2] == [2.2, 4.4]


def new_village():
    """A live village built here, so no event of the test site is held at it."""
    return add_page(
        VillageIndexPage.objects.get(),
        VillagePage,
        title_vi="Bản thử lễ hội",
        title_en="Festival test village",
        latitude=21.55,
        longitude=107.45,
    )


def festivals_section(response):
    """The village page's "Festivals" section (by its heading), or None."""
    heading = soup_of(response).find(id="festivals-heading")
    return heading.find_parent("section") if heading else None


def hold_event_at(venue, publish_it=True, **fields):
    from events.models import EventIndexPage, EventPage

    return add_page(
        EventIndexPage.objects.get(),
        EventPage,
        publish_it=publish_it,
        venue=venue,
        start_date=datetime.date.today() + datetime.timedelta(days=30),
        **fields,
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_village_has_no_festivals_section_until_an_event_is_held_there(client, test_site, lang):
    place = new_village()
    assert festivals_section(client.get(page_url(place, lang))) is None

    elsewhere = hold_event_at(test_site.village2)  # held at another village
    hold_event_at(place, publish_it=False)  # a draft at this one
    assert festivals_section(client.get(page_url(place, lang))) is None
    assert elsewhere.live


@pytest.mark.parametrize(("lang", "heading"), [("vi", "Lễ hội"), ("en", "Festivals")])
def test_an_event_held_at_a_village_is_listed_in_its_festivals_section(client, lang, heading):
    place = new_village()
    event = hold_event_at(place, title_vi="Hội xuân bản thử", title_en="Test village spring fair")
    section = festivals_section(client.get(page_url(place, lang)))
    assert section is not None
    assert section.h2.get_text(strip=True) == heading
    links = [(a.get_text(strip=True), a["href"]) for a in section.select("li a")]
    title = {"vi": "Hội xuân bản thử", "en": "Test village spring fair"}[lang]
    assert links == [(title, urlparse(page_url(event, lang)).path)]


def test_a_homestay_page_shows_price_capacity_contact_and_access(client, test_site):
    stay = add_homestay(
        test_site.village2,
        price_min=350_000,
        price_max=500_000,
        capacity=7,
        phone="0203 3878 606",
        email="nha@example.test",
        access_notes_vi="Xe ô tô vào tới sân.",
        access_notes_en="Cars can drive up to the yard.",
        is_sample=True,
    )
    soup = soup_of(client.get(page_url(stay, "vi")))
    assert fact(soup, "Giá") == "350.000 ₫ – 500.000 ₫ mỗi phòng mỗi đêm"
    assert fact(soup, "Số khách") == "tối đa 7 khách"
    contact = section(soup, "contact-heading")
    assert contact.select_one("a[href^='tel:']")["href"] == "tel:+842033878606"
    assert contact.select_one("a[href^='mailto:']")["href"] == "mailto:nha@example.test"
    assert "Xe ô tô vào tới sân." in section(soup, "access-heading").get_text()
    assert soup.select_one(".notice--sample") is not None
    assert section(soup, "access-heading").select_one("[data-place-map]") is not None


def test_a_homestay_that_is_not_sample_content_has_no_sample_notice(client, test_site):
    stay = add_homestay(test_site.village2, is_sample=False)
    assert soup_of(client.get(page_url(stay, "vi"))).select_one(".notice--sample") is None


def test_a_homestay_page_in_english_shows_amenities_and_zalo(client, test_site):
    stay = add_homestay(
        test_site.village,
        amenities=[test_site.amenity("wifi"), test_site.amenity("hot-water")],
        zalo="0912 345 604",
        price_min=300_000,
        price_max=350_000,
    )
    soup = soup_of(client.get(page_url(stay, "en")))
    amenities = [li.get_text(strip=True) for li in soup.select(".amenities li")]
    assert amenities == ["Hot water", "Wi-Fi"]  # in the amenities' own order
    assert soup.select_one("a[href='https://zalo.me/0912345604']") is not None
    assert fact(soup, "Price") == "300,000 VND – 350,000 VND per room per night"


def test_an_attraction_shows_a_twelve_month_strip_and_the_border_zone_warning(client, test_site):
    sight = add_attraction(
        test_site.attractions,
        kind=AttractionKind.BORDER_MARKER,
        best_months=[11, 12, 1, 2, 3],
        border_zone=True,
        elevation=1375,
    )
    soup = soup_of(client.get(page_url(sight, "en")))
    cells = soup.select(".months-strip li")
    assert len(cells) == 12
    best = [i + 1 for i, cell in enumerate(cells) if "is-best" in cell.get("class", [])]
    assert best == [1, 2, 3, 11, 12]
    warning = soup.select_one(".notice--border").get_text()
    assert "check before travel" in warning
    assert fact(soup, "Elevation") == "1,375 m"


def test_an_attraction_away_from_the_border_has_no_border_zone_warning(client, test_site):
    sight = add_attraction(test_site.attractions, border_zone=False)
    assert soup_of(client.get(page_url(sight, "en"))).select_one(".notice--border") is None


def test_an_attraction_links_to_its_village(client, test_site):
    sight = add_attraction(test_site.attractions, village=test_site.village2)
    soup = soup_of(client.get(page_url(sight, "en")))
    village_fact = next(
        term.find_next_sibling("dd")
        for term in soup.select(".facts dt")
        if term.get_text(strip=True) == "Village"
    )
    link = village_fact.select_one("a")
    assert link.get_text(strip=True) == VILLAGE2["title_en"]
    assert link["href"] == f"/en/test-villages/{VILLAGE2['slug_en']}/"


def test_the_map_page_lists_every_place_with_links_without_javascript(client, test_site):
    extra = add_attraction(test_site.attractions, title_vi="Điểm thử trên bản đồ")
    draft = add_homestay(test_site.village, publish_it=False)
    soup = soup_of(client.get(page_url(test_site.map, "vi")))
    links = soup.select(".places-index a")
    paths = {urlparse(a["href"]).path for a in links}
    places = [
        test_site.village,
        test_site.village2,
        *test_site.homestays,
        test_site.peak,
        test_site.market_place,
        extra,
    ]
    for place in places:
        assert urlparse(page_url(place, "vi")).path in paths, place.title
    assert urlparse(page_url(draft, "vi")).path not in paths
    assert all(urlparse(a["href"]).path.startswith("/vi/") for a in links)
    options = soup.select_one("[data-places-map]")["data-places-map"]
    assert "tile.openstreetmap.org" in options and "OpenStreetMap" in options
    assert "/api/places.geojson?lang=vi" in options
    scripts = [s["src"] for s in soup.select("script[src]")]
    assert any(src.endswith("villages/vendor/leaflet/leaflet.js") for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)


def test_the_tile_server_and_attribution_are_settings(client, settings, test_site):
    settings.PLACES_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.PLACES_MAP_TILE_ATTRIBUTION = "Example tiles"
    soup = soup_of(client.get(page_url(test_site.map, "en")))
    options = soup.select_one("[data-places-map]")["data-places-map"]
    assert "tiles.example.org" in options and "Example tiles" in options
    assert "tile.openstreetmap.org" not in options


def test_the_home_page_shows_featured_villages_first(client, test_site):
    # Added last in the tree and first in the alphabet: a featured and a plain village.
    add_village(test_site.villages, title_en="Apricot Test Village", featured=True)
    add_village(test_site.villages, title_en="Almond Test Village", featured=False)
    soup = soup_of(client.get("/en/"))
    section = soup.select_one("#section-villages").find_parent("section")
    titles = [t.get_text() for t in section.select(".card-title")]
    # Featured ones first, each group alphabetical in the visitor's language (issue #10),
    # not the editors' tree order.
    assert titles == [
        "Apricot Test Village",
        VILLAGE["title_en"],
        "Almond Test Village",
        VILLAGE2["title_en"],
    ]
    assert section.select_one(".more-link")["href"] == "/en/test-villages/"
