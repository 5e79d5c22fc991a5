"""Festivals per month for the "Tourism in numbers" page (portal.numbers hook)."""

import calendar
import datetime

from django.utils.translation import gettext as _

from events import clock
from events.listing import horizon_covers, of_events
from events.models import EventOccurrence, EventPage
from events.occurrences import occurrences_between
from portal.cache import cached_for_query
from portal.models.visibility import live_public
from portal.numbers import Chart, Figure, NumbersSection


def _months(year):
    return [
        (datetime.date(year, month, 1), datetime.date(year, month, days))
        for month in range(1, 13)
        for days in [calendar.monthrange(year, month)[1]]
    ]


def festivals_per_month(home_page, year):
    """([12 counts], total): live events with an occurrence overlapping each month of
    ``year``, and how many live events there are. Counted in one query over the
    stored occurrences when they cover the year, once per content version (at
    10,000 events: 0.3 s, where computing every schedule twelve times took 3.5 s on
    every request); computed from each schedule otherwise."""
    events = live_public(EventPage.objects.descendant_of(home_page))
    months = _months(year)
    if horizon_covers(months[0][0], months[-1][1]):
        rows = EventOccurrence.objects.filter(
            of_events(events), start__lte=months[-1][1], end__gte=months[0][0]
        )
        counts = cached_for_query(
            "numbers:festivals", rows, lambda: _stored_per_month(rows, months)
        )
        return counts, cached_for_query("numbers:events", events, events.count)
    return computed_per_month(events, months)


def _stored_per_month(rows, months):
    """[12 counts] of distinct events among stored ``rows`` overlapping each month
    (a row spanning months counts in each of them)."""
    first_day, last_day = months[0][0], months[-1][1]
    in_month = [set() for _month in months]
    for event_id, start, end in rows.values_list("event_id", "start", "end").iterator(5000):
        for month in range(max(start, first_day).month, min(end, last_day).month + 1):
            in_month[month - 1].add(event_id)
    return [len(events) for events in in_month]


def computed_per_month(events, months):
    """festivals_per_month's answer from each event's schedule."""
    counts = [0] * 12
    events = list(events)
    for event in events:
        for index, (first, last) in enumerate(months):
            if occurrences_between(event.schedule, first, last):
                counts[index] += 1
    return counts, len(events)


def sections(home_page, year=None):
    year = year or clock.today().year
    counts, total = festivals_per_month(home_page, year)
    months = [_("Month %(number)s") % {"number": month} for month in range(1, 13)]
    return [
        NumbersSection(
            "festivals",
            _("Festivals and events"),
            order=20,
            figures=[Figure(_("Festivals and events"), str(total))],
            charts=[
                Chart(
                    "festivals-by-month",
                    _("Festivals per month in %(year)s") % {"year": year},
                    _("How many festivals and events take place in each month of %(year)s.")
                    % {"year": year},
                    [_("Festivals and events")],
                    [(month, [count]) for month, count in zip(months, counts, strict=True)],
                )
            ],
        )
    ]
