"""Figures computed from a known synthetic track, and the helpers behind them."""

import pytest

from tests.routes.helpers import METRES_PER_DEGREE, climbing_track, gpx_bytes
from villages.routes.gpx import read_gpx
from villages.routes.stats import (
    climbs,
    compute_stats,
    cumulative_distances,
    estimate_minutes,
    fill_elevations,
    locate_stops,
    map_line,
)

# The synthetic climb: 0.09° due north (10.0076 km on the sphere), 300 m → 800 m,
# each GPS fix off by ±6 m alternately.
EXPECTED_DISTANCE_M = 0.09 * METRES_PER_DEGREE


def test_the_distance_of_a_known_track_is_right_within_half_a_percent():
    stats = compute_stats(climbing_track(), "walk")
    assert stats.distance_m == pytest.approx(EXPECTED_DISTANCE_M, rel=0.005)


def test_the_ascent_of_a_noisy_500_metre_climb_is_500_metres_within_4_percent():
    points = climbing_track()
    stats = compute_stats(points, "walk")
    raw_ascent, _raw_descent = climbs([p[2] for p in points], 0)
    assert raw_ascent > 5000  # summing the raw readings would be absurd
    assert stats.ascent_m == pytest.approx(500, rel=0.04)
    assert stats.descent_m <= 10


def test_gps_noise_on_a_flat_road_adds_no_climbing():
    flat = climbing_track(low=400, high=400, noise=6)
    stats = compute_stats(flat, "walk")
    assert stats.ascent_m <= 5 and stats.descent_m <= 5


def test_the_walking_time_follows_naismith_within_five_minutes():
    stats = compute_stats(climbing_track(), "walk")
    # 10.0 km at 5 km/h = 120 min, plus 500 m of ascent at 600 m/h = 50 min.
    assert abs(stats.duration_minutes - 170) <= 5


def test_a_motorbike_ignores_the_climb_and_rides_at_the_settings_speed(settings):
    assert compute_stats(climbing_track(), "motorbike").duration_minutes == 25  # 10 km at 25
    settings.ROUTES_SPEEDS = {"motorbike": {"kmh": 20, "climb_m_per_h": 0}}
    assert compute_stats(climbing_track(), "motorbike").duration_minutes == 30


def test_estimates_are_rounded_to_five_minutes_and_never_zero():
    assert estimate_minutes("walk", 10, 0) == 5
    assert estimate_minutes("walk", 5000, 600) % 5 == 0


def test_the_lowest_and_highest_points_the_start_the_end_and_the_box_are_stored():
    points = climbing_track()
    stats = compute_stats(points, "walk")
    assert stats.min_elevation_m == 294 and stats.max_elevation_m == 806
    assert stats.start == (21.50, 107.40)
    assert stats.end == pytest.approx((21.59, 107.40))
    west, south, east, north = stats.bbox
    assert (west, south, east) == (107.40, 21.50, 107.40)
    assert north == pytest.approx(21.59)


def test_the_profile_is_sampled_evenly_and_the_map_line_is_simplified():
    stats = compute_stats(climbing_track(), "walk")
    assert len(stats.profile) == 200
    assert stats.profile[0][0] == 0 and stats.profile[-1][0] == stats.distance_m
    # A straight line needs only its two ends on a map.
    assert len(stats.line) == 2
    assert stats.line[-1][2] == stats.distance_m


def test_a_winding_track_keeps_at_most_the_configured_number_of_map_points(settings):
    settings.ROUTES_MAP_POINTS = 50
    zigzag = [[21.5 + i * 0.0005, 107.4 + (0.001 if i % 2 else 0), 500] for i in range(500)]
    assert len(map_line(zigzag, cumulative_distances(zigzag), 50)) <= 50


def test_missing_elevations_are_interpolated_and_a_track_without_any_has_no_climb_figures():
    assert fill_elevations([0, 10, 20], [100, None, 120]) == [100, 110, 120]
    stats = compute_stats([[21.5, 107.4, None], [21.51, 107.4, None]], "walk")
    assert stats.ascent_m is None and stats.max_elevation_m is None and stats.profile == []
    assert stats.distance_m == pytest.approx(0.01 * METRES_PER_DEGREE, rel=0.005)


def test_a_gpx_file_and_its_points_give_the_same_figures():
    track = read_gpx(gpx_bytes())
    assert len(track.points) == 1001
    assert compute_stats(track.points, "walk") == compute_stats(climbing_track(), "walk")


def test_route_points_are_read_when_a_file_has_no_track():
    track = read_gpx(gpx_bytes(kind="rte"))
    assert len(track.points) == 1001 and track.name == "Test track"


def test_stops_are_placed_in_order_along_a_loop():
    # Out along a meridian and back along the same line: a loop that passes each place twice.
    out = [[21.50 + 0.001 * i, 107.40, 0] for i in range(11)]
    loop = out + out[-2::-1]
    line = [
        [lat, lon, d] for (lat, lon, _e), d in zip(loop, cumulative_distances(loop), strict=True)
    ]
    start, turn, finish = locate_stops(line, [(21.50, 107.40), (21.51, 107.40), (21.50, 107.40)])
    assert start[0] == 0
    assert turn[0] == pytest.approx(0.01 * METRES_PER_DEGREE, rel=0.01)
    assert finish[0] == pytest.approx(0.02 * METRES_PER_DEGREE, rel=0.01)


def test_a_stop_away_from_the_track_reports_how_far_off_it_is():
    line = [[21.50, 107.40, 0], [21.51, 107.40, 1112]]
    ((along, off),) = locate_stops(line, [(21.505, 107.41)])
    assert along == pytest.approx(556, abs=2)
    assert off == pytest.approx(1035, rel=0.01)
