"""Figures of a track: distance, climbs, elevations, time, ends, box, profile and map line.

Points are [lat, lon, ele or None]. Distances are great-circle (haversine) in metres.

Climbing is counted on smoothed elevation, not on raw GPS readings, which jitter by
several metres from one fix to the next and would add up to hundreds of metres of
"ascent" on a flat road:

1. missing elevations are interpolated along the distance;
2. elevations are averaged over a sliding window of ROUTES_ELEVATION_SMOOTHING_M
   metres (100 m) of track;
3. a rise or fall counts only once it exceeds ROUTES_ELEVATION_THRESHOLD_M (5 m)
   from the last turning point (hysteresis).

Time follows Naismith's rule for walking (5 km/h plus one hour per 600 m of ascent),
a similar rule for bicycles and a flat speed for motorbikes; all in ROUTES_SPEEDS.
"""

import math
from dataclasses import dataclass

from villages.geo import distance_km
from villages.routes import conf

PROFILE_SAMPLES = 200


@dataclass
class RouteStats:
    distance_m: int
    ascent_m: int | None
    descent_m: int | None
    min_elevation_m: int | None
    max_elevation_m: int | None
    duration_minutes: int
    start: tuple
    end: tuple
    bbox: list  # [west, south, east, north]
    profile: list  # [[distance_m, elevation_m], …] at most PROFILE_SAMPLES
    line: list  # [[lat, lon, distance_m], …] simplified for maps
    pieces: list  # [{"points", "line", "profile", "distance_m"}, …] one per piece


def cumulative_distances(points):
    """Metres from the start at every point."""
    total, distances = 0.0, [0.0]
    for (lat1, lon1, *_a), (lat2, lon2, *_b) in zip(points, points[1:], strict=False):
        total += distance_km(lat1, lon1, lat2, lon2) * 1000
        distances.append(total)
    return distances


def fill_elevations(distances, elevations):
    """Missing elevations interpolated from their neighbours; None when there are none."""
    known = [i for i, ele in enumerate(elevations) if ele is not None]
    if not known:
        return None
    filled = list(elevations)
    for i in range(known[0]):
        filled[i] = elevations[known[0]]
    for i in range(known[-1] + 1, len(filled)):
        filled[i] = elevations[known[-1]]
    for a, b in zip(known, known[1:], strict=False):
        span = distances[b] - distances[a]
        for i in range(a + 1, b):
            t = (distances[i] - distances[a]) / span if span else 0.0
            filled[i] = elevations[a] + t * (elevations[b] - elevations[a])
    return filled


def smooth(distances, elevations, window_m):
    """Each elevation replaced by the mean of those within ±window/2 metres of it."""
    half = window_m / 2
    prefix = [0.0]
    for ele in elevations:
        prefix.append(prefix[-1] + ele)
    smoothed, lo, hi, n = [], 0, 0, len(elevations)
    for i in range(n):
        while distances[lo] < distances[i] - half:
            lo += 1
        while hi < n and distances[hi] <= distances[i] + half:
            hi += 1
        smoothed.append((prefix[hi] - prefix[lo]) / (hi - lo))
    return smoothed


def climbs(elevations, threshold_m):
    """(ascent, descent) in metres: changes count once they exceed the threshold."""
    ascent = descent = 0.0
    reference = elevations[0]
    for ele in elevations[1:]:
        if ele - reference >= threshold_m:
            ascent += ele - reference
            reference = ele
        elif reference - ele >= threshold_m:
            descent += reference - ele
            reference = ele
    return ascent, descent


def estimate_minutes(mode, distance_m, ascent_m):
    """Naismith-style: distance at the mode's speed plus time for the climbing."""
    speed = conf.speeds(mode)
    hours = distance_m / 1000 / speed["kmh"]
    if speed.get("climb_m_per_h") and ascent_m:
        hours += ascent_m / speed["climb_m_per_h"]
    minutes = hours * 60
    return max(5, int(5 * round(minutes / 5)))


def bounding_box(points):
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return [min(lons), min(lats), max(lons), max(lats)]


def _interpolate(distances, values, at):
    """The value at distance ``at`` by linear interpolation (distances ascending)."""
    lo, hi = 0, len(distances) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if distances[mid] <= at:
            lo = mid
        else:
            hi = mid
    span = distances[hi] - distances[lo]
    t = (at - distances[lo]) / span if span else 0.0
    return values[lo] + max(0.0, min(1.0, t)) * (values[hi] - values[lo])


def profile_samples(distances, elevations, samples=PROFILE_SAMPLES):
    """[[distance_m, elevation_m], …] at evenly spaced distances (from distances[0])."""
    first, span = distances[0], distances[-1] - distances[0]
    count = max(2, min(samples, len(distances)))
    return [
        [
            round(first + span * k / (count - 1)),
            round(_interpolate(distances, elevations, first + span * k / (count - 1)), 1),
        ]
        for k in range(count)
    ]


def _xy(lat, lon, lat0):
    """Metres on a local flat projection (good enough within a district)."""
    return (
        math.radians(lon) * 6371008.8 * math.cos(math.radians(lat0)),
        math.radians(lat) * 6371008.8,
    )


def _segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if not length2 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy)), t


def simplify(points, tolerance_m):
    """Indices kept by Ramer–Douglas–Peucker at ``tolerance_m`` metres."""
    if len(points) < 3:
        return list(range(len(points)))
    lat0 = points[0][0]
    xy = [_xy(p[0], p[1], lat0) for p in points]
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, None
        for i in range(first + 1, last):
            d, _t = _segment_distance(xy[i], xy[first], xy[last])
            if d > worst:
                worst, worst_index = d, i
        if worst_index is not None and worst > tolerance_m:
            keep.add(worst_index)
            stack.extend([(first, worst_index), (worst_index, last)])
    return sorted(keep)


def map_line(points, distances, max_points):
    """[[lat, lon, distance_m], …]: the track simplified until it has at most max_points."""
    tolerance = 2.0
    indices = simplify(points, tolerance)
    while len(indices) > max_points:
        tolerance *= 2
        indices = simplify(points, tolerance)
    return [[round(points[i][0], 6), round(points[i][1], 6), round(distances[i])] for i in indices]


def split(values, sizes):
    """``values`` cut into consecutive lists of ``sizes`` items (one list without sizes)."""
    if not sizes:
        return [list(values)]
    pieces, start = [], 0
    for size in sizes:
        pieces.append(list(values[start : start + size]))
        start += size
    return pieces


def _share(total, part, whole, least=2):
    return max(least, round(total * part / whole)) if whole else least


def compute_stats(points, mode, sizes=None):
    """Every stored figure of a route from its points, cut into pieces of ``sizes``.

    Each piece is measured, smoothed and sampled on its own, and the figures add up
    the pieces: the gaps between them count for nothing and are never drawn. Distances
    along the route (profile, map line) run on from one piece to the next.
    """
    pieces = split(points, sizes)
    lengths = [cumulative_distances(piece) for piece in pieces]
    total = sum(d[-1] for d in lengths)
    offset, ascent, descent, lows, highs = 0.0, 0.0, 0.0, [], []
    profile, line, info = [], [], []
    for piece, distances in zip(pieces, lengths, strict=True):
        along = [offset + d for d in distances]
        elevations = fill_elevations(distances, [p[2] for p in piece])
        samples = []
        if elevations is not None:
            smoothed = smooth(distances, elevations, conf.smoothing_window_m())
            up, down = climbs(smoothed, conf.climb_threshold_m())
            ascent, descent = ascent + up, descent + down
            lows.append(min(elevations))
            highs.append(max(elevations))
            count = _share(PROFILE_SAMPLES, distances[-1], total)
            samples = profile_samples(along, smoothed, samples=count)
        piece_line = map_line(piece, along, _share(conf.map_points(), distances[-1], total))
        profile += samples
        line += piece_line
        info.append(
            {
                "points": len(piece),
                "line": len(piece_line),
                "profile": len(samples),
                "distance_m": round(distances[-1]),
            }
        )
        offset += distances[-1]
    has_elevation = bool(lows)
    return RouteStats(
        distance_m=round(total),
        ascent_m=round(ascent) if has_elevation else None,
        descent_m=round(descent) if has_elevation else None,
        min_elevation_m=round(min(lows)) if has_elevation else None,
        max_elevation_m=round(max(highs)) if has_elevation else None,
        duration_minutes=estimate_minutes(mode, total, ascent),
        start=(points[0][0], points[0][1]),
        end=(points[-1][0], points[-1][1]),
        bbox=[round(v, 6) for v in bounding_box(points)],
        profile=profile,
        line=line,
        pieces=info,
    )


def _piece_starts(sizes):
    """Indices where a new piece starts (none for a single piece)."""
    starts, index = [], 0
    for size in (sizes or [])[:-1]:
        index += size
        starts.append(index)
    return starts


def _nearest(xy, line, p, first_segment, gaps=frozenset()):
    """(metres off, metres along, segment) of the nearest point from ``first_segment`` on,
    skipping the straight lines across ``gaps`` (indices where a piece starts)."""
    best = (math.inf, 0.0, first_segment)
    for i in range(first_segment, len(line) - 1):
        if i + 1 in gaps:
            continue
        off, t = _segment_distance(p, xy[i], xy[i + 1])
        if off < best[0]:
            best = (off, line[i][2] + t * (line[i + 1][2] - line[i][2]), i)
    return best


def locate_stops(line, places, detour_m=250, sizes=None):
    """For each (lat, lon) in order: (metres along the route, metres off it).

    Stops are matched in order along the track, so that on a loop or a there-and-back
    the last stop is not placed at the start; a stop falls back to its nearest point
    anywhere when that is more than ``detour_m`` closer. ``sizes`` (vertices per piece)
    keeps the gaps between pieces out of the search.
    """
    if len(line) < 2:
        return [(None, None) for _place in places]
    lat0 = line[0][0]
    xy = [_xy(v[0], v[1], lat0) for v in line]
    gaps = set(_piece_starts(sizes))
    located, segment = [], 0
    for lat, lon in places:
        p = _xy(lat, lon, lat0)
        forward = _nearest(xy, line, p, segment, gaps)
        anywhere = _nearest(xy, line, p, 0, gaps) if segment else forward
        chosen = anywhere if anywhere[0] + detour_m < forward[0] else forward
        segment = chosen[2] if chosen is forward else segment
        located.append((round(chosen[1]), round(chosen[0])))
    return located


def ascent_between(profile, start_m, end_m, sizes=None):
    """Smoothed ascent between two distances along the profile (for stages), adding up
    the pieces of ``sizes`` samples so that no gap counts as a climb."""
    total, found = 0.0, False
    for samples in split(profile, sizes):
        values = [ele for d, ele in samples if start_m <= d <= end_m]
        if len(values) >= 2:
            total += climbs(values, conf.climb_threshold_m())[0]
            found = True
    return round(total) if found else None


def piece_sizes(pieces, key):
    """Sizes of the pieces in the line ("line") or the profile ("profile"); None for one."""
    if not pieces or len(pieces) < 2:
        return None
    return [piece[key] for piece in pieces]
