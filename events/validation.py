"""Checks of an event's schedule, status and venue, as {field: message} for the admin form."""

import datetime

from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from events.occurrences import Kind
from events.status import Status
from portal.i18n import default_language

MAX_DURATION_DAYS = 62


def schedule_errors(page):
    errors = {}
    kind = page.schedule_kind
    if page.end_date and page.start_date and page.end_date < page.start_date:
        errors["end_date"] = _("The last day cannot come before the first day.")
    if page.repeat_until and page.start_date and page.repeat_until < page.start_date:
        errors["repeat_until"] = _("The rule cannot end before it starts.")
    if kind in (Kind.YEARLY_SOLAR, Kind.YEARLY_LUNAR):
        errors.update(_yearly_errors(page, lunar=kind == Kind.YEARLY_LUNAR))
    if kind == Kind.WEEKLY and page.weekday is None:
        errors["weekday"] = _("Choose the day of the week.")
    if not 1 <= (page.duration_days or 0) <= MAX_DURATION_DAYS:
        errors["duration_days"] = _("Enter a number of days from 1 to %(max)s.") % {
            "max": MAX_DURATION_DAYS
        }
    errors.update(_time_errors(page))
    return errors


def _yearly_errors(page, lunar):
    errors = {}
    if not page.rule_month:
        errors["rule_month"] = _("Choose the month.")
    if not page.rule_day:
        errors["rule_day"] = _("Enter the day of the month.")
    if errors:
        return errors
    if lunar and not 1 <= page.rule_day <= 30:
        errors["rule_day"] = _("A lunar month has at most 30 days.")
    if lunar:
        errors.update(_lunar_end_errors(page))
    elif not lunar:
        try:
            datetime.date(2000, page.rule_month, page.rule_day)  # a leap year
        except ValueError:
            errors["rule_day"] = _("This month has no such day.")
    return errors


def _lunar_end_errors(page):
    """The last lunar day and month: both or neither, a day from 1 to 30."""
    day, month = page.rule_end_day, page.rule_end_month
    if day is None and month is None:
        return {}
    if month is None:
        return {"rule_end_month": _("Choose the month the season ends in.")}
    if day is None:
        return {"rule_end_day": _("Enter the day the season ends on.")}
    if not 1 <= day <= 30:
        return {"rule_end_day": _("A lunar month has at most 30 days.")}
    return {}


def _time_errors(page):
    if page.end_time and not page.start_time:
        return {"start_time": _("Give a start time too, or leave both times empty.")}
    lunar_season = page.schedule_kind == Kind.YEARLY_LUNAR and page.rule_end_day is not None
    one_day = (page.schedule_kind == Kind.SINGLE and not page.end_date) or (
        page.schedule_kind != Kind.SINGLE and (page.duration_days or 1) == 1 and not lunar_season
    )
    if one_day and page.end_time and page.start_time and page.end_time <= page.start_time:
        return {"end_time": _("The end time must come after the start time.")}
    return {}


def status_errors(page):
    if page.status == Status.RESCHEDULED and not page.previous_start_date:
        return {"previous_start_date": _("Give the date the event was first announced for.")}
    return {}


def venue_errors(page, allowed_models):
    errors = {}
    if page.venue_id is None and not page.venue_name:
        # The form has one field per language: the message goes to the default one.
        name = build_localized_fieldname("venue_name", default_language())
        errors[name] = _("Choose a village or attraction, or name the place.")
    if page.venue_id is not None:
        venue = page.venue.specific
        if not isinstance(venue, allowed_models):
            errors["venue"] = _("Choose a village or an attraction page.")
    has_lat = page.venue_latitude is not None
    if has_lat != (page.venue_longitude is not None):
        errors["venue_longitude"] = _("Give both latitude and longitude, or neither.")
    return errors
