"""A tourist reads a route in either language: figures, profile, track, stops, downloads."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from modeltranslation.utils import build_localized_fieldname

from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db

SPINE = {"vi": "/vi/cung-duong/song-lung-khung-long/", "en": "/en/routes/dinosaurs-spine/"}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def spine():
    return RoutePage.objects.get(slug_en="dinosaurs-spine")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dinosaurs_spine_shows_distance_ascent_time_and_difficulty(client, lang):
    page = spine()
    soup = soup_of(client.get(SPINE[lang]))
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == getattr(page, build_localized_fieldname("title", lang))
    distance = soup.select_one("[data-figure=distance]").get_text()
    decimal = "," if lang == "vi" else "."
    assert f"2{decimal}1 km" in distance or f"2{decimal}0 km" in distance
    assert f"{page.ascent_m} m" in soup.select_one("[data-figure=ascent]").get_text()
    duration = soup.select_one("[data-figure=duration]").get_text()
    assert re.search(r"\d+ (h|min|giờ|phút)", duration)
    badge = soup.select_one(".difficulty-badge--hard")
    assert badge is not None and badge.get_text().strip()
    assert soup.select_one(".difficulty-explanation").get_text().strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_elevation_profile_is_an_inline_svg_with_a_text_alternative(client, lang):
    soup = soup_of(client.get(SPINE[lang]))
    svg = soup.select_one("svg.profile-svg")
    assert svg["role"] == "img"
    assert svg.title.get_text() and svg.desc.get_text()
    assert svg.select_one("polyline.profile-line")["points"].count(",") >= 50
    assert "," not in svg.select_one("line.grid")["y1"]  # SVG numbers are never localised
    rows = soup.select(".profile-table tbody tr")
    assert len(rows) == 11
    assert soup.select_one(".profile-table th").get_text()


def test_the_page_links_its_gpx_as_an_alternate_and_offers_the_downloads(client):
    page = spine()
    soup = soup_of(client.get(SPINE["en"]))
    alternate = soup.select_one('link[rel=alternate][type="application/gpx+xml"]')
    assert alternate["href"] == f"/api/routes/{page.pk}.gpx?lang=en"
    assert soup.select_one('link[rel=alternate][type="application/geo+json"]')
    download = soup.select_one('a[type="application/gpx+xml"]')
    assert download["href"] == alternate["href"] and download.has_attr("download")
    assert client.get(alternate["href"]).status_code == 200


def test_the_track_and_stops_are_on_the_map_with_local_leaflet(client):
    page = spine()
    soup = soup_of(client.get(SPINE["en"]))
    options = json.loads(soup.select_one("[data-route-map]")["data-route-map"])
    assert options["lines"][0][0] == [page.line[0][0], page.line[0][1]]
    assert [stop["n"] for stop in options["stops"]] == [1]
    scripts = [s["src"] for s in soup.select("script[src]")]
    assert any(src.endswith("villages/vendor/leaflet/leaflet.js") for src in scripts)
    assert all(src.startswith("/static/") for src in scripts)


def test_the_stops_are_listed_with_their_distance_along_the_route(client):
    soup = soup_of(client.get("/en/routes/luc-ngu-to-khe-tien/"))
    stops = soup.select(".route-stops li")
    assert len(stops) == 8
    kms = [float(li.select_one(".route-stops__km").get_text().split()[1]) for li in stops]
    assert kms == sorted(kms) and kms[0] == 0.0 and kms[-1] > 25
    assert stops[0].a["href"].startswith("/en/villages/luc-ngu/")
    stages = soup.select(".route-stages > ol > li")
    assert [s.h3.get_text() for s in stages] == [
        "Day 1: Lục Ngù to Sông Moóc",
        "Day 2: Sông Moóc to Khe Tiền",
    ]


def test_the_json_ld_is_a_tourist_trip_whose_itinerary_lists_the_stops(client):
    soup = soup_of(client.get("/en/routes/luc-ngu-to-khe-tien/"))
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    trip = next(n for b in blocks for n in b["@graph"] if n.get("@type") == "TouristTrip")
    assert trip["name"] == "Two villages, two peoples: Lục Ngù to Khe Tiền"
    items = trip["itinerary"]["itemListElement"]
    assert trip["itinerary"]["@type"] == "ItemList" and len(items) == 8
    assert [item["position"] for item in items] == list(range(1, 9))
    assert items[0]["item"]["@type"] == "LodgingBusiness"
    assert items[1]["item"]["@type"] == "TouristDestination"
    assert trip["subjectOf"]["encodingFormat"] == "application/gpx+xml"


def test_the_safety_block_gives_emergency_numbers_and_the_border_zone_warning(client):
    soup = soup_of(client.get(SPINE["en"]))
    numbers = [a["href"] for a in soup.select(".emergency-numbers a")]
    assert numbers == ["tel:113", "tel:114", "tel:115"]
    assert "check before travel" in soup.select_one(".route-practical").get_text()
    assert soup.select_one(".route-safety").get_text().count("signal")


def test_the_offline_box_lists_what_is_saved_and_says_tiles_are_not(client):
    page = spine()
    soup = soup_of(client.get(SPINE["vi"]))
    box = soup.select_one("[data-offline-files]")
    files = json.loads(box["data-offline-files"])
    assert files["page"] == SPINE["vi"]
    assert files["gpx"] == f"/api/routes/{page.pk}.gpx?lang=vi"
    assert files["images"] and all(url.startswith("/media/") for url in files["images"])
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


def test_the_index_lists_every_route_with_its_figures(client):
    soup = soup_of(client.get("/en/routes/"))
    cards = soup.select(".route-card")
    assert len(cards) == RoutePage.objects.live().count() >= 4
    assert "km" in cards[0].get_text()


def test_the_home_page_has_a_routes_section(client):
    html = client.get("/en/").content.decode()
    assert "/en/routes/dinosaurs-spine/" in html


def test_a_route_without_a_track_yet_still_renders(client):
    from portal.i18n import page_url
    from tests.factories import add_page
    from tests.routes.helpers import route_index

    page = add_page(route_index(), RoutePage, title_en="No track yet")
    soup = soup_of(client.get(page_url(page, "en")))
    assert "not been uploaded yet" in soup.get_text()
    assert client.get(f"/api/routes/{page.pk}.gpx").status_code == 404


def test_the_map_page_lists_the_routes_and_draws_them_from_the_geojson(client):
    page = spine()
    soup = soup_of(client.get("/en/map/"))
    item = soup.select_one(f"#route-{page.pk}")
    assert item is not None and item.a["href"].endswith("/en/routes/dinosaurs-spine/")
    options = json.loads(soup.select_one("[data-places-map]")["data-places-map"])
    features = client.get(options["geojson"]).json()["features"]
    assert any(f["id"] == f"route-{page.pk}" for f in features)


def test_a_track_without_elevations_shows_distance_and_time_but_no_profile(client):
    from portal.i18n import page_url
    from tests.routes.helpers import make_route

    flat = [[21.50 + 0.001 * i, 107.40, None] for i in range(20)]
    page = make_route(points=flat)
    soup = soup_of(client.get(page_url(page, "en")))
    assert soup.select_one("[data-figure=distance]") and soup.select_one("[data-figure=duration]")
    assert soup.select_one("[data-figure=ascent]") is None
    assert soup.select_one("svg.profile-svg") is None
    assert soup.select_one("[data-route-map]")
