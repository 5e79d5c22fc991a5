"""The partners' embed reads its parameters with a form: a limit a snippet got wrong is
clamped or defaulted, a malformed one (digits of another script, a number the database
cannot hold) is a plain-text 400 naming it, in the asked language; never a 500. The
events shown are built here, in a category of their own."""

import datetime

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events.models import EventCategory
from portal.i18n import language_codes
from tests.events.conftest import TODAY
from tests.hostile_input import MALFORMED_NUMBERS, typed_number, typed_text, with_control_character

pytestmark = pytest.mark.django_db

EMBED = "/embed/events/"
COUNT = 23  # more than the largest limit (20)


@pytest.fixture
def own_events(make_event):
    """COUNT events of a new category, one every two days from tomorrow, in an order
    other than their dates; returns their English titles, soonest first."""
    category = EventCategory.objects.create(name="Embed test", slug="embed-test")
    made = []
    for n in reversed(range(COUNT)):
        title = f"Embed test event {n:02d}"
        make_event(
            title_vi=f"Sự kiện thử nhúng {n:02d}",
            title_en=title,
            category=category,
            start_date=TODAY + datetime.timedelta(days=1 + 2 * n),
        )
        made.append((n, title))
    return [title for _n, title in sorted(made)]


def shown(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.a.get_text(strip=True) for li in soup.select("li")]


def embed(client, **params):
    return client.get(EMBED, {"category": "embed-test", "lang": "en", **params})


# limit -> how many events show: usable numbers as given, words and decimals the
# default (5), numbers out of bounds clamped to 1..20.
LIMITS = {
    "3": 3,
    "1": 1,
    "20": 20,
    " 7 ": 7,
    "": 5,
    "abc": 5,
    "4.5": 5,
    "0": 1,
    "-1": 1,
    "21": 20,
    "100000": 20,
}


def test_a_limit_shows_that_many_events_soonest_first_clamped_to_1_to_20(
    client, frozen_today, own_events
):
    for limit, count in LIMITS.items():
        response = embed(client, limit=limit)
        assert response.status_code == 200
        assert shown(response) == own_events[:count], limit
    without = client.get(EMBED, {"category": "embed-test", "lang": "en"})
    assert shown(without) == own_events[:5]
    # A repeated limit: the last value is the one used (and judged).
    assert shown(embed(client, limit=["²", "2"])) == own_events[:2]
    assert embed(client, limit=["2", "²"]).status_code == 400


@pytest.mark.parametrize(
    ("limit", "english", "vietnamese"),
    [
        ("²", "digits 0-9", "chữ số 0-9"),
        ("①", "digits 0-9", "chữ số 0-9"),
        ("٣", "digits 0-9", "chữ số 0-9"),
        ("１２", "digits 0-9", "chữ số 0-9"),
        ("9223372036854775808", "too large", "quá lớn"),
        ("-99999999999999999999", "too large", "quá lớn"),
    ],
)
def test_a_malformed_limit_is_a_plain_400_naming_it_in_the_asked_language(
    client, frozen_today, limit, english, vietnamese
):
    for lang, message in (("en", english), ("vi", vietnamese)):
        response = embed(client, limit=limit, lang=lang)
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        body = response.content.decode()
        assert "limit: " in body and message in body, body


def test_a_nul_in_the_limit_is_refused_with_a_message(client, frozen_today):
    response = embed(client, limit="3\x00")
    assert response.status_code == 400
    assert "contains control characters" in response.content.decode()


EMBED_PARAMETERS = ["limit", "village", "category", "from", "to", "month", "past", "lang"]
SWEEP = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@SWEEP
@given(limit=typed_number, lang=st.sampled_from(["", *language_codes()]))
@example(limit="abc", lang="vi")
@example(limit="-" + "9" * 18, lang="en")
def test_any_limit_a_partner_types_gives_the_list(client, frozen_today, limit, lang):
    # A word is the default, numbers are clamped to 1..20: the widget has no room for notices.
    params = {"limit": limit, **({"lang": lang} if lang else {})}
    response = client.get(EMBED, params)
    assert response.status_code == 200, params
    assert response["Content-Type"].startswith("text/html")


@SWEEP
@given(number=st.sampled_from(MALFORMED_NUMBERS), lang=st.sampled_from(language_codes()))
def test_a_limit_no_one_could_type_is_a_plain_400_that_says_why(client, frozen_today, number, lang):
    response = client.get(EMBED, {"limit": number, "lang": lang})
    assert response.status_code == 400, number
    assert response["Content-Type"].startswith("text/plain")
    assert len(response.content.decode().strip()) > 10


@SWEEP
@given(data=st.data(), name=st.sampled_from(EMBED_PARAMETERS), text=typed_text)
def test_a_control_character_in_any_parameter_is_a_plain_400_that_says_why(
    client, frozen_today, data, name, text
):
    hostile = data.draw(with_control_character(text))
    response = client.get(EMBED, {name: hostile})
    assert response.status_code == 400, (name, repr(hostile))
    assert response["Content-Type"].startswith("text/plain")
    assert len(response.content.decode().strip()) > 10


def test_the_embed_is_styled_by_a_linked_stylesheet_that_the_strict_policy_allows(client):
    from pathlib import Path

    from bs4 import BeautifulSoup
    from django.contrib.staticfiles import finders

    response = client.get("/embed/events/?lang=en")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("style") is None
    links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert links == ["/static/events/embed.css"]
    assert "border-bottom" in Path(finders.find("events/embed.css")).read_text(encoding="utf-8")
    style_src = next(
        part for part in response["Content-Security-Policy"].split(";") if "style-src" in part
    )
    assert style_src.split() == ["style-src", "'self'"]
