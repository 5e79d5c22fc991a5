"""The demo routes (run on the demo, see tests/demo/conftest.py): plausible sample
tracks inside the district that match the fact sheet, loaded idempotently."""

import pytest
from django.core.management import call_command

from villages.conf import region_box
from villages.models import HomestayPage, VillagePage
from villages.routes.demo import demo_track, load_route
from villages.routes.demo.content import ROUTES
from villages.routes.demo.tracks import generate_points, gpx_document
from villages.routes.models import RouteIndexPage, RoutePage

pytestmark = pytest.mark.django_db


def route(slug_en):
    return RoutePage.objects.get(slug_en=slug_en)


def test_there_are_four_sample_routes_with_tracks_inside_the_district_box():
    box = region_box()
    routes = RoutePage.objects.filter(slug_en__in=[row["slug_en"] for row in ROUTES])
    assert routes.count() == 4
    for page in routes:
        assert page.is_sample and page.live and page.track
        for lat, lon, _ele in page.track:
            assert box["min_lat"] <= lat <= box["max_lat"]
            assert box["min_lon"] <= lon <= box["max_lon"]


def test_the_dinosaurs_spine_is_a_steep_two_kilometre_walk_to_marker_1305():
    page = route("dinosaurs-spine")
    assert page.mode == "walk" and page.difficulty == "hard"
    assert page.distance_m == pytest.approx(2000, rel=0.1)
    assert page.ascent_m / page.distance_m > 0.12  # steep: over 12% on average
    assert [stop.place.specific.slug_en for stop in page.stops.all()] == ["marker-1305"]


def test_the_cao_xiem_trek_is_about_seven_kilometres_to_the_1429_metre_summit():
    page = route("cao-xiem-trek")
    assert page.distance_m == pytest.approx(7000, rel=0.05)
    assert page.max_elevation_m == 1429
    assert page.best_months == [1, 2, 3, 11, 12]


def test_the_multi_day_route_links_the_san_chi_and_dao_villages_with_homestay_stops():
    page = route("luc-ngu-to-khe-tien")
    stops = [stop.place.specific for stop in page.stops.all()]
    assert isinstance(stops[0], HomestayPage) and isinstance(stops[-1], HomestayPage)
    villages = [p.slug_vi for p in stops if isinstance(p, VillagePage)]
    assert villages == ["luc-ngu", "song-mooc-khe-tien"]
    stages = list(page.stages.all())
    assert len(stages) == 2
    assert all(isinstance(stage.ends_at.specific, HomestayPage) for stage in stages)


def test_generated_tracks_are_the_same_byte_for_byte_every_time():
    row = ROUTES[0]
    first = gpx_document("x", generate_points(row["key"], row["waypoints"], row["length_m"]))
    second = gpx_document("x", generate_points(row["key"], row["waypoints"], row["length_m"]))
    assert first == second
    assert demo_track(row).points == demo_track(row).points


def test_loading_the_demo_again_changes_nothing_and_writes_no_file(settings):
    import os

    def files():
        return sorted(
            os.path.join(root, name)
            for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
            for name in names
        )

    before_files = files()
    before = {p.pk: (p.latest_revision_id, p.last_published_at) for p in RoutePage.objects.all()}
    call_command("load_demo", force=True, verbosity=0)
    after = {p.pk: (p.latest_revision_id, p.last_published_at) for p in RoutePage.objects.all()}
    assert after == before
    assert files() == before_files
    assert RouteIndexPage.objects.count() == 1


def test_the_demo_tolerates_missing_places():
    HomestayPage.objects.filter(slug_vi="homestay-song-mooc").delete()
    index = RouteIndexPage.objects.get()
    row = next(r for r in ROUTES if r["key"] == "villages")
    page = load_route(index, row)
    slugs = [stop.place.specific.slug_vi for stop in page.stops.all()]
    assert "homestay-song-mooc" not in slugs and len(slugs) == 7
    stages = page.stages.order_by("sort_order", "pk")
    assert [stage.ends_at_id is None for stage in stages] == [True, False]
