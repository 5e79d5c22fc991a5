"""A map with more places of a type than it draws at once (issue 16: 5,000 homestays
were 2.6 MB of GeoJSON on a phone): the map loads each type on its own, at most a
page of features; a type whose answer has a ``next`` link is drawn in part, a note
says so in the page's language, and after the visitor moves or zooms the map that
type is loaded again for the visible area only.

The served test site has 3 homestays; the test answers the map's first homestay
request with 2 of them and a ``next`` link, as the server would for a crowded type."""

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The served test site: 2 villages, 3 homestays, 2 attractions, 1 route.
VILLAGES, HOMESTAYS, ATTRACTIONS, ROUTES = 2, 3, 2, 1
NOTE = {
    "vi": "Ở mức thu phóng này, bản đồ chưa vẽ hết các địa điểm",
    "en": "Not every place is drawn at this zoom",
}


def crowd_the_homestays(page):
    """Answer the first homestay request with two features and a next link, and a
    homestay request for an area with all three (wherever the view is); let every
    other request through. Returns the query of every GeoJSON request made."""
    asked = []

    def handle(route):
        query = parse_qs(urlparse(route.request.url).query)
        asked.append(query)
        if query.get("type") == ["homestay"] and "bbox" not in query:
            real = route.fetch()
            collection = json.loads(real.text())
            collection["features"] = collection["features"][:2]
            collection["numberReturned"] = 2
            collection["links"].append(
                {
                    "href": route.request.url + "&offset=2",
                    "rel": "next",
                    "type": "application/geo+json",
                }
            )
            route.fulfill(response=real, body=json.dumps(collection))
        elif query.get("type") == ["homestay"]:
            everywhere = re.sub(r"&bbox=[^&]*", "", route.request.url)
            route.fulfill(response=route.fetch(url=everywhere))
        else:
            route.continue_()

    page.route("**/api/places.geojson?*", handle)
    return asked


def markers(page):
    return page.locator(".places-map path.leaflet-interactive")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_crowded_type_is_drawn_in_part_with_a_note_then_loaded_for_the_view(
    page, site_url, site_pages, lang
):
    asked = crowd_the_homestays(page)
    page.goto(f"{site_url}{site_pages['map'][lang]}")
    drawn_first = VILLAGES + 2 + ATTRACTIONS + ROUTES
    expect(markers(page)).to_have_count(drawn_first, timeout=15_000)
    note = page.locator("[data-map-crowded]")
    note.wait_for(state="visible", timeout=5_000)
    assert note.inner_text().startswith(NOTE[lang])
    # Each type asked for once, on its own, a page at a time.
    first = sorted(q["type"][0] for q in asked)
    assert first == ["attraction", "homestay", "route", "village"]
    assert all(q["limit"] == ["500"] and "bbox" not in q for q in asked)

    page.locator(".leaflet-control-zoom-in").click()
    everything = VILLAGES + HOMESTAYS + ATTRACTIONS + ROUTES
    expect(markers(page)).to_have_count(everything, timeout=15_000)
    again = asked[4:]
    assert [q["type"] for q in again] == [["homestay"]]  # only the crowded type
    west, south, east, north = (float(v) for v in again[0]["bbox"][0].split(","))
    assert west < east and south < north
    assert 107 < west < 108 and 21 < south < 22  # the view over Bình Liêu
    note.wait_for(state="hidden", timeout=5_000)
    assert markers(page).count() == everything


def test_see_it_on_the_map_opens_the_map_on_that_place_with_its_popup(page, site_url, site_pages):
    asked = crowd_the_homestays(page)  # the first answer leaves out the third homestay
    page.goto(f"{site_url}{site_pages['homestay3']['en']}")
    title = page.locator("h1").inner_text().strip()
    page.locator(".place-map figcaption a").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(title, timeout=15_000)
    # It came from the reload of the view around it, not from the first answer.
    assert any(q.get("type") == ["homestay"] and "bbox" in q for q in asked)
    assert page.locator(f"#{page.url.split('#')[1]}").inner_text().strip().startswith(title)
