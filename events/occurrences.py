"""When an event takes place: its schedule, expanded into dated occurrences.

Pure Python (no database): a page builds a :class:`Schedule` from its fields and
everything else (index, feeds, API, JSON-LD) works on :class:`Occurrence` objects.
Dates and times are local to Bình Liêu (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

from events import lunar

EVENT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ONE_DAY = datetime.timedelta(days=1)
# The page shows the following occurrences for this many years ahead.
YEARS_SHOWN = 3


class Kind(models.TextChoices):
    SINGLE = "single", _("On given dates")
    YEARLY_SOLAR = "yearly_solar", _("Every year on a solar date")
    YEARLY_LUNAR = "yearly_lunar", _("Every year on a lunar date")
    WEEKLY = "weekly", _("Every week")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


@dataclass(frozen=True)
class Schedule:
    """The rule an editor gives. ``start_date`` is the first day of a single event,
    or the day a repeating rule starts to apply; ``repeat_until`` ends a rule."""

    kind: str
    start_date: datetime.date
    end_date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    month: int | None = None
    day: int | None = None
    duration_days: int = 1
    weekday: int | None = None
    repeat_until: datetime.date | None = None
    # Lunar seasons: the last day and month (the next lunar year when earlier).
    end_day: int | None = None
    end_month: int | None = None

    @property
    def has_lunar_end(self):
        return self.kind == Kind.YEARLY_LUNAR and bool(self.end_day and self.end_month)

    # How long a timed occurrence lasts when no end time is given (None: unknown).
    default_duration: datetime.timedelta | None = None

    @property
    def is_repeating(self):
        return self.kind != Kind.SINGLE

    @property
    def span_days(self):
        """How many calendar days one occurrence covers."""
        if self.kind == Kind.SINGLE:
            return ((self.end_date or self.start_date) - self.start_date).days + 1
        if self.has_lunar_end:
            return lunar_span_bound(self.day, self.month, self.end_day, self.end_month)
        return max(1, self.duration_days or 1)


@dataclass(frozen=True)
class Occurrence:
    """One dated occurrence; ``end`` is the last day (inclusive)."""

    start: datetime.date
    start_time: datetime.time | None
    end: datetime.date
    end_time: datetime.time | None = None
    from_lunar_rule: bool = False
    default_duration: datetime.timedelta | None = None
    # (first, last) LunarDate stored with the row (events.models.occurrence), else None.
    stored_lunar: tuple | None = field(default=None, compare=False, repr=False)

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def multi_day(self):
        return self.end > self.start

    @property
    def start_datetime(self):
        """Aware start (UTC+7); midnight for all-day occurrences."""
        return datetime.datetime.combine(self.start, self.start_time or datetime.time(), EVENT_TZ)

    @property
    def end_datetime(self):
        """Aware end: the end time on the last day, else the midnight after the last day;
        for a one-day event with a start time but no end time, the start plus the
        default duration (None when there is none)."""
        if self.end_time is not None and not self.all_day:
            return datetime.datetime.combine(self.end, self.end_time, EVENT_TZ)
        if self.all_day or self.multi_day:
            return datetime.datetime.combine(self.end + ONE_DAY, datetime.time(), EVENT_TZ)
        if self.default_duration:
            return self.start_datetime + self.default_duration
        return None

    @property
    def sort_key(self):
        return (self.start, self.start_time or datetime.time(), self.end)

    @property
    def lunar_start(self):
        if self.stored_lunar:
            return self.stored_lunar[0]
        return lunar.to_lunar(self.start)

    @property
    def lunar_dates(self):
        """(first, last) lunar dates: stored at write time, else computed now."""
        if self.stored_lunar and self.stored_lunar[1] is not None:
            return self.stored_lunar
        return lunar.to_lunar(self.start), lunar.to_lunar(self.end)

    def days(self):
        """Every date the occurrence covers."""
        return [self.start + ONE_DAY * n for n in range((self.end - self.start).days + 1)]

    def overlaps(self, first, last):
        return self.start <= last and self.end >= first

    def is_past(self, today):
        return self.end < today


def schedule_of(obj, default_duration=None):
    """The :class:`Schedule` of an event page (or any object with its fields)."""
    return Schedule(
        kind=obj.schedule_kind,
        start_date=obj.start_date,
        end_date=obj.end_date if obj.schedule_kind == Kind.SINGLE else None,
        start_time=obj.start_time,
        end_time=obj.end_time,
        month=obj.rule_month,
        day=obj.rule_day,
        duration_days=obj.duration_days or 1,
        weekday=obj.weekday,
        repeat_until=obj.repeat_until,
        end_day=obj.rule_end_day,
        end_month=obj.rule_end_month,
        default_duration=default_duration,
    )


def lunar_span_bound(day, month, end_day, end_month):
    """The most solar days a lunar season can cover (30-day months, one leap month)."""
    months = (end_month - month) % 12
    if lunar.lunar_words.ends_next_year(day, month, end_day, end_month) and months == 0:
        months = 12
    return max(1, months * 30 + end_day - day + 1 + 30)


def _end(schedule, start):
    if schedule.has_lunar_end:
        end = lunar.season_end(
            start, schedule.day, schedule.month, schedule.end_day, schedule.end_month
        )
        return start if end is None else end
    return start + ONE_DAY * (schedule.span_days - 1)


def _occurrence(schedule, start, from_lunar_rule=False):
    return Occurrence(
        start=start,
        start_time=schedule.start_time,
        end=_end(schedule, start),
        end_time=schedule.end_time,
        from_lunar_rule=from_lunar_rule,
        default_duration=schedule.default_duration,
    )


def _in_rule(schedule, start):
    return start >= schedule.start_date and (
        schedule.repeat_until is None or start <= schedule.repeat_until
    )


def _yearly_solar_starts(schedule, first, last):
    back = schedule.span_days // 365 + 1
    for year in range(first.year - back, last.year + 1):
        try:
            yield datetime.date(year, schedule.month, schedule.day)
        except ValueError:  # 29 February in a common year: no occurrence
            continue


def _yearly_lunar_starts(schedule, first, last):
    # Lunar year Y runs from late January/February of Y into early Y+1.
    back = schedule.span_days // 365 + 2
    for year in range(first.year - back, last.year + 1):
        start = lunar.to_solar(schedule.day, schedule.month, year)
        if start is not None:
            yield start


def _weekly_starts(schedule, first, last):
    begin = max(schedule.start_date, first - ONE_DAY * (schedule.span_days - 1))
    start = begin + ONE_DAY * ((schedule.weekday - begin.weekday()) % 7)
    while start <= last:
        yield start
        start += ONE_DAY * 7


_STARTS = {
    Kind.YEARLY_SOLAR: _yearly_solar_starts,
    Kind.YEARLY_LUNAR: _yearly_lunar_starts,
    Kind.WEEKLY: _weekly_starts,
}


def occurrences_between(schedule, first, last):
    """The occurrences that overlap the days ``first``..``last`` (inclusive), in order."""
    if schedule is None or first > last:
        return []
    if schedule.kind == Kind.SINGLE:
        found = [_occurrence(schedule, schedule.start_date)]
    else:
        starts = _STARTS[schedule.kind](schedule, first, last)
        from_lunar = schedule.kind == Kind.YEARLY_LUNAR
        found = [_occurrence(schedule, s, from_lunar) for s in starts if _in_rule(schedule, s)]
    return sorted((o for o in found if o.overlaps(first, last)), key=lambda o: o.sort_key)


def following(schedule, today, years=YEARS_SHOWN, limit=None):
    """Occurrences not yet over on ``today``, up to ``years`` ahead (at most ``limit``)."""
    last = add_years(today, years)
    found = occurrences_between(schedule, today, last)
    return found[:limit] if limit else found


def next_occurrence(schedule, today):
    """The current or next occurrence, or None when the event is over."""
    if schedule is None:
        return None
    horizon = 1 if schedule.kind == Kind.WEEKLY else 2
    found = following(schedule, today, years=horizon, limit=1)
    return found[0] if found else None


def add_years(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)
