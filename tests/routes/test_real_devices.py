"""GPX files as real devices write them: pieces, glitches, placeholders, strays, routes.

Every expected figure is computed here from the geometry with this file's own
haversine, never taken from the code under test.
"""

import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.routes.helpers import GPX_HEAD, make_route
from villages.routes.gpx import read_gpx
from villages.routes.models import RoutePage
from villages.routes.stats import compute_stats

CASES = Path("/work/shared/cases/gpx")
if not CASES.exists():  # CI lays shared/ beside the clone
    CASES = Path(__file__).resolve().parents[3] / "shared" / "cases" / "gpx"
NS = {"g": "http://www.topografix.com/GPX/1/1"}
RADIUS_M = 6371008.8


def haversine_m(a, b):
    """Great-circle metres between two (lat, lon) pairs, written out for the tests."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * RADIUS_M * math.asin(math.sqrt(h))


def length_m(points):
    return sum(haversine_m(a, b) for a, b in zip(points, points[1:], strict=False))


def line_north(start, count, step_deg, low=500.0, climb_per_point=1.0):
    lat, lon = start
    return [[lat + i * step_deg, lon, low + i * climb_per_point] for i in range(count)]


def trkpt(point, tag="trkpt", time=None):
    lat, lon, ele = point
    inner = "" if ele is None else f"<ele>{ele}</ele>"
    inner += f"<time>{time}</time>" if time else ""
    return f'<{tag} lat="{lat}" lon="{lon}">{inner}</{tag}>'


def gpx_of_tracks(*tracks):
    """One <trk> per list of segments, each segment a list of points."""
    body = "".join(
        "<trk>"
        + "".join("<trkseg>" + "".join(map(trkpt, seg)) + "</trkseg>" for seg in segments)
        + "</trk>"
        for segments in tracks
    )
    return (GPX_HEAD + body + "</gpx>").encode()


def read(data):
    return read_gpx(SimpleUploadedFile("t.gpx", data))


def figures(track):
    sizes = track.piece_sizes if len(track.pieces) > 1 else None
    return compute_stats(track.points, "walk", sizes)


def file_points(name):
    root = ET.parse(CASES / name).getroot()
    return [
        (
            float(p.get("lat")),
            float(p.get("lon")),
            float(p.find("g:ele", NS).text) if p.find("g:ele", NS) is not None else None,
        )
        for p in root.iterfind(".//g:trkpt", NS)
    ]


def notice_codes(track):
    return [notice.code for notice in track.notices]


# Several tracks and segments (a device switched off and on).

PIECE_A = line_north((21.50, 107.40), 30, 0.0005)
PIECE_B = line_north((21.53, 107.42), 20, 0.0005)  # about 3 km from the end of A
PIECE_C = line_north((21.56, 107.44), 25, 0.0004)


def test_tracks_and_segments_are_measured_as_pieces_and_the_gaps_count_for_nothing():
    track = read(gpx_of_tracks([PIECE_A, PIECE_B], [PIECE_C]))
    stats = figures(track)
    expected = length_m(PIECE_A) + length_m(PIECE_B) + length_m(PIECE_C)
    joined = length_m(PIECE_A + PIECE_B + PIECE_C)
    assert joined - expected > 5000  # what the site used to show
    assert stats.distance_m == pytest.approx(expected, abs=2)
    assert [p["distance_m"] for p in stats.pieces] == [
        pytest.approx(length_m(piece), abs=1) for piece in (PIECE_A, PIECE_B, PIECE_C)
    ]
    assert "pieces" not in notice_codes(track) and len(track.pieces) == 3


def test_the_climb_of_pieces_adds_up_without_the_jumps_between_them():
    low = line_north((21.50, 107.40), 41, 0.0005, low=500.0, climb_per_point=0.0)
    high = line_north((21.53, 107.42), 41, 0.0005, low=900.0, climb_per_point=0.0)
    stats = figures(read(gpx_of_tracks([low, high])))
    assert stats.ascent_m == 0 and stats.descent_m == 0
    assert (stats.min_elevation_m, stats.max_elevation_m) == (500, 900)


@pytest.mark.django_db
def test_the_map_and_the_download_never_draw_a_line_across_a_gap(client):
    track = read(gpx_of_tracks([PIECE_A], [PIECE_B], [PIECE_C]))
    page = make_route(points=track.points)
    page.track_notices = []
    from villages.routes.track import apply_track

    apply_track(page, track.points, "pieces.gpx", track.piece_sizes)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    options = json.loads(
        html.split('data-route-map="', 1)[1].split('"', 1)[0].replace("&quot;", '"')
    )
    assert len(options["lines"]) == 3
    assert options["lines"][1][0] == [PIECE_B[0][0], PIECE_B[0][1]]
    assert html.count('class="profile-line"') == 3
    feature = client.get(f"/api/routes/{page.pk}.geojson").json()
    assert feature["geometry"]["type"] == "MultiLineString"
    assert [len(line) for line in feature["geometry"]["coordinates"]] == [30, 20, 25]
    gpx = read(client.get(f"/api/routes/{page.pk}.gpx").content)
    assert len(gpx.pieces) == 3


# One outlying elevation reading (the shared case, and one written here).


def test_the_spike_case_climbs_about_100_m_and_its_lowest_point_is_600_m():
    raw = file_points("spike.gpx")
    track = read((CASES / "spike.gpx").read_bytes())
    stats = figures(track)
    readings = sorted(ele for _lat, _lon, ele in raw)
    assert readings[0] < 100  # the file does hold the glitch
    assert stats.min_elevation_m == round(readings[1]) == 600
    assert stats.max_elevation_m == round(readings[-1])
    assert stats.ascent_m == pytest.approx(readings[-1] - readings[1], abs=8)
    assert stats.descent_m <= 5
    assert stats.distance_m == pytest.approx(length_m(raw), abs=2)
    assert "elevation_outlier" in notice_codes(track)


def test_a_high_spike_is_dropped_as_well_and_the_editor_is_told_in_vietnamese():
    points = line_north((21.50, 107.40), 41, 0.0005, low=600.0, climb_per_point=2.5)
    points[10][2] = 2950.0
    track = read(gpx_of_tracks([points]))
    stats = figures(track)
    assert stats.max_elevation_m == 700 and stats.ascent_m == pytest.approx(100, abs=8)
    with translation.override("vi"):
        text = track.notices[0].text
    assert "2950" in text and "bỏ qua" in text


# Placeholders written by devices without a fix.


def test_the_null_island_case_drops_the_stray_point_and_measures_the_others():
    raw = file_points("null-island.gpx")
    kept = [p for p in raw if abs(p[0]) > 1 or abs(p[1]) > 1]
    assert len(kept) == len(raw) - 1
    track = read((CASES / "null-island.gpx").read_bytes())
    assert figures(track).distance_m == pytest.approx(length_m(kept), abs=2)
    assert notice_codes(track) == ["null_island"]


@pytest.mark.parametrize("value", [0.0, 123.0])
def test_elevations_that_are_all_one_value_are_treated_as_missing(value):
    points = [[lat, lon, value] for lat, lon, _e in line_north((21.5, 107.4), 20, 0.0005)]
    track = read(gpx_of_tracks([points]))
    stats = figures(track)
    assert stats.ascent_m is None and stats.min_elevation_m is None and stats.profile == []
    assert stats.distance_m == pytest.approx(length_m(points), abs=1)
    assert "elevation_placeholder" in notice_codes(track)


def test_timestamps_from_a_reset_clock_are_noted_and_not_used():
    points = line_north((21.5, 107.4), 5, 0.0005)
    body = "".join(trkpt(p, time=f"1970-01-01T00:00:0{i}Z") for i, p in enumerate(points))
    data = (GPX_HEAD + f"<trk><trkseg>{body}</trkseg></trk></gpx>").encode()
    track = read(data)
    assert "reset_time" in notice_codes(track)
    assert figures(track).distance_m == pytest.approx(length_m(points), abs=1)


# Points outside the district.


def test_a_stray_point_far_outside_the_district_is_dropped_with_a_notice():
    points = line_north((21.5, 107.4), 30, 0.0005)
    with_stray = points[:15] + [[21.0285, 105.8542, 10.0]] + points[15:]  # Hà Nội
    track = read(gpx_of_tracks([with_stray]))
    assert figures(track).distance_m == pytest.approx(length_m(points), abs=1)
    assert notice_codes(track) == ["outside_region"]


def test_a_track_mostly_outside_the_district_is_refused_with_the_reason():
    inside = line_north((21.5, 107.4), 10, 0.0005)
    outside = line_north((21.0, 105.8), 10, 0.0005)
    with pytest.raises(ValidationError) as excinfo:
        read(gpx_of_tracks([inside + outside]))
    assert excinfo.value.code == "mostly_outside_region"


# A track with one point and a route with three.


def test_a_one_point_track_gives_way_to_a_three_point_route():
    route = [[21.50, 107.40, 500.0], [21.51, 107.41, 520.0], [21.52, 107.40, 540.0]]
    body = "<trk><trkseg>" + trkpt([21.5, 107.4, 500.0]) + "</trkseg></trk><rte>"
    body += "".join(trkpt(p, "rtept") for p in route) + "</rte>"
    track = read((GPX_HEAD + body + "</gpx>").encode())
    assert track.points == route
    assert figures(track).distance_m == pytest.approx(length_m(route), abs=1)
    assert notice_codes(track) == ["route_used"]


# The editor: pieces listed with their lengths; keep all, keep one, or make stages.


def _edit(client, page, upload, **changes):
    from tests.routes.test_admin import edit_form_data

    data = edit_form_data(client, page, **changes)
    data["gpx_upload"] = SimpleUploadedFile("watch.gpx", upload)
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


@pytest.fixture
def vietnamese_editor(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    return admin_client


def test_the_editor_sees_how_many_pieces_and_their_lengths_in_vietnamese(vietnamese_editor):
    page = make_route()
    response = _edit(vietnamese_editor, page, gpx_of_tracks([PIECE_A], [PIECE_B], [PIECE_C]))
    html = response.content.decode()
    fresh = RoutePage.objects.get(pk=page.pk)
    assert len(fresh.pieces) == 3
    lengths = [f"{length_m(p) / 1000:.1f}".replace(".", ",") for p in (PIECE_A, PIECE_B, PIECE_C)]
    import re

    shown = re.findall(r"Tệp gồm 3 đoạn riêng \(([^)]*) km\)", html)
    assert shown and shown[0] == "; ".join(lengths), shown


def test_the_editor_can_keep_only_one_piece(admin_client):
    page = make_route()
    upload = gpx_of_tracks([PIECE_A], [PIECE_B], [PIECE_C])
    _edit(admin_client, page, upload, gpx_pieces="one", gpx_piece_number="2")
    fresh = RoutePage.objects.get(pk=page.pk)
    assert fresh.distance_m == pytest.approx(length_m(PIECE_B), abs=1)
    assert len(fresh.track) == len(PIECE_B) and fresh.piece_sizes is None


def test_the_editor_can_make_each_piece_a_stage(admin_client, client):
    page = make_route()
    upload = gpx_of_tracks([PIECE_A], [PIECE_B], [PIECE_C])
    _edit(admin_client, page, upload, gpx_pieces="stages")
    fresh = RoutePage.objects.get(pk=page.pk)
    assert fresh.stages.count() == 3
    from villages.routes.display import route_stages

    stages = route_stages(fresh, None, list(fresh.stages.all()), {})
    assert [s.distance_m for s in stages] == [
        pytest.approx(length_m(p), abs=2) for p in (PIECE_A, PIECE_B, PIECE_C)
    ]


def test_a_refused_file_writes_nothing(admin_client):
    page = make_route()
    before = (page.revisions.count(), page.track)
    inside = line_north((21.5, 107.4), 5, 0.0005)
    response = _edit(
        admin_client, page, gpx_of_tracks([inside + line_north((21, 105.8), 10, 1e-4)])
    )
    assert response.status_code == 200
    fresh = RoutePage.objects.get(pk=page.pk)
    assert (fresh.revisions.count(), fresh.track) == before
