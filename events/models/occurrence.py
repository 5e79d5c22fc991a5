"""Stored occurrences: each published event's schedule expanded into dated rows.

Listings, feeds and the API query :class:`EventOccurrence` with date ranges instead of
expanding every schedule per request. Rows are language-neutral and carry the lunar
dates computed at write time (events.lunar). They are rewritten when an event is
published, unpublished or deleted (events.signals) and extended day by day to a rolling
horizon (``manage.py extend_occurrences``, deploy/cron). :class:`OccurrenceHorizon`
records the days for which every repeating event's rows are complete; outside it the
readers fall back to computing (events.listing.horizon_covers).
"""

import datetime

from django.db import models, transaction

from events import lunar
from events.occurrences import YEARS_SHOWN, Kind, Occurrence, add_years, occurrences_between
from events.status import Status
from portal.cache import new_content_version

# Rows are kept from this many years back (the archive shows three) …
YEARS_BACK = 4
# … to YEARS_SHOWN ahead plus this margin, so a late daily job never cuts a page short.
MARGIN = datetime.timedelta(days=90)
BATCH = 2000


class OccurrenceHorizon(models.Model):
    """The one row saying which days the stored occurrences cover (inclusive)."""

    first = models.DateField()
    last = models.DateField()

    def __str__(self):
        return f"{self.first}–{self.last}"

    def covers(self, first, last):
        return self.first <= first and last <= self.last


class EventOccurrence(models.Model):
    """One dated occurrence of a live event; ``end`` is its last day (inclusive)."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    start = models.DateField()
    end = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    from_lunar_rule = models.BooleanField(default=False)
    # The lunar dates of ``start`` and ``end`` (None outside the lunar calendar's years).
    lunar_start_day = models.PositiveSmallIntegerField(null=True)
    lunar_start_month = models.PositiveSmallIntegerField(null=True)
    lunar_start_year = models.PositiveSmallIntegerField(null=True)
    lunar_start_leap = models.BooleanField(default=False)
    lunar_end_day = models.PositiveSmallIntegerField(null=True)
    lunar_end_month = models.PositiveSmallIntegerField(null=True)
    lunar_end_year = models.PositiveSmallIntegerField(null=True)
    lunar_end_leap = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "event_id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "start"], name="event_occurrence_event_start")
        ]
        indexes = [
            models.Index(fields=["start"], name="event_occurrence_start"),
            models.Index(fields=["end"], name="event_occurrence_end"),
            models.Index(fields=["event", "end"], name="event_occurrence_event_end"),
        ]

    def __str__(self):
        return f"{self.event_id} {self.start}–{self.end}"

    @property
    def lunar_start(self):
        return _lunar(
            self.lunar_start_day,
            self.lunar_start_month,
            self.lunar_start_year,
            self.lunar_start_leap,
        )

    @property
    def lunar_end(self):
        return _lunar(
            self.lunar_end_day, self.lunar_end_month, self.lunar_end_year, self.lunar_end_leap
        )

    def as_occurrence(self, default_duration=None):
        """The :class:`events.occurrences.Occurrence` this row stores."""
        return Occurrence(
            start=self.start,
            start_time=self.start_time,
            end=self.end,
            end_time=self.end_time,
            from_lunar_rule=self.from_lunar_rule,
            default_duration=default_duration,
            stored_lunar=(self.lunar_start, self.lunar_end) if self.lunar_start_day else None,
        )


def _lunar(day, month, year, leap):
    if day is None:
        return None
    return lunar.LunarDate(day, month, year, leap)


def _lunar_fields(prefix, date):
    try:
        found = lunar.to_lunar(date)
    except Exception:  # noqa: BLE001 - outside the years the library covers
        return {}
    return {
        f"{prefix}_day": found.day,
        f"{prefix}_month": found.month,
        f"{prefix}_year": found.year,
        f"{prefix}_leap": bool(found.leap),
    }


def wanted_horizon(today):
    """The days the stored rows should cover on ``today``."""
    return add_years(today, -YEARS_BACK), add_years(today, YEARS_SHOWN) + MARGIN


def current_horizon(today=None):
    """The horizon row, created for ``today`` (default: events.clock) when missing."""
    horizon = OccurrenceHorizon.objects.order_by("pk").first()
    if horizon is None:
        from events import clock

        first, last = wanted_horizon(today or clock.today())
        horizon = OccurrenceHorizon.objects.create(first=first, last=last)
    return horizon


def rows_for(event_id, schedule, status, first, last, after=None):
    """Unsaved rows for the occurrences of ``schedule`` overlapping ``first``..``last``
    (a single event's one occurrence whatever the days), starting after ``after``."""
    if schedule.kind == Kind.SINGLE:
        found = occurrences_between(schedule, schedule.start_date, schedule.start_date)
    else:
        if after is not None:  # only the days added
            first = max(first, after + datetime.timedelta(days=1))
        found = occurrences_between(schedule, first, last)
    return [
        EventOccurrence(
            event_id=event_id,
            start=o.start,
            end=o.end,
            start_time=o.start_time,
            end_time=o.end_time,
            status=status or Status.SCHEDULED,
            from_lunar_rule=o.from_lunar_rule,
            **_lunar_fields("lunar_start", o.start),
            **_lunar_fields("lunar_end", o.end),
        )
        for o in found
        if after is None or o.start > after
    ]


def write_event(page, horizon=None):
    """Replace the stored rows of ``page``: its occurrences when live, none otherwise."""
    from events.occurrences import schedule_of

    with transaction.atomic():
        EventOccurrence.objects.filter(event_id=page.pk).delete()
        if not page.live:
            return 0
        horizon = horizon or current_horizon()
        rows = rows_for(page.pk, schedule_of(page), page.status, horizon.first, horizon.last)
        EventOccurrence.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)


def fill(events, horizon, after=None):
    """Add the rows of ``events`` (EventPage-like objects) within ``horizon``, keeping
    those already stored (idempotent); returns how many rows were new or kept."""
    from events.occurrences import schedule_of

    rows = []
    total = 0
    for event in events:
        rows += rows_for(
            event.pk, schedule_of(event), event.status, horizon.first, horizon.last, after
        )
        if len(rows) >= BATCH:
            EventOccurrence.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
            total += len(rows)
            rows = []
    EventOccurrence.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return total + len(rows)


def extend(today, events=None):
    """Extend the horizon to ``wanted_horizon(today)`` and fill what is missing:
    events without rows get all theirs, the others the days added. Idempotent."""
    from events.models import EventPage

    events = EventPage.objects.live() if events is None else events
    with transaction.atomic():
        horizon = current_horizon(today)
        first, last = wanted_horizon(today)
        old_last = horizon.last
        stored = set(
            EventOccurrence.objects.order_by().values_list("event_id", flat=True).distinct()
        )
        missing = [e for e in events if e.pk not in stored]
        if last > old_last:
            horizon.last = last
            horizon.save(update_fields=["last"])
            repeating = [e for e in events if e.pk in stored and e.schedule_kind != Kind.SINGLE]
            added = fill(repeating, horizon, after=old_last)
        else:
            added = 0
        added += fill(missing, horizon)
        if added:
            # bulk_create sends no signals: say that listings may show new rows.
            new_content_version()
    return {"horizon": (horizon.first, horizon.last), "rows": added, "filled": len(missing)}
