"""The search page reads q, type and page with a form: what a visitor typed is cleaned,
an unknown type shows every result with a notice, a malformed page number (digits of
another script, a number the database cannot hold) is a 400 naming it in the page's
language; never a 500. Results come from pages built here with a word of their own."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from portal.models import StandardPage
from tests.factories import add_page
from tests.factories.places import add_homestay
from tests.hostile_input import MALFORMED_NUMBERS, typed_number, typed_text, with_control_character

pytestmark = pytest.mark.django_db

WORD = "zqxwv"  # in no page of the test site


@pytest.fixture
def built(home, test_site):
    """12 standard pages and 3 homestays with WORD in their titles: English titles."""
    pages = [
        add_page(home, StandardPage, title_vi=f"Trang {WORD} {n}", title_en=f"Page {WORD} {n}")
        for n in range(12)
    ]
    homestays = [
        add_homestay(test_site.village, title_vi=f"Nhà {WORD} {n}", title_en=f"House {WORD} {n}")
        for n in range(3)
    ]
    return {
        "page": {p.title_en for p in pages},
        "homestay": {h.title_en for h in homestays},
    }


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def results(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-title")]


def notices(response):
    return [li.get_text(strip=True) for li in soup_of(response).select(".notice--warning li")]


def errors(response):
    return [li.get_text(strip=True) for li in soup_of(response).select(".notice--error li")]


def test_results_filtered_by_type_and_paged_are_the_pages_built(client, built):
    everything = set(built["page"] | built["homestay"])
    first = client.get("/en/search/", {"q": WORD})
    second = client.get("/en/search/", {"q": WORD, "page": "2"})
    assert len(results(first)) == 10
    assert set(results(first)) | set(results(second)) == everything
    assert not set(results(first)) & set(results(second))
    homestays = client.get("/en/search/", {"q": WORD, "type": "homestay"})
    assert set(results(homestays)) == built["homestay"]
    pages = client.get("/en/search/", {"q": WORD, "type": "page", "page": "2"})
    assert len(results(pages)) == len(built["page"]) - 10
    beyond = client.get("/en/search/", {"q": WORD, "page": "99"})
    assert beyond.status_code == 200 and results(beyond) == results(second)
    assert not any(notices(r) or errors(r) for r in (first, second, homestays, pages, beyond))


@pytest.mark.parametrize(
    ("path", "notice"),
    [
        ("/en/search/", "There is no such type of result; showing every result."),
        ("/vi/search/", "Không có loại kết quả này; đang hiện mọi kết quả."),
    ],
)
def test_an_unknown_type_shows_every_result_with_a_notice_in_the_pages_language(
    client, built, path, notice
):
    response = client.get(path, {"q": WORD, "type": "martians", "page": "2"})
    assert response.status_code == 200
    assert notices(response) == [notice]
    unfiltered = client.get(path, {"q": WORD, "page": "2"})
    assert results(response) == results(unfiltered) != []


@pytest.mark.parametrize(
    ("value", "english", "vietnamese"),
    [
        ("²", "Page: Enter a whole number written with the digits 0-9.", "Trang: Hãy nhập"),
        ("①", "Page: Enter a whole number written with the digits 0-9.", "Trang: Hãy nhập"),
        ("٣", "Page: Enter a whole number written with the digits 0-9.", "Trang: Hãy nhập"),
        ("１２", "Page: Enter a whole number written with the digits 0-9.", "Trang: Hãy nhập"),
        ("9223372036854775808", "Page: The number is too large.", "Trang: Số này quá lớn."),
        ("-" + "9" * 30, "Page: The number is too large.", "Trang: Số này quá lớn."),
    ],
)
def test_a_malformed_page_number_is_a_400_naming_it_in_the_pages_language(
    client, value, english, vietnamese
):
    for path, message in (("/en/search/", english), ("/vi/search/", vietnamese)):
        response = client.get(path, {"q": "lễ hội", "page": value})
        assert response.status_code == 400
        [error] = errors(response)
        assert error.startswith(message)
        assert not results(response)
        # The search box is still there, with the query, to try again.
        assert soup_of(response).select_one("#search-q")["value"] == "lễ hội"


def test_a_word_as_page_number_shows_the_first_page_silently(client, built):
    response = client.get("/en/search/", {"q": WORD, "page": "second"})
    assert response.status_code == 200
    assert results(response) == results(client.get("/en/search/", {"q": WORD}))
    assert not notices(response) and not errors(response)


def test_a_repeated_parameter_is_judged_by_its_last_value(client, built):
    second = results(client.get("/en/search/", {"q": WORD, "page": "2"}))
    assert results(client.get("/en/search/", {"q": WORD, "page": ["²", "2"]})) == second
    assert client.get("/en/search/", {"q": WORD, "page": ["2", "²"]}).status_code == 400
    by_type = client.get("/en/search/", {"q": WORD, "type": ["martians", "homestay"]})
    assert set(results(by_type)) == built["homestay"] and not notices(by_type)


@pytest.mark.parametrize("name", ["type", "page"])
def test_a_control_character_outside_the_search_box_is_refused_with_a_message(client, name):
    response = client.get("/vi/search/", {"q": "lễ hội", name: "2\x00"})
    assert response.status_code == 400
    assert "chứa ký tự điều khiển" in response.content.decode()


def test_the_search_box_is_the_forms_field_with_its_label(client):
    soup = soup_of(client.get("/en/search/", {"q": "  lễ\x00 hội  "}))
    box = soup.select_one("form.search-page-form input[name=q]")
    assert box["id"] == "search-q" and box["type"] == "search" and box["maxlength"] == "200"
    assert box["value"] == "lễ hội"
    label = soup.select_one("form.search-page-form label[for=search-q]")
    assert label.get_text(strip=True) == "Search for villages, homestays, festivals and routes"


SWEEP = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@SWEEP
@given(
    q=st.one_of(typed_text, st.sampled_from(["\x00", "lễ\x00 hội", "\x1b[2J"])),
    kind=typed_text,
    page=st.one_of(typed_number, st.lists(typed_number, min_size=2, max_size=3)),
)
@example(q="\x00", kind="nope", page="abc")
@example(q="", kind="", page=["1", "2"])
def test_whatever_a_visitor_types_is_answered_with_the_results_page(client, q, kind, page):
    # The search box cleans its own text (control characters included); an unknown type
    # shows everything with a notice; a word or a number out of the results is page 1.
    response = client.get("/en/search/", {"q": q, "type": kind, "page": page})
    assert response.status_code == 200, (q, kind, page)
    assert soup_of(response).select_one("form.search-page-form input[name=q]") is not None


@SWEEP
@given(number=st.sampled_from(MALFORMED_NUMBERS), q=typed_text)
def test_a_page_number_no_one_could_type_is_a_400_that_says_why(client, number, q):
    response = client.get("/en/search/", {"q": q, "page": number})
    assert response.status_code == 400, number
    assert errors(response), number


@SWEEP
@given(data=st.data(), kind=typed_text)
def test_a_control_character_in_the_type_is_a_400_that_says_why(client, data, kind):
    hostile = data.draw(with_control_character(kind))
    response = client.get("/en/search/", {"q": "x", "type": hostile})
    assert response.status_code == 400, repr(hostile)
    assert "contains control characters" in response.content.decode()


def test_suggestions_read_the_same_cleaned_query_and_ignore_a_malformed_page(client, built):
    plain = client.get("/en/search/suggest/", {"q": WORD}).json()["results"]
    noisy = client.get("/en/search/suggest/", {"q": f"\x00{WORD}\x1b", "page": "①"})
    assert noisy.status_code == 200
    assert noisy.json()["results"] == plain
    assert {r["title"] for r in plain} <= built["page"] | built["homestay"] and len(plain) == 8
