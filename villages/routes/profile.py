"""The elevation profile as geometry for an inline SVG, and as a table.

The template ``routes/includes/profile.html`` only draws what this returns, so the
profile reads without JavaScript and is cached with the page for offline use.
"""

import math
from dataclasses import dataclass

from villages.routes.stats import split

WIDTH, HEIGHT = 400, 190
LEFT, RIGHT, TOP, BOTTOM = 42, 10, 10, 26
TABLE_ROWS = 11


@dataclass
class Tick:
    position: float
    value: float


def _nice_step(span, target):
    """A round step (1, 2 or 5 × 10^n) giving about ``target`` intervals over ``span``."""
    raw = span / max(target, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _ticks(low, high, target):
    step = _nice_step(high - low, target)
    first = math.ceil(low / step) * step
    values, value = [], first
    while value <= high + 1e-9:
        values.append(value)
        value += step
    return values


def _interpolate(samples, at):
    for (d1, e1), (d2, e2) in zip(samples, samples[1:], strict=False):
        if d1 <= at <= d2:
            t = (at - d1) / (d2 - d1) if d2 != d1 else 0
            return e1 + t * (e2 - e1)
    return samples[-1][1]


def elevation_profile(samples, stops=(), sizes=None):
    """Paths, axis ticks, stop markers and table rows for ``samples`` [[m, ele], …].

    ``sizes`` cuts the samples into the track's pieces (None: one piece): each piece
    is drawn as its own line and area, so nothing is drawn across a gap.
    """
    if len(samples) < 2:
        return None
    total = samples[-1][0] or 1
    low = min(e for _d, e in samples)
    high = max(e for _d, e in samples)
    pad = max(10.0, (high - low) * 0.1)
    y_low, y_high = math.floor((low - pad) / 10) * 10, math.ceil((high + pad) / 10) * 10
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(distance):
        return round(LEFT + distance / total * plot_w, 1)

    def y(elevation):
        return round(TOP + (y_high - elevation) / (y_high - y_low) * plot_h, 1)

    baseline = TOP + plot_h
    pieces = []
    for piece in split(samples, sizes):
        if len(piece) < 2:
            continue
        points = " ".join(f"{x(d)},{y(e)}" for d, e in piece)
        area = f"{x(piece[0][0])},{baseline} {points} {x(piece[-1][0])},{baseline}"
        pieces.append({"line": points, "area": area})
    markers = [
        {
            "number": stop.number,
            "title": stop.title,
            "x": x(stop.distance_m),
            "y": y(_interpolate(samples, stop.distance_m)),
        }
        for stop in stops
        if stop.distance_m is not None and not stop.off_track
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "baseline": baseline,
        "pieces": pieces,
        "x_ticks": [Tick(x(km * 1000), km) for km in _ticks(0, total / 1000, 5)],
        "y_ticks": [Tick(y(m), m) for m in _ticks(y_low, y_high, 4)],
        "markers": markers,
        "low": round(low),
        "high": round(high),
        "total_km": round(total / 1000, 1),
        "rows": [
            {
                "km": round(total * k / (TABLE_ROWS - 1) / 1000, 1),
                "elevation": round(_interpolate(samples, total * k / (TABLE_ROWS - 1))),
            }
            for k in range(TABLE_ROWS)
        ],
    }
