"""iCalendar (RFC 5545) output, built with the icalendar library.

What calendar apps need from a subscribed feed:
- a stable UID per event (per occurrence for lunar rules), DTSTAMP and LAST-MODIFIED
  from the last publication, a SEQUENCE that grows with every published edit;
- a VTIMEZONE for Asia/Ho_Chi_Minh and times with TZID;
- all-day events as VALUE=DATE with an exclusive DTEND; timed events always end
  (DTEND from the end time, else the default length of the event or its category);
- every TEXT value escaped (RFC 5545 §3.3.11), calendar-level NAME/X-WR- included;
- RRULE for solar-yearly and weekly rules (UNTIL in UTC for timed events); lunar
  rules as one VEVENT per occurrence, since no calendar app computes them;
- STATUS (CANCELLED for cancelled events), REFRESH-INTERVAL and X-PUBLISHED-TTL.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, vRecur, vText

from events.lunar import lunar_rule_sentence
from events.occurrences import EVENT_TZ, ONE_DAY, Kind, Occurrence, add_years, occurrences_between
from events.status import ICAL_STATUS, Status

TZID = "Asia/Ho_Chi_Minh"
REFRESH = datetime.timedelta(hours=12)
# Lunar occurrences are listed explicitly from a year back to this many years ahead.
LUNAR_YEARS_BACK, LUNAR_YEARS_AHEAD = 1, 3
CONTENT_TYPE = "text/calendar; charset=utf-8"
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass
class CalendarItem:
    """What the calendar says about one event page."""

    uid: str
    title: str
    schedule: object
    last_modified: datetime.datetime
    sequence: int = 0
    status: str = Status.SCHEDULED
    created: datetime.datetime | None = None
    url: str = ""
    description: str = ""
    location: str = ""
    geo: tuple | None = None
    categories: list = field(default_factory=list)
    # Lunar rules: the occurrences to list (the feed's window); None: a year back to
    # LUNAR_YEARS_AHEAD ahead, computed.
    occurrences: list | None = None


def _value(day, time):
    """A DATE for all-day occurrences, else a local DATE-TIME with TZID."""
    if time is None:
        return day
    return datetime.datetime.combine(day, time, EVENT_TZ)


def _dates(occurrence):
    """DTSTART and the exclusive DTEND (None for a timed start without an end)."""
    start = _value(occurrence.start, occurrence.start_time)
    if occurrence.all_day:
        return start, occurrence.end + ONE_DAY
    end = occurrence.end_datetime
    return start, end


def _until(schedule):
    if schedule.repeat_until is None:
        return None
    if schedule.start_time is None:
        return schedule.repeat_until
    last_start = datetime.datetime.combine(schedule.repeat_until, schedule.start_time, EVENT_TZ)
    return last_start.astimezone(datetime.UTC)


def _rrule(schedule):
    if schedule.kind == Kind.YEARLY_SOLAR:
        rule = {"FREQ": "YEARLY", "BYMONTH": schedule.month, "BYMONTHDAY": schedule.day}
    else:
        rule = {"FREQ": "WEEKLY", "BYDAY": BYDAY[schedule.weekday]}
    until = _until(schedule)
    if until is not None:
        rule["UNTIL"] = until
    return vRecur(rule)


def _first_occurrence(schedule):
    """The first occurrence a repeating rule produces on or after its start date."""
    if schedule.kind == Kind.WEEKLY:  # within the first week: no need to list 5 years
        last = schedule.start_date + ONE_DAY * 6
    else:
        last = add_years(schedule.start_date, 5)
    found = occurrences_between(schedule, schedule.start_date, last)
    return next((o for o in found if o.start >= schedule.start_date), None)


def _summary(item):
    if item.status == Status.CANCELLED:
        return gettext("Cancelled: %(title)s") % {"title": item.title}
    if item.status == Status.POSTPONED:
        return gettext("Postponed: %(title)s") % {"title": item.title}
    return item.title


def _description(item):
    lines = [item.description] if item.description else []
    if item.schedule.kind == Kind.YEARLY_LUNAR:
        schedule = item.schedule
        lines.append(
            lunar_rule_sentence(schedule.day, schedule.month, schedule.end_day, schedule.end_month)
        )
    if item.url:
        lines.append(item.url)
    return "\n\n".join(lines)


def _vevent(item, occurrence, uid):
    start, end = _dates(occurrence)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", item.last_modified.astimezone(datetime.UTC))
    event.add("last-modified", item.last_modified.astimezone(datetime.UTC))
    if item.created:
        event.add("created", item.created.astimezone(datetime.UTC))
    event.add("sequence", item.sequence)
    event.add("summary", _summary(item))
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("status", ICAL_STATUS[item.status])
    event.add("transp", "TRANSPARENT")
    description = _description(item)
    if description:
        event.add("description", description)
    if item.location:
        event.add("location", item.location)
    if item.geo:
        event.add("geo", item.geo)
    if item.url:
        event.add("url", item.url)
    if item.categories:
        event.add("categories", item.categories)
    return event


def event_components(item, today):
    """The VEVENTs of one event: one with an RRULE, one per occurrence for lunar rules."""
    schedule = item.schedule
    if schedule.kind == Kind.SINGLE:
        found = occurrences_between(schedule, schedule.start_date, schedule.start_date)
        return [_vevent(item, found[0], item.uid)] if found else []
    if schedule.kind == Kind.YEARLY_LUNAR:
        found = item.occurrences
        if found is None:
            first = add_years(today, -LUNAR_YEARS_BACK)
            found = occurrences_between(schedule, first, add_years(today, LUNAR_YEARS_AHEAD))
        return [_vevent(item, o, occurrence_uid(item.uid, o)) for o in found]
    first = _first_occurrence(schedule)
    if first is None:
        return []
    event = _vevent(item, first, item.uid)
    event.add("rrule", _rrule(schedule))
    return [event]


def occurrence_uid(uid, occurrence: Occurrence):
    name, _at, domain = uid.partition("@")
    return (
        f"{name}-{occurrence.start:%Y%m%d}@{domain}"
        if domain
        else f"{uid}-{occurrence.start:%Y%m%d}"
    )


def build_calendar(items, today, name, description="", url=""):
    """A whole VCALENDAR: the feed, or one event's own .ics."""
    calendar = Calendar()
    calendar.add("prodid", "-//Binh Lieu tourism portal//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # NAME (RFC 7986) and the X-WR- properties are TEXT, but the icalendar library
    # does not know them and would write them unescaped: say so with vText, which
    # escapes "\", ";", "," and newlines (RFC 5545 §3.3.11).
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", vText(description))
    if url:
        calendar.add("url", url)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    calendar.add_component(
        Timezone.from_tzid(
            TZID, first_date=datetime.date(2000, 1, 1), last_date=datetime.date(2100, 1, 1)
        )
    )
    for item in items:
        for component in event_components(item, today):
            calendar.add_component(component)
    return calendar
