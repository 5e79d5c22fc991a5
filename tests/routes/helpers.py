"""Helpers for the routes tests: synthetic GPX tracks and route pages made quickly."""

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
METRES_PER_DEGREE = 2 * math.pi * 6371008.8 / 360


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
    """A route under the demo index with a track (the synthetic climb by default)."""
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
