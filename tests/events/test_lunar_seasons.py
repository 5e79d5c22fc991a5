"""Lunar seasons end on the lunar day their rule names, and rules read as people write them.

The expected dates are computed here from astronomy (PyEphem's new moons, solstices and
the Sun's longitude), by the rule of the Vietnamese calendar: a month starts on the day
(UTC+7) of a new moon; month 11 holds the December solstice; in a year of 13 months the
first month without a major solar term is the leap month. This shares no code with
``lunar-vn``.
"""

import datetime
import math

import ephem
import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from events import lunar
from events.models import EventPage
from events.occurrences import Kind, Schedule, occurrences_between
from portal.i18n import page_url

D = datetime.date
UTC7 = 7 / 24


def local_day(moment):
    """The calendar day in Vietnam (UTC+7) of an ephem moment (UTC)."""
    return ephem.Date(moment + UTC7).datetime().date()


def local_midnight(day):
    """The ephem moment (UTC) of 00:00 in Vietnam on ``day``."""
    return ephem.Date(ephem.Date(day.strftime("%Y/%m/%d")) - UTC7)


def new_moon_days(first, last):
    days, moment = [], local_midnight(first)
    while True:
        moment = ephem.next_new_moon(moment)
        if local_day(moment) > last:
            return days
        days.append(local_day(moment))
        moment = ephem.Date(moment + 1)


def sun_longitude(moment):
    sun = ephem.Sun(moment)
    return math.degrees(ephem.Ecliptic(sun, epoch=moment).lon)


def has_major_term(start, end):
    """True when the Sun's longitude passes a multiple of 30° between two month starts."""
    return int(sun_longitude(local_midnight(start)) // 30) != int(
        sun_longitude(local_midnight(end)) // 30
    )


def month_11_start(year, moons):
    solstice = local_day(ephem.next_solstice(ephem.Date(f"{year}/12/1")))
    return max(day for day in moons if day <= solstice)


def months_after_month_11(year):
    """[(month number, leap, first day), …] from month 11 of ``year`` to month 11 of year+1."""
    moons = new_moon_days(D(year, 10, 1), D(year + 2, 1, 31))
    first, last = month_11_start(year, moons), month_11_start(year + 1, moons)
    starts = [day for day in moons if first <= day <= last]
    leap_index = None
    if len(starts) == 14:  # 13 months between two months 11
        leap_index = next(i for i in range(1, 13) if not has_major_term(starts[i], starts[i + 1]))
    months, number = [], 11
    for i, day in enumerate(starts[:-1]):
        if i == leap_index:  # repeats the number of the month before it
            months.append((months[-1][0], True, day))
            continue
        months.append((number, False, day))
        number = number % 12 + 1
    return months


def dao_tet_season(lunar_year):
    """(first, last day) of the season from 15/12 of ``lunar_year`` to 15/1 of the next."""
    months = months_after_month_11(lunar_year)
    twelfth = next(day for number, leap, day in months if number == 12 and not leap)
    first_month = next(day for number, leap, day in months if number == 1 and not leap)
    return twelfth + datetime.timedelta(days=14), first_month + datetime.timedelta(days=14)


DAO_TET = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=12, day=15, end_day=15, end_month=1)


@pytest.mark.parametrize("last_year", range(2025, 2036))
def test_the_dao_tet_season_starts_and_ends_on_the_right_days(last_year):
    expected = dao_tet_season(last_year - 1)
    found = occurrences_between(DAO_TET, D(last_year, 1, 1), D(last_year, 3, 31))
    assert [(o.start, o.end) for o in found] == [expected]


def test_the_issue_s_dates_are_what_the_astronomy_gives():
    # Stated in the issue from an independent lunar reference.
    assert dao_tet_season(2032)[1] == D(2033, 2, 14)
    assert dao_tet_season(2033)[1] == D(2034, 3, 5)
    assert dao_tet_season(2034)[1] == D(2035, 2, 22)


@pytest.mark.django_db
def test_a_season_page_ends_on_the_15th_of_the_1st_month(calendar):
    # calendar.season: from the 15th of the 12th to the 15th of the 1st lunar month.
    page = EventPage.objects.get(pk=calendar.season.pk)
    ends = [o.end for o in occurrences_between(page.schedule, D(2033, 1, 1), D(2035, 12, 31))]
    assert ends == [D(2033, 2, 14), D(2034, 3, 5), D(2035, 2, 22)]


def test_a_season_in_a_leap_month_year_runs_through_the_leap_month():
    # Lunar 2025 has a leap 6th month: from the 20th of the 6th to the 10th of the 7th.
    season = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=6, day=20, end_day=10, end_month=7)
    months = months_after_month_11(2024)
    sixth = next(day for n, leap, day in months if n == 6 and not leap)
    seventh = next(day for n, leap, day in months if n == 7)
    assert any(n == 6 and leap for n, leap, _day in months)  # the astronomy agrees
    found = occurrences_between(season, D(2025, 1, 1), D(2025, 12, 31))
    assert [(o.start, o.end) for o in found] == [
        (sixth + datetime.timedelta(days=19), seventh + datetime.timedelta(days=9))
    ]


# The rule in words, as each language writes it.

RULES = {
    "single day": (
        (15, 1, None, None),
        "Hằng năm vào rằm tháng Giêng (âm lịch).",
        "Every year on the 15th day of the 1st lunar month.",
    ),
    "early day": (
        (4, 4, None, None),
        "Hằng năm vào mùng 4 tháng Tư (âm lịch).",
        "Every year on the 4th day of the 4th lunar month.",
    ),
    "range in a month": (
        (5, 1, 6, 1),
        "Hằng năm từ mùng 5 đến mùng 6 tháng Giêng (âm lịch).",
        "Every year from the 5th to the 6th day of the 1st lunar month.",
    ),
    "across the new year": (
        (15, 12, 15, 1),
        "Hằng năm từ rằm tháng Chạp đến rằm tháng Giêng năm sau (âm lịch).",
        "Every year from the 15th day of the 12th lunar month to the 15th day of the 1st "
        "lunar month of the following year.",
    ),
}


@pytest.mark.parametrize("case", RULES)
def test_the_rule_reads_as_each_language_writes_it(case):
    (day, month, end_day, end_month), vietnamese, english = RULES[case]
    with translation.override("vi"):
        assert lunar.lunar_rule_sentence(day, month, end_day, end_month) == vietnamese
    with translation.override("en"):
        assert lunar.lunar_rule_sentence(day, month, end_day, end_month) == english


def test_dates_in_a_leap_month_say_so_in_both_languages():
    months = months_after_month_11(2024)
    leap_start = next(day for n, leap, day in months if n == 6 and leap)
    day = leap_start + datetime.timedelta(days=4)  # the 5th of the leap 6th month
    with translation.override("vi"):
        assert lunar.lunar_date_words(day) == "mùng 5 tháng Sáu nhuận âm lịch"
    with translation.override("en"):
        assert lunar.lunar_date_words(day) == "5th day of the leap 6th lunar month"


def test_a_season_across_the_leap_month_names_both_ends():
    sixth = next(d for n, leap, d in months_after_month_11(2024) if n == 6 and not leap)
    seventh = next(d for n, leap, d in months_after_month_11(2024) if n == 7)
    first, last = sixth + datetime.timedelta(days=19), seventh + datetime.timedelta(days=9)
    with translation.override("vi"):
        assert lunar.lunar_span_words(first, last) == (
            "ngày 20 tháng Sáu đến mùng 10 tháng Bảy âm lịch"
        )
    with translation.override("en"):
        assert lunar.lunar_span_words(first, last) == (
            "20th day of the 6th lunar month to the 10th day of the 7th lunar month"
        )


def test_a_language_without_its_own_forms_gets_neutral_grammatical_words():
    from events import lunar_words

    with translation.override(None):  # no catalogue: the neutral msgids as they are
        assert lunar_words.forms("fr")["date"] == "day {day} of lunar month {month}"
        assert lunar.lunar_rule_sentence(5, 1, 6, 1) == (
            "Every year: days 5 to 6 of lunar month 1."
        )


def test_simplified_chinese_forms_are_in_the_table():
    with translation.override("zh-hans"):
        assert lunar.lunar_rule_sentence(15, 1) == "每年农历正月十五。"
        assert lunar.lunar_rule_sentence(15, 12, 15, 1) == "每年农历腊月十五至次年正月十五。"


@pytest.mark.django_db
def test_the_english_rule_on_the_page_the_calendar_file_and_the_api_reads_well(client, calendar):
    expected = (
        "Every year from the 15th day of the 12th lunar month to the 15th day of the 1st "
        "lunar month of the following year."
    )
    page_obj = calendar.season  # from the 15th of the 12th to the 15th of the 1st month
    response = client.get(page_url(page_obj, "en"))
    assert response.status_code == 200
    rule = BeautifulSoup(response.content, "html.parser").select_one(".event-when .event-rule")
    assert rule.get_text(" ", strip=True) == expected
    assert "on the from" not in response.content.decode()
    ics = client.get(f"/feeds/events/{page_obj.pk}.ics", {"lang": "en"})
    unfolded = ics.content.decode().replace("\r\n ", "")
    assert "Every year from the 15th day of the 12th lunar month" in unfolded.replace("\\", "")
    data = client.get(f"/api/v2/events/{page_obj.pk}/", {"lang": "en"}).json()
    assert data["lunar_rule"] == expected.removeprefix("Every year from the ").removesuffix(".")


def test_the_month_grid_and_the_lists_use_one_weekday_style_in_vietnamese():
    from django.utils.formats import date_format

    monday = D(2027, 4, 19)
    with translation.override("vi"):
        short = [date_format(monday + datetime.timedelta(days=n), "D") for n in range(7)]
        long = [date_format(monday + datetime.timedelta(days=n), "l") for n in range(7)]
    assert short == long
    assert long[0] == "Thứ Hai" and long[6] == "Chủ Nhật"
