"""A section's listing shows one page of cards at a time (issue 16: a province's worth
of villages, sights or routes must not make one page of hundreds of cards), the
village page shows its cheapest homestays and sends to the finder for the rest, and
nearby sights are found without reading every sight of the site."""

import math

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from portal.i18n import page_url
from tests.factories.bulk import bulk_children
from tests.factories.places import add_attraction, add_homestay, add_village
from tests.factories.routes import DEFAULT_ENDS, straight_track
from villages.models import AttractionPage, VillagePage
from villages.models.queries import nearby_attractions
from villages.routes.models import RoutePage
from villages.routes.track import track_fields

pytestmark = pytest.mark.django_db

PER_PAGE = 24  # what a visitor sees per page, as the issue asks ("paginated")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def _village(n):
    return {
        "title_vi": f"Bản phân trang {n:02d}",
        "title_en": f"Paged village {n:02d}",
        "latitude": 21.5,
        "longitude": 107.4,
    }


def _attraction(n):
    return {
        "title_vi": f"Điểm phân trang {n:02d}",
        "title_en": f"Paged sight {n:02d}",
        "kind": "viewpoint",
        "latitude": 21.5,
        "longitude": 107.4,
        "best_months": [10],
    }


TRACK = None


def _route(n):
    global TRACK
    TRACK = TRACK or track_fields(straight_track(*DEFAULT_ENDS), "walk", "paged.gpx")
    return {
        "title_vi": f"Cung đường phân trang {n:02d}",
        "title_en": f"Paged route {n:02d}",
        "mode": "walk",
        "best_months": [3],
        **TRACK,
    }


SECTIONS = {
    "villages": (VillagePage, _village, "Paged village"),
    "attractions": (AttractionPage, _attraction, "Paged sight"),
    "routes": (RoutePage, _route, "Paged route"),
}


def _cards(response, word):
    titles = [t.get_text(strip=True) for t in soup_of(response).select("main .card-title")]
    return [title for title in titles if title.startswith(word)]


@pytest.mark.parametrize("section", SECTIONS)
def test_a_section_of_30_items_shows_24_then_the_last_6_with_links_between(
    client, test_site, section
):
    model, fields, word = SECTIONS[section]
    index = getattr(test_site, section)
    before = model.objects.live().child_of(index).count()
    with translation.override("vi"):
        bulk_children(index, model, range(30), fields, with_image=False)
    url = page_url(index, "en")

    first = client.get(url)
    second = client.get(url, {"page": 2})

    assert first.status_code == second.status_code == 200
    shown_first, shown_second = _cards(first, word), _cards(second, word)
    # Every item once over the two pages, the test site's own ones included.
    total = before + 30
    assert len(_cards(first, "")) == PER_PAGE
    assert len(soup_of(second).select("main .card-title")) == total - PER_PAGE
    assert set(shown_first).isdisjoint(shown_second)
    assert len(shown_first) + len(shown_second) == 30
    next_link = soup_of(first).select_one("nav.pagination a[rel=next]")
    assert next_link is not None and next_link["href"].endswith("page=2")
    assert soup_of(second).select_one("nav.pagination a[rel=prev]") is not None
    assert soup_of(second).select_one("nav.pagination a[rel=next]") is None


@pytest.mark.parametrize("section", SECTIONS)
def test_a_short_section_has_no_page_links(client, test_site, section):
    response = client.get(page_url(getattr(test_site, section), "vi"))
    assert response.status_code == 200
    assert soup_of(response).select("nav.pagination") == []


@pytest.mark.parametrize("value", ["abc", "0", "-3", "999"])
def test_a_page_number_no_link_gives_still_shows_a_page_of_villages(client, test_site, value):
    with translation.override("vi"):
        bulk_children(test_site.villages, VillagePage, range(30), _village, with_image=False)
    response = client.get(page_url(test_site.villages, "en"), {"page": value})
    assert response.status_code == 200
    # A word, zero or a negative number is the first page; past the end, the last.
    expected = 24 if value != "999" else 30 + 2 - 24
    assert len(soup_of(response).select("main .card-title")) == expected


@pytest.mark.parametrize("value", ["٣", "①", "99999999999999999999999"])
def test_a_malformed_page_number_is_refused_with_a_vietnamese_message(client, test_site, value):
    response = client.get(page_url(test_site.attractions, "vi"), {"page": value})
    assert response.status_code == 400
    alert = soup_of(response).select_one("main [role=alert]")
    assert alert is not None
    assert "Không dùng được số trang này" in alert.get_text()


def _homestay_titles(response):
    heading = soup_of(response).find(id="homestays-heading")
    return [a.get_text(strip=True) for a in heading.find_parent("section").select("h3 a")]


def test_a_village_with_14_homestays_shows_the_12_cheapest_and_links_to_the_finder_for_all(
    client, test_site
):
    village = add_village(test_site.villages, with_image=False)
    for n in range(14):  # prices 100,000 + n × 10,000 VND, added dearest first
        price = 100_000 + (13 - n) * 10_000
        add_homestay(
            village,
            with_image=False,
            title_en=f"House at {price}",
            price_min=price,
            price_max=price + 50_000,
        )

    response = client.get(page_url(village, "en"))

    titles = _homestay_titles(response)
    assert titles == [f"House at {100_000 + k * 10_000}" for k in range(12)]
    link = soup_of(response).find("a", string=lambda s: s and "every homestay" in s)
    assert link is not None
    listed, url = set(), link["href"]
    while url:  # the finder's own pages, through its "Next" links
        finder = client.get(url if url.startswith("/") else link["href"].split("?")[0] + url)
        assert finder.status_code == 200
        listed |= {a.get_text(strip=True) for a in soup_of(finder).select("main h3 a")}
        following = soup_of(finder).select_one("nav.pagination a[rel=next]")
        url = following["href"] if following else None
    assert {f"House at {100_000 + k * 10_000}" for k in range(14)} <= listed


def test_a_village_with_12_homestays_lists_them_all_without_a_finder_link(client, test_site):
    village = add_village(test_site.villages, with_image=False)
    for n in range(12):
        add_homestay(village, with_image=False, title_en=f"Small house {n:02d}")
    response = client.get(page_url(village, "en"))
    assert len(_homestay_titles(response)) == 12
    assert soup_of(response).find("a", string=lambda s: s and "every homestay" in s) is None


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6,371 km sphere, computed here independently."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_nearby_sights_at_the_edge_of_12_km_in_every_direction_are_kept_and_beyond_left_out(
    vietnamese, test_site
):
    # The south-east corner of the district, far from the test site's own sights.
    lat, lon = 21.46, 107.58
    place = add_village(test_site.villages, with_image=False, latitude=lat, longitude=lon)
    kept, left_out = [], []
    # Due west, due north and north-west, at 11.8 km and at 12.3 km.
    for km in (11.8, 12.3):
        for bearing in (0, 315, 270):
            d = km / 6371
            b = math.radians(bearing)
            p1 = math.radians(lat)
            p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
            l2 = math.radians(lon) + math.atan2(
                math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
            )
            point = (round(math.degrees(p2), 5), round(math.degrees(l2), 5))
            assert abs(haversine_km(lat, lon, *point) - km) < 0.05
            sight = add_attraction(
                test_site.attractions, with_image=False, latitude=point[0], longitude=point[1]
            )
            (kept if km < 12 else left_out).append(sight.pk)

    found = {attraction.pk for attraction, _km in nearby_attractions(place, limit=20)}

    assert set(kept) <= found
    assert found.isdisjoint(left_out)
