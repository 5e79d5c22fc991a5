"""Expanding schedules into occurrences: every rule type, year boundaries, multi-day."""

import datetime

from events.occurrences import (
    Kind,
    Schedule,
    Weekday,
    following,
    next_occurrence,
    occurrences_between,
)

D = datetime.date


def starts(found):
    return [(o.start, o.end) for o in found]


def test_a_single_all_day_event_has_one_occurrence():
    schedule = Schedule(Kind.SINGLE, D(2027, 3, 1))
    found = occurrences_between(schedule, D(2027, 1, 1), D(2027, 12, 31))
    assert starts(found) == [(D(2027, 3, 1), D(2027, 3, 1))]
    assert found[0].all_day
    assert found[0].end_datetime.isoformat() == "2027-03-02T00:00:00+07:00"


def test_a_multi_day_event_overlapping_the_window_start_is_included():
    schedule = Schedule(Kind.SINGLE, D(2026, 12, 30), end_date=D(2027, 1, 2))
    found = occurrences_between(schedule, D(2027, 1, 1), D(2027, 1, 31))
    assert starts(found) == [(D(2026, 12, 30), D(2027, 1, 2))]
    assert found[0].multi_day
    assert found[0].days()[-1] == D(2027, 1, 2)


def test_a_timed_event_carries_the_vietnam_offset():
    schedule = Schedule(
        Kind.SINGLE, D(2023, 10, 21), start_time=datetime.time(20), end_time=datetime.time(22)
    )
    occurrence = occurrences_between(schedule, D(2023, 10, 1), D(2023, 10, 31))[0]
    assert not occurrence.all_day
    assert occurrence.start_datetime.isoformat() == "2023-10-21T20:00:00+07:00"
    assert occurrence.end_datetime.isoformat() == "2023-10-21T22:00:00+07:00"


def test_a_yearly_solar_rule_repeats_from_its_start_and_stops_at_its_end():
    schedule = Schedule(
        Kind.YEARLY_SOLAR,
        D(2015, 12, 1),
        month=12,
        day=15,
        duration_days=3,
        repeat_until=D(2027, 12, 31),
    )
    found = occurrences_between(schedule, D(2014, 1, 1), D(2030, 12, 31))
    assert found[0].start == D(2015, 12, 15)
    assert found[-1].start == D(2027, 12, 15)
    assert found[-1].end == D(2027, 12, 17)
    assert len(found) == 13


def test_a_yearly_solar_occurrence_crosses_the_new_year():
    schedule = Schedule(Kind.YEARLY_SOLAR, D(2020, 1, 1), month=12, day=30, duration_days=4)
    found = occurrences_between(schedule, D(2027, 1, 1), D(2027, 1, 5))
    assert starts(found) == [(D(2026, 12, 30), D(2027, 1, 2))]


def test_a_29_february_rule_only_happens_in_leap_years():
    schedule = Schedule(Kind.YEARLY_SOLAR, D(2020, 1, 1), month=2, day=29)
    found = occurrences_between(schedule, D(2020, 1, 1), D(2029, 12, 31))
    assert [o.start.year for o in found] == [2020, 2024, 2028]


def test_a_yearly_lunar_rule_follows_the_vietnamese_calendar():
    festival = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=3, day=16)
    found = occurrences_between(festival, D(2027, 1, 1), D(2029, 12, 31))
    assert [o.start for o in found] == [D(2027, 4, 22), D(2028, 4, 10), D(2029, 4, 29)]
    assert all(o.from_lunar_rule for o in found)


def test_a_multi_day_lunar_rule_covers_each_day():
    spring = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=1, day=15, duration_days=3)
    found = occurrences_between(spring, D(2027, 1, 1), D(2027, 12, 31))
    assert starts(found) == [(D(2027, 2, 20), D(2027, 2, 22))]
    assert found[0].lunar_start.day == 15


def test_a_lunar_rule_in_the_12th_month_falls_in_the_next_solar_year():
    dao_tet = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=12, day=15, duration_days=30)
    found = occurrences_between(dao_tet, D(2027, 1, 1), D(2027, 1, 31))
    # The 15th of the 12th month of lunar year 2026 is 22 January 2027; it runs past Tết.
    assert starts(found) == [(D(2027, 1, 22), D(2027, 2, 20))]


def test_a_lunar_rule_does_not_start_before_its_first_year():
    vo_ngai = Schedule(Kind.YEARLY_LUNAR, D(2025, 1, 1), month=1, day=5, duration_days=2)
    found = occurrences_between(vo_ngai, D(2020, 1, 1), D(2026, 12, 31))
    assert [o.start.year for o in found] == [2025, 2026]


def test_a_weekly_rule_gives_every_saturday():
    market = Schedule(Kind.WEEKLY, D(2024, 1, 1), weekday=Weekday.SATURDAY)
    found = occurrences_between(market, D(2026, 12, 1), D(2026, 12, 31))
    assert [o.start.day for o in found] == [5, 12, 19, 26]
    assert all(o.start.weekday() == 5 for o in found)


def test_a_weekly_rule_crosses_the_new_year_and_stops_when_told():
    market = Schedule(
        Kind.WEEKLY, D(2024, 1, 1), weekday=Weekday.SUNDAY, repeat_until=D(2027, 1, 10)
    )
    found = occurrences_between(market, D(2026, 12, 25), D(2027, 3, 1))
    assert [o.start for o in found] == [D(2026, 12, 27), D(2027, 1, 3), D(2027, 1, 10)]


def test_a_two_day_weekly_rule_still_in_progress_is_included():
    fair = Schedule(Kind.WEEKLY, D(2024, 1, 1), weekday=Weekday.SATURDAY, duration_days=2)
    found = occurrences_between(fair, D(2026, 11, 29), D(2026, 11, 29))  # a Sunday
    assert starts(found) == [(D(2026, 11, 28), D(2026, 11, 29))]


def test_the_next_occurrence_is_the_one_still_in_progress():
    spring = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=1, day=15, duration_days=3)
    assert next_occurrence(spring, D(2027, 2, 21)).start == D(2027, 2, 20)
    assert next_occurrence(spring, D(2027, 2, 23)).start.year == 2028


def test_following_covers_the_next_three_years_of_a_yearly_rule():
    festival = Schedule(Kind.YEARLY_LUNAR, D(2020, 1, 1), month=3, day=16)
    found = following(festival, D(2026, 11, 26))
    assert [o.start.year for o in found] == [2027, 2028, 2029]


def test_a_finished_single_event_has_no_next_occurrence():
    schedule = Schedule(Kind.SINGLE, D(2025, 12, 25))
    assert next_occurrence(schedule, D(2026, 11, 26)) is None
