"""The homestay finder: filters, sorts, pagination and lenient parameters.

The homestays searched are the test site's three (their values are the literals of
tests/factories/site.py, copied in ``SITE_HOMESTAYS``) and, for the tests that take
the ``houses`` fixture, three more made here. Every expected list is worked out in
the test from these values (``expected``), never read back from the finder.
"""

import math
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from tests.factories.places import add_listing_homestay
from villages.models import HomestayFinderPage

pytestmark = pytest.mark.django_db

# The test site's finder page (tests/factories/site.py).
FINDER_VI = "/vi/tim-homestay-thu/"
FINDER_EN = "/en/find-a-test-homestay/"


@dataclass(frozen=True)
class House:
    title_en: str
    title_vi: str
    village: str  # "village" or "village2" of the test site
    capacity: int
    price_min: int
    price_max: int
    amenities: frozenset
    host: str | None = None
    latitude: float | None = None
    longitude: float | None = None


# The test site's homestays, as tests/factories/site.py defines them; the village
# is in the "north" commune (former name "Thử Cũ"), village2 in the "south" one.
SITE_HOMESTAYS = [
    House(
        "Peach Blossom Test Homestay",
        "Nhà nghỉ Hoa Đào Thử",
        "village",
        6,
        250_000,
        350_000,
        frozenset({"hot-water", "meals"}),
        "san-chi",
    ),
    House(
        "Early Mist Test Homestay",
        "Nhà nghỉ Sương Sớm Thử",
        "village",
        2,
        500_000,
        700_000,
        frozenset({"wifi"}),
    ),
    House(
        "Streamside Test Homestay",
        "Nhà nghỉ Bên Suối Thử",
        "village2",
        10,
        150_000,
        200_000,
        frozenset({"hot-water", "wifi"}),
        "tay",
    ),
]
COMMUNE_OF = {"village": "xa-thu-bac", "village2": "xa-thu-nam"}
# Made by the ``houses`` fixture; positions relative to the village they are in.
MORE_HOMESTAYS = [
    # 0.0090° north of village2: 1.0 km away.
    House(
        "Riverbank Finder House",
        "Nhà Bờ Sông Tìm Thử",
        "village2",
        12,
        120_000,
        180_000,
        frozenset({"meals"}),
        "dao-thanh-phan",
        0.0090,
        0.0,
    ),
    House(
        "Ridge Finder House",
        "Nhà Sống Núi Tìm Thử",
        "village2",
        6,
        400_000,
        480_000,
        frozenset({"hot-water", "meals", "wifi"}),
        None,
        -0.0020,
        0.0015,
    ),
    House(
        "Hillside Finder House",
        "Nhà Sườn Đồi Tìm Thử",
        "village",
        8,
        380_000,
        450_000,
        frozenset({"hot-water", "wifi"}),
        "dao-thanh-phan",
        0.0030,
        -0.0020,
    ),
]


@pytest.fixture
def houses(test_site):
    """The three homestays of ``MORE_HOMESTAYS``, published: {title_en: page}."""
    made = {}
    for house in MORE_HOMESTAYS:
        village = getattr(test_site, house.village)
        host = test_site.group(house.host) if house.host else None
        made[house.title_en] = add_listing_homestay(
            village,
            amenities=house.amenities,
            title_en=house.title_en,
            title_vi=house.title_vi,
            capacity=house.capacity,
            price_min=house.price_min,
            price_max=house.price_max,
            host_ethnic_group=host,
            latitude=round(float(village.latitude) + house.latitude, 5),
            longitude=round(float(village.longitude) + house.longitude, 5),
        )
    return made


def expected(
    houses=SITE_HOMESTAYS + MORE_HOMESTAYS,
    village=None,
    commune=None,
    guests=None,
    max_price=None,
    amenities=(),
    host=None,
):
    """The titles (English) of ``houses`` a search should find, cheapest first."""
    found = [
        h
        for h in houses
        if (village is None or h.village == village)
        and (commune is None or COMMUNE_OF[h.village] == commune)
        and (guests is None or h.capacity >= guests)
        and (max_price is None or h.price_min <= max_price)
        and set(amenities) <= h.amenities
        and (host is None or h.host == host)
    ]
    assert found, "every search here is built to find something"
    return [h.title_en for h in sorted(found, key=lambda h: (h.price_min, h.price_max))]


SITE_TITLES = {h.title_en for h in SITE_HOMESTAYS}


def km_between(a, b):
    """Haversine distance in km between two things with latitude and longitude."""
    lat1, lon1, lat2, lon2 = map(
        math.radians, map(float, (a.latitude, a.longitude, b.latitude, b.longitude))
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".homestay-card h3 a")]


def notices(response):
    return [li.get_text(strip=True) for li in soup_of(response).select(".notice--warning li")]


def results_heading(response):
    return soup_of(response).select_one("#results-heading").get_text(strip=True)


def test_the_finder_lists_every_published_homestay_cheapest_first(client, houses):
    response = client.get(FINDER_EN)
    assert response.status_code == 200
    assert titles(response) == expected()


def test_six_guests_hot_water_up_to_400000_finds_the_matching_homestays_cheapest_first(
    client, houses
):
    response = client.get(FINDER_EN, {"guests": 6, "amenity": "hot-water", "max_price": 400000})
    wanted = expected(guests=6, amenities={"hot-water"}, max_price=400_000)
    # The Ridge house asks exactly 400,000: the limit is inclusive.
    assert "Ridge Finder House" in wanted
    assert titles(response) == wanted
    assert results_heading(response) == f"{len(wanted)} homestays found"


def test_the_same_search_in_vietnamese_shows_the_same_homestays_with_vietnamese_names(
    client, houses
):
    response = client.get(FINDER_VI, {"guests": 6, "amenity": "hot-water", "max_price": 400000})
    vietnamese = {h.title_en: h.title_vi for h in SITE_HOMESTAYS + MORE_HOMESTAYS}
    wanted = expected(guests=6, amenities={"hot-water"}, max_price=400_000)
    assert titles(response) == [vietnamese[t] for t in wanted]
    assert soup_of(response).html["lang"] == "vi"


def test_the_village_filter_keeps_only_that_villages_homestays(client, test_site, houses):
    response = client.get(FINDER_EN, {"village": test_site.village.pk})
    assert titles(response) == expected(village="village")


def test_the_commune_filter_uses_the_villages_commune(client, houses):
    response = client.get(FINDER_EN, {"commune": "xa-thu-nam"})
    assert titles(response) == expected(commune="xa-thu-nam")


def test_a_former_commune_name_in_the_url_finds_todays_commune(client, houses):
    by_alias = client.get(FINDER_EN, {"commune": "thu-cu"})  # "Thử Cũ", now xã Thử Bắc
    assert titles(by_alias) == expected(commune="xa-thu-bac")
    assert not notices(by_alias)


def test_the_commune_list_shows_former_names_as_aliases(client):
    options = soup_of(client.get(FINDER_VI)).select("#f-commune option")
    labels = {o["value"]: o.get_text(strip=True) for o in options}
    assert labels["xa-thu-bac"] == "xã Thử Bắc (Thử Cũ)"
    assert labels["xa-thu-nam"] == "xã Thử Nam"


def test_the_guests_filter_keeps_homestays_big_enough(client, houses):
    response = client.get(FINDER_EN, {"guests": 10})
    # The Streamside homestay takes exactly 10: big enough.
    assert titles(response) == expected(guests=10)
    assert "Streamside Test Homestay" in titles(response)


def test_the_price_filter_compares_the_lowest_listed_price(client, houses):
    response = client.get(FINDER_EN, {"max_price": "150.000"})
    # Streamside asks 150,000 to 200,000: its lowest price is within the limit.
    assert titles(response) == expected(max_price=150_000)
    assert "Streamside Test Homestay" in titles(response)


def test_every_selected_amenity_must_match(client, houses):
    one = titles(client.get(FINDER_EN, {"amenity": "wifi"}))
    both = titles(client.get(FINDER_EN, {"amenity": ["wifi", "meals"]}))
    assert one == expected(amenities={"wifi"})
    assert both == expected(amenities={"wifi", "meals"})
    assert len(both) < len(one)


def test_the_host_ethnic_group_filter(client, houses):
    response = client.get(FINDER_EN, {"ethnic_group": "dao-thanh-phan"})
    assert titles(response) == expected(host="dao-thanh-phan")


def test_filters_combine_village_group_and_amenity(client, test_site, houses):
    params = {
        "village": test_site.village2.pk,
        "ethnic_group": "dao-thanh-phan",
        "amenity": "meals",
    }
    found = titles(client.get(FINDER_EN, params))
    assert found == expected(village="village2", host="dao-thanh-phan", amenities={"meals"})
    # Each filter alone finds more: the result is their intersection.
    assert len(found) < len(expected(village="village2"))
    assert len(found) < len(expected(host="dao-thanh-phan"))
    assert len(found) < len(expected(amenities={"meals"}))


def test_sorting_by_capacity_puts_the_largest_first(client, houses):
    found = titles(client.get(FINDER_EN, {"sort": "capacity"}))
    everything = SITE_HOMESTAYS + MORE_HOMESTAYS
    # Equal capacities (Peach Blossom and Ridge take 6) go cheapest first.
    largest_first = sorted(everything, key=lambda h: (-h.capacity, h.price_min))
    assert found == [h.title_en for h in largest_first]


def test_sorting_by_distance_from_a_village_puts_its_own_homestays_first(client, test_site, houses):
    village2 = test_site.village2
    response = client.get(FINDER_EN, {"sort": "distance", "near": village2.pk})
    pages = {**{h.title_en: h for h in test_site.homestays}, **houses}
    nearest_first = sorted(pages, key=lambda title: km_between(village2, pages[title]))
    found = titles(response)
    assert found == nearest_first
    # The two houses built a few hundred metres from it come first.
    assert set(found[:2]) == {"Riverbank Finder House", "Ridge Finder House"}
    card = next(
        c
        for c in soup_of(response).select(".homestay-card")
        if c.h3.get_text(strip=True) == "Riverbank Finder House"
    )
    assert "1.0 km away" in card.select_one(".homestay-card__meta").get_text(" ", strip=True)


def test_sorting_by_distance_combines_with_filters(client, test_site, houses):
    village = test_site.village
    params = {
        "sort": "distance",
        "near": village.pk,
        "amenity": "hot-water",
        "guests": 6,
        "max_price": 400000,
    }
    found = titles(client.get(FINDER_EN, params))
    pages = {**{h.title_en: h for h in test_site.homestays}, **houses}
    wanted = expected(guests=6, amenities={"hot-water"}, max_price=400_000)
    assert found == sorted(wanted, key=lambda title: km_between(village, pages[title]))
    assert found != wanted  # not the cheapest-first order


def test_sorting_by_distance_without_a_village_falls_back_to_price_with_a_notice(client, houses):
    response = client.get(FINDER_EN, {"sort": "distance"})
    assert response.status_code == 200
    assert notices(response) == ["Choose a village to sort by distance from it; sorted by price."]
    assert titles(response) == expected()


def test_results_are_paginated_and_page_links_keep_the_filters(client, test_site, houses):
    for _ in range(14):
        add_listing_homestay(
            test_site.village, amenities={"hot-water"}, capacity=8, price_min=90000
        )
    matching = 14 + len(expected(amenities={"hot-water"}, guests=6))
    first = client.get(FINDER_EN, {"amenity": "hot-water", "guests": 6})
    assert results_heading(first) == f"{matching} homestays found"
    assert len(titles(first)) == 12
    next_link = soup_of(first).select_one("a[rel=next]")["href"]
    assert next_link.startswith("?")
    assert "amenity=hot-water" in next_link and "guests=6" in next_link
    second = client.get(f"{FINDER_EN}{next_link}")
    assert len(titles(second)) == matching - 12
    assert not set(titles(first)) & set(titles(second))


def test_a_page_beyond_the_last_shows_the_last_page_with_a_notice(client):
    response = client.get(FINDER_EN, {"page": 9999})
    assert response.status_code == 200
    assert set(titles(response)) == SITE_TITLES
    assert notices(response) == ["The results fit on 1 page; showing it."]


def test_the_form_shows_the_values_in_use_so_the_url_can_be_shared(client):
    response = client.get(FINDER_EN, {"guests": "6", "amenity": "hot-water", "max_price": "400000"})
    soup = soup_of(response)
    form = soup.select_one("form.finder-form")
    assert form["method"] == "get"
    assert soup.select_one("#f-guests")["value"] == "6"
    assert soup.select_one("#f-price")["value"] == "400000"
    assert soup.select_one("input[name=amenity][value=hot-water]").has_attr("checked")
    assert not soup.select_one("input[name=amenity][value=wifi]").has_attr("checked")


def test_drafts_and_private_homestays_never_appear(client, test_site):
    add_listing_homestay(test_site.village, publish_it=False, title_en="Draft house")
    private = add_listing_homestay(test_site.village, title_en="Private house")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    visible = add_listing_homestay(test_site.village, title_en="Public house")
    found = set(titles(client.get(FINDER_EN)))
    assert found == SITE_TITLES | {visible.title_en}


@pytest.mark.parametrize(
    ("params", "expected_notice"),
    [
        ({"guests": "six"}, "whole number"),
        ({"guests": "-3"}, "at least 1"),
        ({"guests": "100000"}, "more than"),
        ({"max_price": "cheap"}, "number in dong"),
        ({"max_price": "-5"}, "negative"),
        ({"amenity": "jacuzzi"}, "jacuzzi"),
        ({"village": "abc"}, "village"),
        ({"village": "999999"}, "village"),
        ({"commune": "atlantis"}, "commune"),
        ({"ethnic_group": "martians"}, "ethnic group"),
        ({"sort": "random"}, "sorted by price"),
        ({"page": "9999"}, "showing"),
    ],
)
def test_bad_parameters_give_a_page_with_a_clear_message(client, params, expected_notice):
    response = client.get(FINDER_EN, params)
    assert response.status_code == 200
    [notice] = notices(response)
    assert expected_notice in notice


def test_negative_guests_are_clamped_to_one(client):
    response = client.get(FINDER_EN, {"guests": "-3"})
    assert soup_of(response).select_one("#f-guests")["value"] == "1"
    assert set(titles(response)) == SITE_TITLES


def test_a_letter_page_number_shows_the_first_page_silently(client):
    response = client.get(FINDER_EN, {"page": "abc"})
    assert response.status_code == 200
    assert set(titles(response)) == SITE_TITLES
    assert not notices(response)


FINDER_PARAMETERS = [
    "village",
    "commune",
    "guests",
    "max_price",
    "amenity",
    "ethnic_group",
    "sort",
    "near",
    "page",
]
HOSTILE_VALUES = [
    "\x00",
    "6\x00",
    "\x00'; DROP TABLE villages_homestaypage; --",
    "²",
    "①",
    "٣",
    "6²",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999",
    "-1",
    "1e308",
    "nan",
    "-inf",
    "4.5",
    "<script>alert(1)</script>",
    "\u202e",
    " ",
]
hostile_value = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
# A list of values repeats the parameter: ?guests=1&guests=%C2%B2
params_strategy = st.dictionaries(
    st.sampled_from(FINDER_PARAMETERS),
    st.one_of(hostile_value, st.lists(hostile_value, min_size=2, max_size=4)),
    max_size=6,
)


def has_control_characters(params):
    values = [
        v for value in params.values() for v in ([value] if isinstance(value, str) else value)
    ]
    return any(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", v) for v in values)


def error_messages(response):
    soup = soup_of(response)
    return [li.get_text(strip=True) for li in soup.select(".notice--error li")]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=params_strategy)
@example(params={"guests": "\x00"})
@example(params={"commune": "xa-thu\x00bac", "amenity": ["hot-water", "\x00"]})
@example(params={"village": "\x00'; DROP TABLE villages_homestaypage; --"})
@example(params={"page": ["1", "\x1b[2J"], "sort": "\x7f"})
@example(params={"max_price": "²", "near": "①"})
@example(params={"guests": ["6", "9223372036854775808"]})
def test_no_combination_of_parameters_gives_a_server_error(client, params):
    """NUL and other control characters are sent as they are (they are what caused the
    500s): the site-wide guard refuses them with a 400 that names the parameter. Every
    other value gives the finder page: 200 (with a notice at worst), or 400 with the
    page's own list of what could not be used."""
    response = client.get(FINDER_EN, params)
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    if has_control_characters(params):
        assert response.status_code == 400
        assert "contains control characters" in body
    elif response.status_code == 400:
        assert error_messages(response), body[:500]
        assert not titles(response)
    else:
        assert response.status_code == 200
        assert not error_messages(response)


@pytest.mark.parametrize("value", ["-1e3", "4.5e1", "six", "1e308"])
@pytest.mark.parametrize("name", ["guests", "max_price", "village", "near", "page"])
def test_numbers_written_in_words_or_decimals_are_ignored_not_an_error(client, name, value):
    response = client.get(FINDER_EN, {name: value})
    assert response.status_code == 200
    assert not error_messages(response)
    assert set(titles(response)) == SITE_TITLES


LABELS = {
    "guests": "Guests",
    "max_price": "Maximum price per night (VND)",
    "village": "Village",
    "near": "Distance from",
    "page": "Page",
}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("²", "digits 0-9"),
        ("①", "digits 0-9"),
        ("٣", "digits 0-9"),
        ("１２", "digits 0-9"),
        ("6²", "digits 0-9"),
        ("9223372036854775808", "too large"),
        ("-9223372036854775809", "too large"),
        ("99999999999999999999999999", "too large"),
    ],
)
@pytest.mark.parametrize("name", sorted(LABELS))
def test_unicode_digits_and_out_of_range_numbers_are_a_400_naming_the_field(
    client, name, value, message
):
    response = client.get(FINDER_EN, {name: value})
    assert response.status_code == 400
    [error] = error_messages(response)
    assert error.startswith(f"{LABELS[name]}:") and message in error
    assert not titles(response)
    # The form is still there to correct the search.
    assert BeautifulSoup(response.content, "html.parser").select_one("form.finder-form #f-guests")


def test_the_400_for_a_malformed_number_is_in_vietnamese_on_the_vietnamese_page(client):
    response = client.get(FINDER_VI, {"guests": "①"})
    assert response.status_code == 400
    [error] = error_messages(response)
    assert error == "Số khách: Hãy nhập một số nguyên viết bằng các chữ số 0-9."
    too_large = client.get(FINDER_VI, {"max_price": "9" * 25})
    [error] = error_messages(too_large)
    assert error.endswith("Số này quá lớn.")


def test_a_repeated_parameter_is_judged_by_the_value_used_its_last(client):
    assert client.get(FINDER_EN, {"guests": ["²", "6"]}).status_code == 200
    assert client.get(FINDER_EN, {"guests": ["6", "²"]}).status_code == 400


def test_a_nul_character_in_a_finder_parameter_is_refused_with_a_message(client):
    response = client.get(FINDER_EN, {"commune": "xa-thu\x00bac"})
    assert response.status_code == 400
    assert "commune" in response.content.decode()


def test_a_repeated_parameter_uses_its_last_value(client, houses):
    response = client.get(FINDER_EN, {"guests": ["abc", "10"]})
    assert titles(response) == expected(guests=10)
    assert not notices(response)


def test_the_form_fields_have_labels_tied_to_their_controls(client):
    soup = BeautifulSoup(client.get(FINDER_VI).content, "html.parser")
    form = soup.select_one("form.finder-form")
    for control in form.select("select, input[type=number]"):
        label = form.select_one(f"label[for={control['id']}]")
        assert label is not None and label.get_text(strip=True), control["name"]
    for checkbox in form.select("input[type=checkbox]"):
        assert checkbox.find_parent("label").get_text(strip=True)
    assert form.select_one("#f-village option[value='']").get_text() == "Tất cả các bản"


def test_the_finder_page_exists_once_under_the_home_page(home, test_site):
    finder = HomestayFinderPage.objects.get()
    assert finder.pk == test_site.finder.pk
    assert finder.get_parent().pk == home.pk
    assert finder.show_in_menus


def test_a_homestay_published_after_a_search_leads_the_same_search_at_the_next_request(
    client, test_site, houses
):
    # The finder's count and pages are cached per content version (portal.cache).
    assert titles(client.get(FINDER_EN)) == expected()
    add_listing_homestay(test_site.village, title_en="Zq cheapest house", price_min=1, price_max=2)
    after = client.get(FINDER_EN)
    assert titles(after) == ["Zq cheapest house", *expected()]
    assert results_heading(after) == f"{len(expected()) + 1} homestays found"
