"""The first events of a window (the home page's six, an agenda's first page) are read
from candidates, and are exactly the events a full ordering puts first."""

import datetime

import pytest

from events.listing import Window, event_queryset, events_in
from tests.events.conftest import TODAY

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def agenda(frozen_today, make_event):
    """Events whose order is written here by hand: date, then time (all-day first),
    then title."""
    return {
        "ongoing": make_event(
            title_en="Ongoing fair", start_date=TODAY - 2 * DAY, end_date=TODAY + 2 * DAY
        ),
        "bravo": make_event(title_en="Bravo", start_date=TODAY + 3 * DAY),
        "alpha_evening": make_event(
            title_en="Alpha", start_date=TODAY + 5 * DAY, start_time=datetime.time(18)
        ),
        "zulu_morning": make_event(
            title_en="Zulu", start_date=TODAY + 5 * DAY, start_time=datetime.time(8)
        ),
        "mango_morning": make_event(
            title_en="Mango", start_date=TODAY + 5 * DAY, start_time=datetime.time(8)
        ),
        "echo": make_event(title_en="Echo", start_date=TODAY + 9 * DAY),
        # Not published: never a candidate, never shown, never takes a place.
        "draft": make_event(title_en="Draft", start_date=TODAY + DAY, publish_it=False),
    }


def mine(agenda):
    """Published events, only this test's (the test site has festivals of its own)."""
    return event_queryset().filter(pk__in=[page.pk for page in agenda.values()])


EXPECTED = ["ongoing", "bravo", "mango_morning", "zulu_morning", "alpha_evening", "echo"]


@pytest.mark.parametrize("count", range(1, 8))
def test_the_first_n_events_are_those_a_full_ordering_gives(agenda, english, count):
    window = Window(TODAY, TODAY + 365 * DAY)
    shown = events_in(mine(agenda), window)[:count]
    assert [page.pk for page in shown] == [agenda[key].pk for key in EXPECTED[:count]]


def test_a_later_page_of_the_agenda_is_right_too(agenda, english):
    window = Window(TODAY, TODAY + 365 * DAY)
    shown = events_in(mine(agenda), window)[2:4]
    assert [page.pk for page in shown] == [agenda["mango_morning"].pk, agenda["zulu_morning"].pk]


def test_candidates_stop_after_the_day_of_the_last_event_needed(agenda, english):
    window = Window(TODAY, TODAY + 365 * DAY)
    candidates = events_in(mine(agenda), window).candidate_ids(3)
    # Three events are needed; the third starts on TODAY + 5, so every event of that
    # day is a candidate and nothing later is.
    same_day = {"alpha_evening", "zulu_morning", "mango_morning"}
    assert candidates == {agenda[key].pk for key in {"ongoing", "bravo", *same_day}}
