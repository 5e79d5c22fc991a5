"""What a tourist sees: villages, homestays, attractions, the map and the home page."""

import datetime
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from portal.i18n import page_url
from tests.factories import add_page
from tests.villages.helpers import attraction, homestay, village
from villages.conf import region_box
from villages.models import AttractionPage, HomestayPage, VillageIndexPage, VillagePage

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


@pytest.mark.parametrize(
    ("lang", "villages_label", "village_title", "finder_label", "homestay_title"),
    [
        (
            "en",
            "Cultural villages",
            "Lục Ngù Sán Chỉ village",
            "Find a homestay",
            "Sán Chỉ house by the stream (sample)",
        ),
        (
            "vi",
            "Bản làng văn hóa",
            "Bản Sán Chỉ Lục Ngù",
            "Tìm homestay",
            "Nhà Sán Chỉ bên suối (mẫu)",
        ),
    ],
)
def test_a_tourist_goes_from_home_to_a_village_the_map_the_finder_and_a_tap_to_call_number(
    client, lang, villages_label, village_title, finder_label, homestay_title
):
    home = soup_of(client.get(f"/{lang}/"))
    village_page = soup_of(client.get(link_to(home, village_title)))
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
    homestay_href = link_to(results, homestay_title)
    stay = soup_of(client.get(homestay_href))
    call = stay.select_one(".contact-box a[href^='tel:']")
    assert call["href"] == "tel:+84912345604"
    assert stay.find("html")["lang"] == lang


def test_the_villages_index_is_in_the_menu_and_lists_the_three_villages(client):
    soup = soup_of(client.get("/en/villages/"))
    titles = [a.get_text(strip=True) for a in soup.select(".place-card .card-title")]
    # Alphabetical in the visitor's language (issue #10), not the editors' tree order.
    assert titles == [
        "Bản Cáu Tày village",
        "Lục Ngù Sán Chỉ village",
        "Sông Moóc – Khe Tiền Dao village",
    ]
    menu = [a.get_text() for a in soup.select(".main-nav a")]
    assert {"Cultural villages", "Attractions", "Find a homestay", "Map"} <= set(menu)


def test_a_village_page_shows_its_facts_homestays_and_nearby_attractions_with_distances(client):
    soup = soup_of(client.get("/en/villages/song-mooc-khe-tien/"))
    facts = soup.select_one(".facts").get_text(" ", strip=True)
    assert "Dao Thanh Phán" in facts
    # The fact sheet does not say which of today's communes former Đồng Văn belongs to.
    assert "commune" not in facts.lower()
    assert "30 km" in facts and "1 h" in facts
    homestay_titles = [a.get_text() for a in soup.select(".homestay-card h3 a")]
    assert "Homestay A Dào" in homestay_titles and len(homestay_titles) == 5
    nearby = soup.select_one(".nearby").get_text(" ", strip=True)
    assert "Khe Tiền waterfall" in nearby and "km as the crow flies" in nearby
    assert "Cao Xiêm" not in nearby  # far away and not tied to this village
    assert soup.select_one(".culture .culture-topic--costume") is not None
    assert soup.select_one(".things-to-do .thing-to-do") is not None


def test_nearby_attractions_are_listed_nearest_first_and_keep_the_villages_own(vietnamese):
    from villages.models.queries import nearby_attractions

    pairs = nearby_attractions(village("ban-cau"))
    assert "luc-na-communal-house" in [a.slug_en for a, _km in pairs]
    distances = [km for _, km in pairs]
    assert len(distances) >= 2 and distances == sorted(distances)


def new_village():
    """A live village built here, so no demo event is held at it."""
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
def test_a_village_has_no_festivals_section_until_an_event_is_held_there(client, lang):
    place = new_village()
    assert festivals_section(client.get(page_url(place, lang))) is None

    elsewhere = hold_event_at(village("ban-cau"))  # held at another village
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


def test_a_homestay_page_shows_price_capacity_contact_and_access(client):
    soup = soup_of(client.get("/vi/ban-lang/ban-cau/nha-san-ban-cau/"))
    assert "350.000 ₫ – 500.000 ₫" in fact(soup, "Giá")
    call = soup.select_one(".contact-box a[href^='tel:']")
    assert call["href"] == "tel:+842033878606"
    assert soup.select_one(".contact-box a[href^='mailto:']") is not None
    assert "Xe ô tô vào tới sân" in section(soup, "access-heading").get_text()
    assert soup.select_one(".notice--sample") is not None
    assert soup.select_one("[data-place-map]") is not None


def test_a_homestay_page_in_english_shows_amenities_and_zalo(client):
    soup = soup_of(client.get("/en/villages/luc-ngu/san-chi-house-by-the-stream/"))
    amenities = [li.get_text(strip=True) for li in soup.select(".amenities li")]
    assert "Hot water" in amenities and "Wi-Fi" in amenities
    assert soup.select_one("a[href='https://zalo.me/0912345604']") is not None
    assert "300,000 VND – 350,000 VND per room per night" in fact(soup, "Price")


def test_an_attraction_shows_a_twelve_month_strip_and_the_border_zone_warning(client):
    soup = soup_of(client.get("/en/attractions/cao-xiem/"))
    cells = soup.select(".months-strip li")
    assert len(cells) == 12
    best = [i + 1 for i, cell in enumerate(cells) if "is-best" in cell.get("class", [])]
    assert best == [1, 2, 3, 11, 12]
    warning = soup.select_one(".notice--border").get_text()
    assert "check before travel" in warning
    assert "1,429 m" in soup.select_one(".facts").get_text()  # fact sheet: 1,429 m


def test_an_attraction_links_to_its_village(client):
    soup = soup_of(client.get("/en/attractions/luc-na-communal-house/"))
    assert soup.select_one(".facts a")["href"] == "/en/villages/ban-cau/"


def test_the_map_page_lists_every_place_with_links_without_javascript(client):
    soup = soup_of(client.get("/vi/ban-do/"))
    links = soup.select(".places-index a")
    paths = {urlparse(a["href"]).path for a in links}
    for model in (VillagePage, HomestayPage, AttractionPage):
        for place in model.objects.live():
            assert page_url(place, "vi") in paths, place.title
    assert all("/vi/" in a["href"] for a in links)
    options = soup.select_one("[data-places-map]")["data-places-map"]
    assert "tile.openstreetmap.org" in options and "OpenStreetMap" in options
    assert "/api/places.geojson?lang=vi" in options
    scripts = [s["src"] for s in soup.select("script[src]")]
    assert any(src.endswith("villages/vendor/leaflet/leaflet.js") for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)


def test_the_tile_server_and_attribution_are_settings(client, settings):
    settings.PLACES_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.PLACES_MAP_TILE_ATTRIBUTION = "Example tiles"
    soup = soup_of(client.get("/en/map/"))
    options = soup.select_one("[data-places-map]")["data-places-map"]
    assert "tiles.example.org" in options and "Example tiles" in options


def test_the_home_page_shows_featured_villages(client):
    soup = soup_of(client.get("/en/"))
    section = soup.select_one("#section-villages").find_parent("section")
    titles = [t.get_text() for t in section.select(".card-title")]
    # Alphabetical in the visitor's language (issue #10), not the editors' tree order.
    assert titles == [
        "Bản Cáu Tày village",
        "Lục Ngù Sán Chỉ village",
        "Sông Moóc – Khe Tiền Dao village",
    ]
    assert section.select_one(".more-link")["href"] == "/en/villages/"


def test_demo_content_has_enough_places_all_inside_the_district_box(vietnamese):
    box = region_box()
    assert HomestayPage.objects.live().count() >= 8
    assert AttractionPage.objects.live().count() >= 8
    for model in (VillagePage, HomestayPage, AttractionPage):
        for page in model.objects.all():
            assert box["min_lat"] <= page.latitude <= box["max_lat"], page.title
            assert box["min_lon"] <= page.longitude <= box["max_lon"], page.title
            assert page.is_sample, f"{page.title}: approximate coordinates must be flagged"


def test_demo_homestays_from_the_fact_sheet_keep_their_facts(vietnamese):
    a_dao = homestay("homestay-a-dao")
    assert a_dao.host_name == "Tằng Văn Dào" and a_dao.capacity == 30
    huong_hoi_que = homestay("huong-hoi-que")
    assert huong_hoi_que.host_name == "Dương Phúc Thim" and huong_hoi_que.capacity == 10
    assert "en-suite" in set(huong_hoi_que.amenities.values_list("slug", flat=True))
    assert homestay("song-moc-house").room_notes_en == "8 en-suite rooms and a dormitory."
    assert attraction("cao-xiem").elevation == 1429


def test_loading_the_demo_twice_changes_nothing():
    from django.core.management import call_command

    before = (HomestayPage.objects.count(), AttractionPage.objects.count())
    revisions = HomestayPage.objects.values_list("latest_revision_id", flat=True)
    revisions_before = sorted(revisions)
    call_command("load_demo", force=True, verbosity=0)
    assert (HomestayPage.objects.count(), AttractionPage.objects.count()) == before
    assert sorted(HomestayPage.objects.values_list("latest_revision_id", flat=True)) == (
        revisions_before
    )
