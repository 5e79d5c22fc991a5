"""The homestay finder: filters, sorts, pagination and lenient parameters."""

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.villages.helpers import make_homestay, village
from villages.models import HomestayFinderPage, HomestayPage

pytestmark = pytest.mark.django_db

FINDER_VI = "/vi/tim-homestay/"
FINDER_EN = "/en/homestay-finder/"


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".homestay-card h3 a")]


def slugs(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select(".homestay-card h3 a")]


def notices(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(strip=True) for li in soup.select(".notice--warning li")]


def all_demo_slugs():
    return set(HomestayPage.objects.live().values_list("slug_en", flat=True))


def test_the_finder_lists_every_published_homestay_cheapest_first(client):
    response = client.get(FINDER_EN)
    assert response.status_code == 200
    found = slugs(response)
    assert set(found) == all_demo_slugs()
    prices = [HomestayPage.objects.get(slug_en=s).price_min for s in found]
    assert prices == sorted(prices)


def test_six_guests_hot_water_under_400000_finds_the_three_matching_homestays(client):
    response = client.get(FINDER_EN, {"guests": 6, "amenity": "hot-water", "max_price": 400000})
    assert slugs(response) == [
        "san-chi-house-by-the-stream",
        "ban-cau-stilt-house",
        "song-mooc-homestay",
    ]
    assert "3 homestays found" in response.content.decode()


def test_the_same_search_in_vietnamese_shows_the_same_homestays_with_vietnamese_names(client):
    response = client.get(FINDER_VI, {"guests": 6, "amenity": "hot-water", "max_price": 400000})
    assert titles(response) == [
        "Nhà Sán Chỉ bên suối (mẫu)",
        "Nhà sàn Bản Cáu (mẫu)",
        "Homestay Sông Moóc (mẫu)",
    ]
    assert 'lang="vi"' in response.content.decode()


def test_the_village_filter_keeps_only_that_villages_homestays(client):
    luc_ngu = village("luc-ngu")
    response = client.get(FINDER_EN, {"village": luc_ngu.pk})
    assert set(slugs(response)) == {"san-chi-house-by-the-stream", "luc-ngu-loft"}


def test_the_commune_filter_uses_the_villages_commune(client):
    response = client.get(FINDER_EN, {"commune": "luc-hon"})
    assert set(slugs(response)) == {"ban-cau-stilt-house", "guesthouse-at-the-village-gate"}


def test_a_former_commune_name_in_the_url_finds_todays_commune(client):
    by_alias = client.get(FINDER_EN, {"commune": "huc-dong"})
    assert set(slugs(by_alias)) == {"san-chi-house-by-the-stream", "luc-ngu-loft"}
    assert not notices(by_alias)


def test_the_commune_list_shows_former_names_as_aliases(client):
    response = client.get(FINDER_VI)
    assert "xã Bình Liêu (Húc Động)" in response.content.decode()


def test_the_guests_filter_keeps_homestays_big_enough(client):
    response = client.get(FINDER_EN, {"guests": 11})
    assert set(slugs(response)) == {
        "homestay-a-dao",
        "song-moc-house",
        "ban-cau-stilt-house",
    }


def test_the_price_filter_compares_the_lowest_listed_price(client):
    response = client.get(FINDER_EN, {"max_price": "150.000"})
    assert set(slugs(response)) == {
        "homestay-a-dao",
        "song-moc-house",
        "khe-tien-rammed-earth-house",
    }


def test_every_selected_amenity_must_match(client):
    one = set(slugs(client.get(FINDER_EN, {"amenity": "wifi"})))
    both = set(slugs(client.get(FINDER_EN, {"amenity": ["wifi", "air-conditioning"]})))
    assert one == {
        "san-chi-house-by-the-stream",
        "guesthouse-at-the-village-gate",
        "song-mooc-homestay",
    }
    assert both == {"guesthouse-at-the-village-gate"}


def test_the_host_ethnic_group_filter(client):
    response = client.get(FINDER_EN, {"ethnic_group": "dao-thanh-phan"})
    assert set(slugs(response)) == {"khe-tien-rammed-earth-house", "song-mooc-homestay"}


def test_filters_combine_village_group_and_amenity(client):
    song_mooc = village("song-mooc-khe-tien")
    response = client.get(
        FINDER_EN,
        {"village": song_mooc.pk, "ethnic_group": "dao-thanh-phan", "amenity": "meals"},
    )
    assert set(slugs(response)) == {"khe-tien-rammed-earth-house", "song-mooc-homestay"}


def test_sorting_by_capacity_puts_the_largest_first(client):
    found = slugs(client.get(FINDER_EN, {"sort": "capacity"}))
    capacities = [HomestayPage.objects.get(slug_en=s).capacity for s in found]
    assert capacities == sorted(capacities, reverse=True)
    assert found[0] == "homestay-a-dao"


def test_sorting_by_distance_from_a_village_puts_its_own_homestays_first(client):
    ban_cau = village("ban-cau")
    response = client.get(FINDER_EN, {"sort": "distance", "near": ban_cau.pk})
    found = slugs(response)
    assert set(found[:2]) == {"ban-cau-stilt-house", "guesthouse-at-the-village-gate"}
    distances = [ban_cau.distance_to(HomestayPage.objects.get(slug_en=s)) for s in found]
    assert distances == sorted(distances)
    assert "km away" in response.content.decode()


def test_sorting_by_distance_combines_with_filters(client):
    luc_ngu = village("luc-ngu")
    response = client.get(
        FINDER_EN,
        {
            "sort": "distance",
            "near": luc_ngu.pk,
            "amenity": "hot-water",
            "guests": 6,
            "max_price": 400000,
        },
    )
    assert slugs(response) == [
        "san-chi-house-by-the-stream",
        "ban-cau-stilt-house",
        "song-mooc-homestay",
    ]


def test_sorting_by_distance_without_a_village_falls_back_to_price_with_a_notice(client):
    response = client.get(FINDER_EN, {"sort": "distance"})
    assert response.status_code == 200
    assert any("Choose a village" in n for n in notices(response))


def test_results_are_paginated_and_page_links_keep_the_filters(client):
    luc_ngu = village("luc-ngu")
    for _ in range(14):
        make_homestay(luc_ngu, amenities=["hot-water"], capacity=8, price_min=90000)
    first = client.get(FINDER_EN, {"amenity": "hot-water", "guests": 6})
    assert len(slugs(first)) == 12
    html = first.content.decode()
    next_link = re.search(r'rel="next" href="\?([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "amenity=hot-water" in next_link and "guests=6" in next_link
    second = client.get(f"{FINDER_EN}?{next_link}")
    assert len(slugs(second)) == 14 + 4 - 12  # four demo homestays match too
    assert not set(slugs(first)) & set(slugs(second))


def test_a_page_beyond_the_last_shows_the_last_page_with_a_notice(client):
    response = client.get(FINDER_EN, {"page": 9999})
    assert response.status_code == 200
    assert set(slugs(response)) == all_demo_slugs()
    assert any("showing" in n for n in notices(response))


def test_the_form_shows_the_values_in_use_so_the_url_can_be_shared(client):
    response = client.get(FINDER_EN, {"guests": "6", "amenity": "hot-water", "max_price": "400000"})
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.finder-form")
    assert form["method"] == "get"
    assert soup.select_one("#f-guests")["value"] == "6"
    assert soup.select_one("#f-price")["value"] == "400000"
    assert soup.select_one("input[name=amenity][value=hot-water]").has_attr("checked")


def test_drafts_and_private_homestays_never_appear(client, home):
    from wagtail.models import PageViewRestriction

    luc_ngu = village("luc-ngu")
    draft = make_homestay(luc_ngu, publish_it=False, title_en="Draft house")
    draft.unpublish()
    private = make_homestay(luc_ngu, title_en="Private house")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    found = titles(client.get(FINDER_EN))
    assert "Draft house" not in found
    assert "Private house" not in found


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
    assert any(expected_notice in n for n in notices(response)), notices(response)


def test_negative_guests_are_clamped_to_one(client):
    response = client.get(FINDER_EN, {"guests": "-3"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#f-guests")["value"] == "1"
    assert set(slugs(response)) == all_demo_slugs()


def test_a_letter_page_number_shows_the_first_page_silently(client):
    response = client.get(FINDER_EN, {"page": "abc"})
    assert response.status_code == 200
    assert set(slugs(response)) == all_demo_slugs()


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
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(strip=True) for li in soup.select(".notice--error li")]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=params_strategy)
@example(params={"guests": "\x00"})
@example(params={"commune": "luc\x00hon", "amenity": ["hot-water", "\x00"]})
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
        assert not slugs(response)
    else:
        assert response.status_code == 200
        assert not error_messages(response)


@pytest.mark.parametrize("value", ["-1e3", "4.5e1", "six", "1e308"])
@pytest.mark.parametrize("name", ["guests", "max_price", "village", "near", "page"])
def test_numbers_written_in_words_or_decimals_are_ignored_not_an_error(client, name, value):
    response = client.get(FINDER_EN, {name: value})
    assert response.status_code == 200
    assert not error_messages(response)
    assert set(slugs(response)) == all_demo_slugs() or name == "max_price"


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
    assert not slugs(response)
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
    response = client.get(FINDER_EN, {"commune": "luc\x00hon"})
    assert response.status_code == 400
    assert "commune" in response.content.decode()


def test_a_repeated_parameter_uses_its_last_value(client):
    response = client.get(FINDER_EN, {"guests": ["abc", "11"]})
    assert set(slugs(response)) == set(slugs(client.get(FINDER_EN, {"guests": 11})))
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


def test_the_finder_page_exists_once_under_the_home_page(home):
    finder = HomestayFinderPage.objects.get()
    assert finder.get_parent().pk == home.pk
    assert finder.show_in_menus
