"""Occurrences as visitors read them, in the active language (templates only display)."""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format, get_format, time_format
from django.utils.translation import gettext

from events import lunar_words
from events.lunar import lunar_span_words


def _full_date_format():
    """The language's DATE_FORMAT (portal/formats: "22 April 2027", "22 tháng 4 năm 2027")."""
    return get_format("DATE_FORMAT")


def day_text(day):
    """The weekday and the date in the language's own date format."""
    return gettext("%(weekday)s, %(date)s") % {
        "weekday": date_format(day, "l"),
        "date": date_format(day, _full_date_format()),
    }


def short_day_text(day):
    return date_format(day, _full_date_format())


def time_text(value):
    return time_format(value, "H:i")


def hours_text(occurrence):
    if occurrence.all_day:
        return ""
    if occurrence.end_time and not occurrence.multi_day:
        return gettext("%(start)s–%(end)s") % {
            "start": time_text(occurrence.start_time),
            "end": time_text(occurrence.end_time),
        }
    return gettext("from %(time)s") % {"time": time_text(occurrence.start_time)}


def when_text(occurrence):
    """'Thursday 22 April 2027, 08:00–17:00' or 'Tuesday 15 December 2026 – Thursday 17…'."""
    if occurrence.multi_day:
        text = gettext("%(first)s to %(last)s") % {
            "first": day_text(occurrence.start),
            "last": day_text(occurrence.end),
        }
    else:
        text = day_text(occurrence.start)
    hours = hours_text(occurrence)
    return f"{text}, {hours}" if hours else text


def lunar_text(occurrence):
    """The lunar date(s) of an occurrence in words (stored with it when it has them)."""
    dates = getattr(occurrence, "lunar_dates", None)
    if dates is not None:
        return lunar_words.occurrence_words(*dates)
    return lunar_span_words(occurrence.start, occurrence.end)


@dataclass
class ShownOccurrence:
    occurrence: object
    when: str
    short: str
    lunar: str
    iso_start: str
    is_now: bool
    is_past: bool


def shown(occurrence, today, with_lunar=False):
    if occurrence is None:
        return None
    return ShownOccurrence(
        occurrence=occurrence,
        when=when_text(occurrence),
        short=short_day_text(occurrence.start),
        lunar=lunar_text(occurrence) if with_lunar else "",
        iso_start=occurrence.start_datetime.isoformat()
        if not occurrence.all_day
        else occurrence.start.isoformat(),
        is_now=occurrence.start <= today <= occurrence.end,
        is_past=occurrence.end < today,
    )


def month_label(year, month):
    return date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
