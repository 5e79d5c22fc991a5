"""A tourist reads a route in either language: figures, profile, track, stops, downloads.

Every route here is built by the test, and the figures it expects are computed from
the points the test gave (tests/routes/helpers.py: haversine, sum of rises, Naismith).
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from portal.address import absolute_url
from portal.i18n import page_url
from tests.factories.routes import add_route
from tests.routes.helpers import (
    CLIMB_THRESHOLD_M,
    flat_ended_climb,
    haversine_m,
    journey,
    km_text,
    length_m,
    naismith_minutes,
    rise_m,
    route_index,
)
from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def climb():
    """A hard, 600 m climb with flat ends, in the border zone, without phone signal."""
    points = flat_ended_climb()
    page = add_route(
        route_index(),
        points=points,
        difficulty="hard",
        border_zone=True,
        no_signal_vi="Không có sóng trên sống núi thử.",
        no_signal_en="No phone signal on the test ridge.",
        title_vi="Leo dốc thử",
        title_en="Test steep climb",
        slug_vi="leo-doc-thu",
        slug_en="test-steep-climb",
    )
    return page, points


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_route_shows_the_distance_ascent_time_and_difficulty_of_its_track(client, climb, lang):
    page, points = climb
    distance, rise = length_m(points), rise_m(points)
    soup = soup_of(client.get(page_url(page, lang)))
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == {"vi": "Leo dốc thử", "en": "Test steep climb"}[lang]
    distance_text = soup.select_one("[data-figure=distance]").get_text()
    assert distance_text.split()[:2] == [km_text(distance, lang), "km"]
    ascent_text = soup.select_one("[data-figure=ascent]").get_text()
    shown_ascent = int(re.search(r"↗ (\d+) m", ascent_text).group(1))
    # The climb less at most the threshold below which a rise does not count.
    assert rise - CLIMB_THRESHOLD_M <= shown_ascent <= rise
    # 2.67 km at 5 km/h and 600 m at 600 m/h: 1 h 30 min (also for 595 m of ascent).
    hours, minutes = divmod(naismith_minutes(distance, rise), 60)
    with translation.override(lang):
        expected_time = gettext("%(h)s h %(m)s min") % {"h": hours, "m": minutes}
        hard = gettext("Hard")
    duration = soup.select_one("[data-figure=duration]").get_text()
    assert duration.strip().startswith(expected_time)
    assert soup.select_one(".difficulty-badge--hard").get_text().strip() == hard
    assert soup.select_one(".difficulty-explanation").get_text().strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_elevation_profile_is_an_inline_svg_with_a_text_alternative(client, climb, lang):
    page, points = climb
    soup = soup_of(client.get(page_url(page, lang)))
    svg = soup.select_one("svg.profile-svg")
    assert svg["role"] == "img"
    assert svg.title.get_text() and svg.desc.get_text()
    assert svg.select_one("polyline.profile-line")["points"].count(",") >= 50
    assert "," not in svg.select_one("line.grid")["y1"]  # SVG numbers are never localised
    rows = soup.select(".profile-table tbody tr")
    assert len(rows) == 11
    assert soup.select_one(".profile-table th").get_text()
    # The table runs from the start at 400 m to the end at 1,000 m, over the whole track.
    first = [td.get_text() for td in rows[0].select("td")]
    last = [td.get_text() for td in rows[-1].select("td")]
    assert first == [km_text(0, lang), "400"]
    assert last == [km_text(length_m(points), lang), "1.000" if lang == "vi" else "1,000"]


def test_the_page_links_its_gpx_as_an_alternate_and_offers_the_downloads(client, climb):
    page, _points = climb
    soup = soup_of(client.get(page_url(page, "en")))
    alternate = soup.select_one('link[rel=alternate][type="application/gpx+xml"]')
    assert alternate["href"] == f"/api/routes/{page.pk}.gpx?lang=en"
    geojson = soup.select_one('link[rel=alternate][type="application/geo+json"]')
    assert geojson["href"] == f"/api/routes/{page.pk}.geojson?lang=en"
    download = soup.select_one('a[type="application/gpx+xml"]')
    assert download["href"] == alternate["href"] and download.has_attr("download")
    assert client.get(alternate["href"]).status_code == 200


def test_the_track_and_stops_are_on_the_map_with_local_leaflet(client, test_site):
    page, places, points = journey(test_site)
    soup = soup_of(client.get(page_url(page, "en")))
    options = json.loads(soup.select_one("[data-route-map]")["data-route-map"])
    assert options["lines"][0][0] == pytest.approx(points[0][:2])
    assert options["lines"][0][-1] == pytest.approx(points[-1][:2])
    assert [stop["n"] for stop in options["stops"]] == [1, 2, 3, 4, 5]
    assert [(s["lat"], s["lon"]) for s in options["stops"]] == [
        (p.latitude, p.longitude) for p in places
    ]
    scripts = [s["src"] for s in soup.select("script[src]")]
    assert any(src.endswith("villages/vendor/leaflet/leaflet.js") for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)


def test_the_stops_are_listed_with_their_distance_along_the_route(client, test_site):
    page, places, points = journey(test_site)
    soup = soup_of(client.get(page_url(page, "en")))
    stops = soup.select(".route-stops li")
    assert [li.a.get_text() for li in stops] == [p.title_en for p in places]
    assert [li.a["href"] for li in stops] == [page_url(p, "en") for p in places]
    kms = [li.select_one(".route-stops__km").get_text() for li in stops]
    assert kms == [
        f"at {km_text(haversine_m(points[0], [p.latitude, p.longitude]), 'en')} km" for p in places
    ]
    stages = soup.select(".route-stages > ol > li")
    assert [s.h3.get_text() for s in stages] == [
        "Day 1: to the night's homestay",
        "Day 2: to the last homestay",
    ]
    night = [places[2].latitude, places[2].longitude]
    day_1 = km_text(haversine_m(points[0], night), "en")
    day_2 = km_text(haversine_m(night, points[-1]), "en")
    assert [s.p.get_text().split()[:2] for s in stages] == [[day_1, "km"], [day_2, "km"]]


def test_the_json_ld_is_a_tourist_trip_whose_itinerary_lists_the_stops(client, test_site):
    page, places, _points = journey(test_site)
    soup = soup_of(client.get(page_url(page, "en")))
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    trip = next(n for b in blocks for n in b["@graph"] if n.get("@type") == "TouristTrip")
    assert trip["name"] == page.title_en
    items = trip["itinerary"]["itemListElement"]
    assert trip["itinerary"]["@type"] == "ItemList" and len(items) == 5
    assert [item["position"] for item in items] == [1, 2, 3, 4, 5]
    assert [item["item"]["name"] for item in items] == [p.title_en for p in places]
    assert [item["item"]["@type"] for item in items] == [
        "LodgingBusiness",
        "TouristDestination",
        "LodgingBusiness",
        "TouristAttraction",
        "LodgingBusiness",
    ]
    assert trip["subjectOf"]["encodingFormat"] == "application/gpx+xml"


def test_the_safety_block_gives_emergency_numbers_and_the_border_zone_warning(client, climb):
    page, _points = climb
    soup = soup_of(client.get(page_url(page, "en")))
    numbers = [a["href"] for a in soup.select(".route-safety .emergency-numbers a")]
    assert numbers == ["tel:113", "tel:114", "tel:115"]
    assert "check before travel" in soup.select_one(".route-practical").get_text()
    assert "No phone signal on the test ridge." in soup.select_one(".route-safety").get_text()


def test_the_offline_box_lists_what_is_saved_and_says_tiles_are_not(client, test_site):
    page = test_site.route
    url = page_url(page, "vi")
    soup = soup_of(client.get(url))
    box = soup.select_one("[data-offline-files]")
    files = json.loads(box["data-offline-files"])
    assert files["page"] == url
    assert files["gpx"] == f"/api/routes/{page.pk}.gpx?lang=vi"
    assert files["geojson"] == f"/api/routes/{page.pk}.geojson?lang=vi"
    assert len(files["images"]) == 1 and files["images"][0].startswith("/media/")
    assert "/static/portal/css/site.css" in files["assets"]
    assert not any("tile" in url for url in files["assets"] + files["images"])
    assert box["data-sw-url"] == "/sw.js"
    # Whatever the tile server (a setting), the visitor is told its tiles are not kept.
    assert "Nền bản đồ không được lưu" in box.get_text()


def test_the_service_worker_is_served_from_the_root_with_a_site_wide_scope(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert 'addEventListener("fetch"' in body
    assert "(admin|documents" in body  # the admin is never served from a cache


def test_the_index_lists_every_route_with_its_figures(client, test_site, climb):
    page, points = climb
    draft = add_route(route_index(), title_en="Test draft route")
    draft.unpublish()
    soup = soup_of(client.get(page_url(test_site.routes, "en")))
    cards = {card.select_one(".card-title").get_text(): card for card in soup.select(".route-card")}
    assert set(cards) == {test_site.route.title_en, page.title_en}
    meta = cards[page.title_en].select(".place-card__meta")[1].get_text()
    assert meta.split()[:2] == [km_text(length_m(points), "en"), "km"]
    hours, minutes = divmod(naismith_minutes(length_m(points), rise_m(points)), 60)
    assert f"{hours} h {minutes} min" in meta


def test_the_home_page_has_a_routes_section(client, test_site):
    soup = soup_of(client.get(page_url(test_site.home, "en")))
    section = soup.select_one('section[aria-labelledby="section-routes"]')
    links = [a["href"] for a in section.select(".card-link")]
    assert links == [page_url(test_site.route, "en")]
    assert section.select_one(".more-link")["href"] == page_url(test_site.routes, "en")


def test_a_route_without_a_track_yet_still_renders(client):
    from tests.factories import add_page

    page = add_page(route_index(), RoutePage, title_en="No track yet")
    soup = soup_of(client.get(page_url(page, "en")))
    assert "not been uploaded yet" in soup.select_one(".route-figures").get_text()
    assert client.get(f"/api/routes/{page.pk}.gpx").status_code == 404


def test_the_map_page_lists_the_routes_and_draws_them_from_the_geojson(client, test_site):
    page = test_site.route
    soup = soup_of(client.get(page_url(test_site.map, "en")))
    item = soup.select_one(f"#route-{page.pk}")
    assert item.a["href"] == absolute_url(page_url(page, "en"))
    options = json.loads(soup.select_one("[data-places-map]")["data-places-map"])
    features = client.get(options["geojson"]).json()["features"]
    assert [f["id"] for f in features if f["id"].startswith("route-")] == [f"route-{page.pk}"]


def test_a_track_without_elevations_shows_distance_and_time_but_no_profile(client):
    from tests.routes.helpers import make_route

    flat = [[21.50 + 0.001 * i, 107.40, None] for i in range(20)]
    page = make_route(points=flat)
    soup = soup_of(client.get(page_url(page, "en")))
    distance = soup.select_one("[data-figure=distance]").get_text()
    assert distance.split()[:2] == [km_text(length_m(flat), "en"), "km"]
    assert soup.select_one("[data-figure=duration]")
    assert soup.select_one("[data-figure=ascent]") is None
    assert soup.select_one("svg.profile-svg") is None
    assert soup.select_one("[data-route-map]")
