"""Every public parameter goes through one policy: a bad value is a 400 with a message
in the request's language (JSON on the API, plain text elsewhere) or is ignored where
the page ignores bad values; never a 500. The URLs are the ones the issue's attack
run found (issue 9)."""

import json

import pytest

from portal.i18n import page_url

pytestmark = pytest.mark.django_db

VI_CONTROL = "chứa ký tự điều khiển"  # "contains control characters", as the catalogue says


@pytest.fixture
def events_index(test_site):
    """{language: path} of the test site's events index."""
    return {code: page_url(test_site.events, code) for code in ("vi", "en")}


def test_a_nul_in_a_filter_is_refused_in_the_pages_language(client, events_index):
    vietnamese = client.get(events_index["vi"], {"village": "bản\x00"})
    english = client.get(events_index["en"], {"village": "village\x00"})
    assert vietnamese.status_code == 400 and english.status_code == 400
    assert VI_CONTROL in vietnamese.content.decode()
    assert "contains control characters" in english.content.decode()


def test_the_search_box_cleans_a_nul_itself_and_answers_normally(client):
    # Issue 10: what a visitor types is cleaned (control characters removed), not refused.
    response = client.get("/vi/search/", {"q": "bản\x00"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/api/v2/places/?search=%00", "/api/v2/pages/?locale=%00", "/api/v2/events/?q%01=1"]
)
def test_a_control_character_on_the_api_is_a_json_400_in_the_asked_language(client, path):
    response = client.get(path + "&lang=en")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "control characters" in json.loads(response.content)["message"]


def test_a_control_character_in_a_feed_parameter_is_a_plain_text_400(client):
    response = client.get("/feeds/events.ics", {"category": "festival\x1b[2J"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_a_very_long_value_is_refused_rather_than_used(client, events_index):
    response = client.get(events_index["en"], {"category": "a" * 5000})
    assert response.status_code == 400
    assert "longer than 2000 characters" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/events.ics?village=%C2%B2",  # superscript two: isdigit() but not int()
        "/feeds/events.ics?village=%E2%91%A0",  # circled one
        "/embed/events/?village=%D9%A3",  # Arabic-Indic three: int() reads it as 3
        "/api/v2/events/?village=99999999999999999999",
    ],
)
def test_digits_that_are_not_ascii_or_beyond_the_database_name_no_village(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "village" in response.content.decode()


@pytest.mark.parametrize(
    ("number", "reason"),
    [("①", "0-9"), ("²", "0-9"), ("٣", "0-9"), ("99999999999999999999", "quá lớn")],
)
def test_a_page_number_no_one_could_type_is_a_400_with_the_reason_on_the_events_index(
    client, events_index, number, reason
):
    # The same policy as the finder and search (portal.params.PageNumberField).
    response = client.get(events_index["vi"], {"page": number})
    assert response.status_code == 400
    assert "page_obj" not in response.context
    assert reason in response.content.decode()


@pytest.mark.parametrize("number", ["abc", "0", "-3"])
def test_a_page_number_that_is_a_word_or_below_one_shows_the_first_page(
    client, events_index, number
):
    response = client.get(events_index["vi"], {"page": number})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


@pytest.mark.parametrize("offset", ["9223372036854775808", "9223372036854775000", "-1", "²"])
def test_an_offset_the_database_cannot_hold_is_a_400(client, offset):
    response = client.get("/api/v2/events/", {"offset": offset, "lang": "en"})
    assert response.status_code == 400
    assert json.loads(response.content)["message"].startswith("offset")


@pytest.mark.parametrize(
    "name, value",
    [("id", "²"), ("child_of", "99999999999999999999"), ("descendant_of", "-3")],
)
def test_page_ids_in_wagtails_own_filters_must_be_database_ids(client, name, value):
    response = client.get("/api/v2/pages/", {name: value, "lang": "en"})
    assert response.status_code == 400
    assert "Give the id of a page" in json.loads(response.content)["message"]


def test_child_of_root_keeps_working(client):
    assert client.get("/api/v2/pages/", {"child_of": "root"}).status_code == 200


@pytest.mark.parametrize("site", ["localhost", "localhost:abc", "testserver:99999", "%00"])
def test_an_unknown_site_filter_is_a_400_not_a_crash(client, site):
    response = client.get("/api/v2/pages/", {"site": site, "lang": "en"})
    assert response.status_code == 400


def test_the_sites_own_hostname_is_accepted_as_site_filter(client):
    response = client.get("/api/v2/pages/", {"site": "testserver"})
    assert response.status_code == 200
    assert json.loads(response.content)["meta"]["total_count"] > 0


def test_a_number_filter_on_a_field_is_checked_like_every_number(client):
    response = client.get("/api/v2/places/", {"type": "homestay", "capacity": "²"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/99999999999999999999/",
        "/feeds/events/99999999999999999999.ics",
        "/api/routes/99999999999999999999.gpx",
        "/api/routes/9223372036854775808.geojson",
    ],
)
def test_ids_beyond_the_database_in_paths_are_not_found(client, path):
    assert client.get(path).status_code == 404
