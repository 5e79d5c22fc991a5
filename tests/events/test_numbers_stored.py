"""The "festivals per month" chart (Tourism in numbers) read from the stored occurrences gives
what computing every event's schedule gives (events/numbers.py)."""

import pytest

from events import listing, numbers
from events.models import EventPage
from portal.models import HomePage
from portal.models.visibility import live_public
from tests.events.conftest import TODAY
from tests.events.test_query_counts_at_scale import add_bench_events

pytestmark = pytest.mark.django_db


def test_festivals_per_month_from_stored_rows_equal_those_computed_from_each_schedule(
    frozen_today, monkeypatch
):
    monkeypatch.setattr(listing, "HORIZON_SECONDS", 0)
    # Given dates, yearly solar and lunar rules and weekly markets, some spanning months.
    add_bench_events(0, 80)
    home = HomePage.objects.get()
    events = live_public(EventPage.objects.descendant_of(home))
    for year in (TODAY.year, TODAY.year + 1):
        months = numbers._months(year)
        assert listing.horizon_covers(months[0][0], months[-1][1])  # read from rows
        expected = numbers.computed_per_month(events, numbers._months(year))
        assert numbers.festivals_per_month(home, year) == expected
        assert sum(expected[0]) > 80  # weekly markets count in every month
    # A year past the stored horizon is computed, not read as empty.
    far = TODAY.year + 30
    counts, total = numbers.festivals_per_month(home, far)
    assert (counts, total) == numbers.computed_per_month(events, numbers._months(far))
    assert sum(counts) > 0
