"""The Vietnamese lunar calendar (âm lịch), computed for UTC+7.

Conversion comes from the ``lunar-vn`` package (MIT), a port of Hồ Ngọc Đức's
published algorithm with Vietnam's time zone. The Chinese calendar is the same
algorithm computed for UTC+8: when a new moon falls between 16:00 and 17:00 UTC
the two calendars start a month on different days (Tết 1985, 2007, 2030…), which
is why a Chinese-calendar package gives wrong festival dates in some years.

Festival rules name a day and a month of the ordinary (non-leap) lunar month; in a
year with a leap month of the same number, the festival is held in the first one.
"""

import datetime
from dataclasses import dataclass

import lunar_vn
from django.utils.translation import get_language, gettext

VIETNAM_UTC_OFFSET = 7.0
FIRST_YEAR, LAST_YEAR = lunar_vn.SUPPORTED_YEAR_RANGE


@dataclass(frozen=True)
class LunarDate:
    day: int
    month: int
    year: int
    leap: bool = False


def to_lunar(date, utc_offset=VIETNAM_UTC_OFFSET):
    """The lunar date of a solar ``date``."""
    lunar = lunar_vn.convert_solar_to_lunar(date.day, date.month, date.year, time_zone=utc_offset)
    return LunarDate(lunar.day, lunar.month, lunar.year, lunar.leap)


def to_solar(day, month, year, utc_offset=VIETNAM_UTC_OFFSET):
    """The solar date of ``day``/``month`` of lunar year ``year`` (non-leap month).

    A month has 29 or 30 days: day 30 of a 29-day month gives its last day, the
    29th, as people do for rites fixed on the 30th (e.g. the last day of the year).
    Returns None outside the years the calendar covers.
    """
    if not (FIRST_YEAR <= year < LAST_YEAR):
        return None
    solar = lunar_vn.convert_lunar_to_solar(day, month, year, 0, time_zone=utc_offset)
    if day == 30 and to_lunar(solar, utc_offset).day != 30:
        solar -= datetime.timedelta(days=1)
    return solar


def tet(year, utc_offset=VIETNAM_UTC_OFFSET):
    """Lunar New Year's day (Tết Nguyên Đán) of ``year``."""
    return to_solar(1, 1, year, utc_offset)


def english_ordinal(number):
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal(number):
    """'16th' for English readers; the plain number where the language puts the
    number after the noun, as Vietnamese does ("ngày 16 tháng 3")."""
    return english_ordinal(number) if get_language().startswith("en") else str(number)


def _numbers(**numbers):
    """Each number plain (``day``) and as an ordinal in the active language (``day_ordinal``)."""
    values = dict(numbers)
    values.update({f"{name}_ordinal": ordinal(n) for name, n in numbers.items()})
    return values


def lunar_day_words(day, month):
    """'16th day of the 3rd lunar month' / '16 tháng 3 âm lịch' in the active language."""
    return gettext("%(day_ordinal)s day of the %(month_ordinal)s lunar month") % _numbers(
        day=day, month=month
    )


def lunar_rule_words(day, month, duration_days=1):
    """A yearly lunar rule in words: one day, a few days of one month, or a longer span."""
    if duration_days <= 1:
        return lunar_day_words(day, month)
    last = day + duration_days - 1
    if last <= 29:
        return gettext(
            "%(first_ordinal)s to %(last_ordinal)s day of the %(month_ordinal)s lunar month"
        ) % _numbers(first=day, last=last, month=month)
    return gettext(
        "from the %(day_ordinal)s day of the %(month_ordinal)s lunar month, for %(days)s days"
    ) % {**_numbers(day=day, month=month), "days": duration_days}


def lunar_date_words(date):
    """The lunar date of a solar ``date`` in words, without the year."""
    lunar = to_lunar(date)
    if lunar.leap:
        return gettext("%(day_ordinal)s day of the leap %(month_ordinal)s lunar month") % _numbers(
            day=lunar.day, month=lunar.month
        )
    return lunar_day_words(lunar.day, lunar.month)
