"""Route factories: a route whose track is a straight walk between given points.

The track is built here, point by point, so tests can compute the expected
distance and climb themselves (haversine, sum of rises) and compare.
"""

import itertools

from villages.routes.models import RoutePage, RouteStop
from villages.routes.track import track_fields

from . import add_page, publish
from .images import make_image

_counter = itertools.count(1)

# Two ends of a 1.1 km climb from 500 m to 620 m inside the district box.
DEFAULT_ENDS = ((21.5300, 107.3900, 500.0), (21.5400, 107.3900, 620.0))


def straight_track(start, end, steps=50):
    """[lat, lon, ele] points evenly spaced on the straight line from start to end."""
    return [
        [start[i] + (end[i] - start[i]) * k / steps for i in range(3)] for k in range(steps + 1)
    ]


def add_route(index, points=None, stops=(), with_image=True, mode="walk", **fields):
    """A published route under ``index`` with ``points`` as its track and ``stops``
    (place pages) in order."""
    n = next(_counter)
    points = points if points is not None else straight_track(*DEFAULT_ENDS)
    fields.setdefault("title_vi", f"Cung đường thử {n}")
    fields.setdefault("title_en", f"Test Route {n}")
    fields.setdefault("slug_vi", f"cung-duong-thu-{n}")
    fields.setdefault("slug_en", f"test-route-{n}")
    fields.setdefault("introduction_vi", f"Giới thiệu cung đường thử {n}.")
    fields.setdefault("introduction_en", f"About test route {n}.")
    fields.setdefault("best_months", [3, 4])
    fields["mode"] = mode
    fields.update(track_fields(points, mode, f"{fields['slug_en']}.gpx"))
    if with_image:
        fields.setdefault("image", make_image(f"Ảnh cung đường thử {n}"))
    page = add_page(index, RoutePage, **fields)
    if stops:
        page.stops = [RouteStop(place=place) for place in stops]
        page = publish(page)
    return page
