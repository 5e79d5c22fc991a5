"""Festivals per month for the "Tourism in numbers" page (portal.numbers hook)."""

import calendar
import datetime

from django.utils.translation import gettext as _

from events import clock
from events.models import EventPage
from events.occurrences import occurrences_between
from portal.models.visibility import live_public
from portal.numbers import Chart, Figure, NumbersSection


def festivals_per_month(home_page, year):
    """[12 counts]: live events with an occurrence overlapping each month of ``year``."""
    counts = [0] * 12
    events = live_public(EventPage.objects.descendant_of(home_page)).select_related("category")
    for event in events:
        for month in range(1, 13):
            first = datetime.date(year, month, 1)
            last = datetime.date(year, month, calendar.monthrange(year, month)[1])
            if occurrences_between(event.schedule, first, last):
                counts[month - 1] += 1
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
