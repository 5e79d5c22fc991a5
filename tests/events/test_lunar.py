"""The Vietnamese lunar calendar: computed for UTC+7, not the Chinese UTC+8."""

import datetime

import pytest
from django.utils import translation

from events import lunar

# Tết Nguyên Đán as published for Vietnam.
VIETNAMESE_TET = {
    1968: datetime.date(1968, 1, 29),
    1985: datetime.date(1985, 1, 21),
    2007: datetime.date(2007, 2, 17),
    2023: datetime.date(2023, 1, 22),
    2024: datetime.date(2024, 2, 10),
    2025: datetime.date(2025, 1, 29),
    2026: datetime.date(2026, 2, 17),
    2027: datetime.date(2027, 2, 6),
}

# Chinese New Year in the years where the two calendars differ.
CHINESE_NEW_YEAR = {
    1968: datetime.date(1968, 1, 30),
    1985: datetime.date(1985, 2, 20),
    2007: datetime.date(2007, 2, 18),
}


@pytest.mark.parametrize("year,expected", VIETNAMESE_TET.items())
def test_tet_falls_on_the_published_vietnamese_date(year, expected):
    assert lunar.tet(year) == expected


@pytest.mark.parametrize("year,chinese", CHINESE_NEW_YEAR.items())
def test_the_vietnamese_calendar_differs_from_the_chinese_one_where_it_should(year, chinese):
    # The same algorithm at UTC+8 gives the Chinese date, which would be wrong here.
    assert lunar.tet(year, utc_offset=8.0) == chinese
    assert lunar.tet(year) != chinese
    assert lunar.tet(year) == VIETNAMESE_TET[year]


def test_tet_1985_is_a_whole_month_earlier_in_vietnam():
    assert (CHINESE_NEW_YEAR[1985] - lunar.tet(1985)).days == 30


def test_a_lunar_date_converts_both_ways():
    day = lunar.to_solar(16, 3, 2027)
    assert day == datetime.date(2027, 4, 22)
    assert lunar.to_lunar(day) == lunar.LunarDate(16, 3, 2027, False)


def test_the_30th_of_a_29_day_month_is_its_last_day():
    # The 12th month of lunar year 2026 has 29 days: its 30th is the eve of Tết 2027.
    assert lunar.to_solar(30, 12, 2026) == lunar.tet(2027) - datetime.timedelta(days=1)
    assert lunar.to_lunar(lunar.to_solar(30, 12, 2026)).day == 29


def test_years_outside_the_calendar_give_no_date():
    assert lunar.to_solar(1, 1, 1850) is None
    assert lunar.to_solar(1, 1, 2150) is None


@pytest.mark.parametrize(
    "number,ordinal",
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
    ],
)
def test_english_ordinals_are_correct(number, ordinal):
    assert lunar.english_ordinal(number) == ordinal


def test_a_lunar_rule_reads_as_words_in_english():
    with translation.override("en"):
        assert lunar.lunar_rule_words(16, 3) == "16th day of the 3rd lunar month"
        assert lunar.lunar_rule_words(15, 1, 17, 1) == "15th to the 17th day of the 1st lunar month"
        assert lunar.lunar_rule_words(15, 12, 15, 1) == (
            "15th day of the 12th lunar month to the 15th day of the 1st lunar month "
            "of the following year"
        )


def test_the_lunar_date_of_a_solar_day_reads_as_words():
    with translation.override("en"):
        assert lunar.lunar_date_words(datetime.date(2027, 4, 22)) == (
            "16th day of the 3rd lunar month"
        )


def test_the_published_dates_the_event_tests_expect_agree_with_the_lunar_library():
    """tests/events/conftest.py writes published lunar dates; lunar-vn, used directly
    (not through events.lunar), gives the same days."""
    import lunar_vn

    from tests.events import conftest

    def solar(day, month, year):
        return lunar_vn.lunar_to_solar(lunar_vn.LunarDate(day, month, year))

    assert [solar(16, 3, year) for year in (2027, 2028, 2029)] == conftest.LUNAR_16_3
    assert solar(15, 1, 2027) == conftest.LUNAR_15_1_2027
    assert solar(17, 1, 2027) == conftest.LUNAR_17_1_2027
    assert solar(4, 4, 2027) == conftest.LUNAR_4_4_2027
