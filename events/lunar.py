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

from events import lunar_words

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


def season_end(start, day, month, end_day, end_month, utc_offset=VIETNAM_UTC_OFFSET):
    """The last solar day of a season that starts on ``start`` (the solar date of
    ``day``/``month``) and ends on ``end_day``/``end_month`` of the same lunar year, or
    of the next when that date comes earlier in the year (e.g. 15/12 to 15/1).

    Months of 29 or 30 days are taken as the calendar has them, so the season ends on
    the day its rule names. None when the calendar does not cover the year.
    """
    year = to_lunar(start, utc_offset).year
    if lunar_words.ends_next_year(day, month, end_day, end_month):
        year += 1
    end = to_solar(end_day, end_month, year, utc_offset)
    if end is None:
        return None
    return max(end, start)


def lunar_rule_words(day, month, end_day=None, end_month=None):
    """The rule as a phrase in the active language, e.g. 'mùng 5 đến mùng 6 tháng Giêng',
    '15th day of the 12th lunar month to the 15th day of the 1st lunar month of the
    following year' (see ``lunar_words``)."""
    return lunar_words.rule_phrase(day, month, end_day, end_month)


def lunar_rule_sentence(day, month, end_day=None, end_month=None):
    """The rule as a sentence: 'Hằng năm vào rằm tháng Giêng (âm lịch).'"""
    return lunar_words.rule_sentence(day, month, end_day, end_month)


def lunar_date_words(date):
    """The lunar date of a solar ``date`` in words, without the year."""
    return lunar_words.occurrence_words(to_lunar(date), None)


def lunar_span_words(first, last):
    """The lunar dates of the solar days ``first`` to ``last`` in words."""
    return lunar_words.occurrence_words(to_lunar(first), to_lunar(last))


english_ordinal = lunar_words.english_ordinal
