"""Storing a track on a route page and the figures computed from it."""

from pathlib import PurePath

from villages.routes.stats import compute_stats


def round_points(points):
    """[lat, lon, ele] with 7 decimals (about 1 cm) and elevations to 0.1 m."""
    return [
        [round(lat, 7), round(lon, 7), None if ele is None else round(ele, 1)]
        for lat, lon, ele in points
    ]


def track_fields(points, mode, filename="", sizes=None, notices=()):
    """Every stored field for a track: the points, the file name, the figures and the
    notices of what was repaired. ``sizes``: points per piece (None: one piece)."""
    points = round_points(points)
    return {
        "track": points,
        "gpx_filename": PurePath(filename or "").name[:255],
        "track_notices": [notice.as_dict() for notice in notices],
        **figure_fields(points, mode, sizes),
    }


def figure_fields(points, mode, sizes=None):
    stats = compute_stats(points, mode, sizes)
    return {
        "distance_m": stats.distance_m,
        "ascent_m": stats.ascent_m,
        "descent_m": stats.descent_m,
        "min_elevation_m": stats.min_elevation_m,
        "max_elevation_m": stats.max_elevation_m,
        "duration_minutes": stats.duration_minutes,
        "start_latitude": round(stats.start[0], 6),
        "start_longitude": round(stats.start[1], 6),
        "end_latitude": round(stats.end[0], 6),
        "end_longitude": round(stats.end[1], 6),
        "bbox": stats.bbox,
        "profile": stats.profile,
        "line": stats.line,
        "pieces": stats.pieces,
    }


def apply_track(page, points, filename="", sizes=None, notices=()):
    """Put a new track on ``page`` (not saved) with its figures for the page's mode."""
    for name, value in track_fields(points, page.mode, filename, sizes, notices).items():
        setattr(page, name, value)
    return page


def refresh_figures(page):
    """Recompute the figures of the stored track (e.g. after the mode changed)."""
    if page.track:
        for name, value in figure_fields(page.track, page.mode, page.piece_sizes).items():
            setattr(page, name, value)
    return page
