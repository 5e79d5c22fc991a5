"""Repairs for what real GPS devices write, each one explained to the editor.

Garmin watches, phones, Strava, Komoot and OsmAnd exports differ from tidy files in
four ways that change the figures a visitor reads:

- several tracks or segments (one per power-on or pause): kept as separate *pieces*,
  never joined by a straight line across the gap;
- placeholders written when the device has no fix: points at or near latitude 0,
  longitude 0; elevations that are all 0 or all the same; timestamps from a reset
  clock (1970, 1999). These are treated as missing, never as data;
- stray points far outside the district (a bad fix): dropped when they are a few,
  the file refused when most of it lies elsewhere;
- outlier elevation readings (a barometer or GPS glitch): dropped by a Hampel filter
  (a point more than ``HAMPEL_SIGMAS`` robust standard deviations, and at least
  ``HAMPEL_FLOOR_M`` metres, from the median of its ``HAMPEL_HALF_WINDOW`` neighbours
  on each side), then filled in from its neighbours.

Points are [lat, lon, ele or None]. Every function returns new lists and a list of
``Notice`` objects whose ``text`` is translated in the active language when shown.
"""

import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from villages.geo import in_region

NULL_ISLAND_DEGREES = 0.5
RESET_YEARS = {1970, 1980, 1999, 2000}
REGION_MARGIN_DEGREES = 0.05
MOST_STRAYS_ALLOWED = 0.2
HAMPEL_HALF_WINDOW = 5
HAMPEL_SIGMAS = 3.0
HAMPEL_FLOOR_M = 25.0
MAD_TO_SIGMA = 1.4826


@dataclass
class Notice:
    """One change made to an uploaded track: a stable code and its numbers."""

    code: str
    params: dict = field(default_factory=dict)

    @property
    def text(self):
        return notice_text(self.code, self.params)

    def as_dict(self):
        return {"code": self.code, "params": self.params}


def notice_text(code, params):
    """The editor-facing sentence for a notice code, in the active language."""
    count = params.get("count", 0)
    messages = {
        "null_island": ngettext_lazy(
            "%(count)s point at latitude 0, longitude 0 (a GPS without a fix) was left out.",
            "%(count)s points at latitude 0, longitude 0 (a GPS without a fix) were left out.",
            count,
        ),
        "outside_region": ngettext_lazy(
            "%(count)s point far outside the Bình Liêu area was left out.",
            "%(count)s points far outside the Bình Liêu area were left out.",
            count,
        ),
        "elevation_placeholder": _(
            "The file's elevations are all %(value)s m, a device placeholder: the route is "
            "shown without elevations."
        ),
        "elevation_outlier": ngettext_lazy(
            "%(count)s elevation reading far from its neighbours (e.g. %(example)s m) was ignored.",
            "%(count)s elevation readings far from their neighbours (e.g. %(example)s m) were "
            "ignored.",
            count,
        ),
        "reset_time": ngettext_lazy(
            "%(count)s point carries a date from a reset device clock (%(year)s); its time "
            "was ignored.",
            "%(count)s points carry a date from a reset device clock (%(year)s); their times "
            "were ignored.",
            count,
        ),
        "short_piece": ngettext_lazy(
            "%(count)s track piece with fewer than two points was left out.",
            "%(count)s track pieces with fewer than two points were left out.",
            count,
        ),
        "route_used": _(
            "The file's track has fewer than two points, so its planned route was used instead."
        ),
        "pieces": _(
            "The file holds %(count)s separate pieces (%(lengths)s km); they are kept apart "
            "and never joined across the gaps."
        ),
        "kept_one": _("Only piece %(number)s of %(count)s was kept, as chosen."),
    }
    message = messages.get(code)
    return "" if message is None else str(message) % params


def is_null_island(lat, lon):
    return abs(lat) < NULL_ISLAND_DEGREES and abs(lon) < NULL_ISLAND_DEGREES


def drop_placeholder_points(pieces):
    """Pieces without points at or near (0, 0); a notice with how many were dropped."""
    kept = [[p for p in piece if not is_null_island(p[0], p[1])] for piece in pieces]
    dropped = sum(len(a) - len(b) for a, b in zip(pieces, kept, strict=True))
    return kept, [Notice("null_island", {"count": dropped})] if dropped else []


def count_strays(pieces, margin=REGION_MARGIN_DEGREES):
    """(points outside the district's box plus ``margin`` degrees, all points)."""
    total = sum(len(piece) for piece in pieces)
    strays = sum(1 for piece in pieces for lat, lon, _e in piece if not in_region(lat, lon, margin))
    return strays, total


def drop_strays(pieces, margin=REGION_MARGIN_DEGREES):
    """Pieces without the points outside the box plus margin, and a notice."""
    kept = [[p for p in piece if in_region(p[0], p[1], margin)] for piece in pieces]
    dropped = sum(len(a) - len(b) for a, b in zip(pieces, kept, strict=True))
    return kept, [Notice("outside_region", {"count": dropped})] if dropped else []


def drop_short_pieces(pieces):
    kept = [piece for piece in pieces if len(piece) >= 2]
    dropped = len(pieces) - len(kept)
    return kept, [Notice("short_piece", {"count": dropped})] if dropped else []


def drop_placeholder_elevations(pieces):
    """All elevations None when every reading is the same value (0 or a constant)."""
    values = {p[2] for piece in pieces for p in piece if p[2] is not None}
    total = sum(len(piece) for piece in pieces)
    if len(values) != 1 or total < 2:
        return pieces, []
    value = values.pop()
    cleared = [[[lat, lon, None] for lat, lon, _e in piece] for piece in pieces]
    return cleared, [Notice("elevation_placeholder", {"value": round(value, 1)})]


def hampel_outliers(elevations, half_window=HAMPEL_HALF_WINDOW):
    """Indices of readings far from the median of their neighbours (None skipped)."""
    outliers = []
    for i, value in enumerate(elevations):
        if value is None:
            continue
        lo, hi = max(0, i - half_window), min(len(elevations), i + half_window + 1)
        window = [v for v in elevations[lo:hi] if v is not None]
        if len(window) < 3:
            continue
        median = statistics.median(window)
        mad = statistics.median(abs(v - median) for v in window)
        limit = max(HAMPEL_SIGMAS * MAD_TO_SIGMA * mad, HAMPEL_FLOOR_M)
        if abs(value - median) > limit:
            outliers.append(i)
    return outliers


def drop_elevation_outliers(pieces):
    """Outlying elevations set to None (filled in later from their neighbours)."""
    cleaned, dropped = [], []
    for piece in pieces:
        elevations = [p[2] for p in piece]
        bad = set(hampel_outliers(elevations))
        dropped.extend(elevations[i] for i in sorted(bad))
        cleaned.append(
            [[lat, lon, None if i in bad else ele] for i, (lat, lon, ele) in enumerate(piece)]
        )
    if not dropped:
        return cleaned, []
    return cleaned, [
        Notice("elevation_outlier", {"count": len(dropped), "example": round(dropped[0], 1)})
    ]


def reset_time_notice(times):
    """A notice when timestamps come from a reset clock (they are not used anyway)."""
    years = [t.year for t in times if t is not None and t.year in RESET_YEARS]
    if not years:
        return []
    return [Notice("reset_time", {"count": len(years), "year": min(years)})]


def clean_pieces(pieces):
    """Pieces and notices after the repairs that follow the checks in ``gpx``."""
    notices = []
    for step in (
        drop_strays,
        drop_short_pieces,
        drop_placeholder_elevations,
        drop_elevation_outliers,
    ):
        pieces, found = step(pieces)
        notices.extend(found)
    return pieces, notices
