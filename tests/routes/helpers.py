"""Helpers for the routes tests: synthetic GPX tracks, route pages made quickly, and
the figures of a track computed here, independently of villages.routes.stats
(haversine distance, sum of rises, Naismith's rule), for tests to compare against."""

import itertools
import math

from django.utils import translation

from tests.factories import add_page, publish
from villages.routes.models import RouteIndexPage, RoutePage, RouteStop
from villages.routes.track import track_fields

_numbers = itertools.count(1)

GPX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">\n'
)
# One degree of latitude on the sphere of radius 6371.0088 km, in metres.
EARTH_RADIUS_M = 6371008.8
METRES_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_M / 360
# Naismith's rule for walkers: 5 km/h on the flat plus one hour per 600 m of ascent.
NAISMITH_KMH, NAISMITH_CLIMB_M_PER_H = 5.0, 600
# A rise counts once it exceeds this many metres (the documented hysteresis).
CLIMB_THRESHOLD_M = 5


def haversine_m(a, b):
    """Great-circle metres between two [lat, lon, …] points."""
    phi1, phi2 = math.radians(a[0]), math.radians(b[0])
    dphi, dlam = phi2 - phi1, math.radians(b[1] - a[1])
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def length_m(points):
    """Metres along ``points``: the sum of the great-circle legs."""
    return sum(haversine_m(a, b) for a, b in zip(points, points[1:], strict=False))


def rise_m(points):
    """Metres climbed: the sum of every rise from one point to the next."""
    return sum(max(0.0, b[2] - a[2]) for a, b in zip(points, points[1:], strict=False))


def naismith_minutes(distance_m, ascent_m):
    """Walking time by Naismith's rule, rounded to five minutes."""
    hours = distance_m / 1000 / NAISMITH_KMH + ascent_m / NAISMITH_CLIMB_M_PER_H
    return 5 * round(hours * 60 / 5)


def km_text(metres, lang):
    """``metres`` as the pages show kilometres: one decimal, a comma in Vietnamese."""
    text = f"{round(metres / 1000, 1):.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def flat_ended_climb(
    lat=21.50, lon=107.40, low=400.0, high=1000.0, flat_deg=0.003, climb_deg=0.018, steps=150
):
    """Due north: flat at ``low`` for ``flat_deg``, a steady climb to ``high`` over
    ``climb_deg``, flat again for ``flat_deg``. Flat ends keep smoothing from shaving
    the climb, so the ascent is the rise less at most the climb threshold."""
    total = 2 * flat_deg + climb_deg
    points = []
    for k in range(steps + 1):
        d = total * k / steps
        t = min(1.0, max(0.0, (d - flat_deg) / climb_deg))
        points.append([lat + d, lon, low + (high - low) * t])
    return points


def climbing_track(
    points=1001, start=(21.50, 107.40), north_deg=0.09, low=300.0, high=800.0, noise=6.0
):
    """Due north from ``start``: elevation rising steadily from low to high, with GPS-like
    noise of ±noise metres alternating from one point to the next."""
    lat0, lon0 = start
    track = []
    for i in range(points):
        t = i / (points - 1)
        wobble = noise if i % 2 else -noise
        track.append([lat0 + north_deg * t, lon0, low + (high - low) * t + wobble])
    return track


def gpx_text(points, name="Test track", kind="trk"):
    """GPX 1.1 with the points as a track ("trk") or a route ("rte")."""
    tag = "trkpt" if kind == "trk" else "rtept"
    body = "".join(
        f'<{tag} lat="{lat}" lon="{lon}">'
        + (f"<ele>{ele}</ele>" if ele is not None else "")
        + f"</{tag}>"
        for lat, lon, ele in points
    )
    if kind == "trk":
        body = f"<trk><name>{name}</name><trkseg>{body}</trkseg></trk>"
    else:
        body = f"<rte><name>{name}</name>{body}</rte>"
    return f"{GPX_HEAD}<metadata><name>{name}</name></metadata>{body}</gpx>\n"


def gpx_bytes(points=None, **kwargs):
    return gpx_text(points or climbing_track(), **kwargs).encode("utf-8")


def route_index():
    return RouteIndexPage.objects.get()


def make_route(points=None, publish_it=True, mode="walk", **fields):
    """A route under the route index with a track (the synthetic climb by default)."""
    n = next(_numbers)
    defaults = {
        "title_vi": f"Cung đường thử {n}",
        "title_en": f"Test route {n}",
        "slug_vi": f"cung-duong-thu-{n}",
        "slug_en": f"test-route-{n}",
        "mode": mode,
        **track_fields(points or climbing_track(), mode, f"test-{n}.gpx"),
    }
    return add_page(route_index(), RoutePage, publish_it=publish_it, **{**defaults, **fields})


def set_stops(route, places, publish_it=True):
    """Replace the route's stops by ``places`` in order (and publish)."""
    with translation.override("vi"):
        route.stops = [RouteStop(place=place, note_vi="", note_en="") for place in places]
        route.save()
    return publish(route) if publish_it else route


def set_stages(route, stages, publish_it=True):
    """Replace the route's stages by ``stages``: (title_en, ends_at place or None)."""
    from villages.routes.models import RouteStage

    with translation.override("vi"):
        route.stages = [
            RouteStage(title=title, title_vi=title, title_en=title, ends_at=ends_at)
            for title, ends_at in stages
        ]
        route.save()
    return publish(route) if publish_it else route


def meridian_track(lat0=21.50, lat1=21.60, lon=107.40, low=300.0, high=700.0, steps=100):
    """Due north from lat0 to lat1 along ``lon``, rising steadily from low to high."""
    return [
        [lat0 + (lat1 - lat0) * k / steps, lon, low + (high - low) * k / steps]
        for k in range(steps + 1)
    ]


def journey(test_site):
    """A two-day walk due north along 107.40° E with five stops lying on the track,
    at latitudes the tests know: homestay, village, homestay (the night), sight,
    homestay. Returns (route, places, points)."""
    from tests.factories.places import add_attraction, add_homestay, add_village
    from tests.factories.routes import add_route

    lon = 107.40
    village = add_village(test_site.villages, latitude=21.53, longitude=lon)
    first = add_homestay(village, latitude=21.50, longitude=lon)
    night = add_homestay(village, latitude=21.56, longitude=lon)
    sight = add_attraction(test_site.attractions, latitude=21.58, longitude=lon)
    last = add_homestay(village, latitude=21.60, longitude=lon)
    places = [first, village, night, sight, last]
    points = meridian_track(lon=lon)
    route = add_route(route_index(), points=points, stops=places)
    route = set_stages(
        route, [("Day 1: to the night's homestay", night), ("Day 2: to the last homestay", last)]
    )
    return route, places, points
