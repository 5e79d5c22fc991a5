"""Downloads of a route: GPX 1.1 (track, metadata, stops as waypoints) and GeoJSON."""

import gpxpy.gpx
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.address import absolute_url
from villages.routes.links import gpx_url, page_absolute_url
from villages.routes.stats import piece_sizes, split

CREATOR = "Bình Liêu tourism portal"


def _absolute(request, url):
    return absolute_url(url)


def route_gpx(page, stops, request):
    """The route as GPX 1.1 text, named and described in the active language."""
    gpx = gpxpy.gpx.GPX()
    gpx.creator = CREATOR
    gpx.name = page.title
    gpx.description = page.introduction or None
    gpx.author_name = _("Bình Liêu Tourism")
    gpx.link = page_absolute_url(request, page)
    gpx.link_text = page.title
    gpx.keywords = ", ".join([str(page.get_mode_display()), str(page.get_difficulty_display())])
    if page.last_published_at:
        gpx.time = page.last_published_at
    track = gpxpy.gpx.GPXTrack(name=page.title, description=page.introduction or None)
    track.type = page.mode
    for piece in split(page.track, page.piece_sizes):
        segment = gpxpy.gpx.GPXTrackSegment()
        segment.points = [
            gpxpy.gpx.GPXTrackPoint(latitude=lat, longitude=lon, elevation=ele)
            for lat, lon, ele in piece
        ]
        track.segments.append(segment)
    gpx.tracks.append(track)
    for stop in stops:
        waypoint = gpxpy.gpx.GPXWaypoint(
            latitude=stop.latitude,
            longitude=stop.longitude,
            name=f"{stop.number}. {stop.title}",
            description=stop.note or stop.kind_label,
            type=stop.kind_label,
        )
        waypoint.link = _absolute(request, stop.url) or None
        waypoint.link_text = stop.title
        gpx.waypoints.append(waypoint)
    return gpx.to_xml(version="1.1")


def _positions(points):
    """[lon, lat, ele] when every point has an elevation, else [lon, lat] (RFC 7946)."""
    with_elevation = all(len(p) > 2 and p[2] is not None for p in points)
    if with_elevation:
        return [[p[1], p[0], p[2]] for p in points]
    return [[p[1], p[0]] for p in points]


def route_properties(page, request):
    km = page.distance_km
    return {
        "name": page.title,
        "type": "route",
        "url": page_absolute_url(request, page),
        "gpx_url": gpx_url(request, page, get_language()),
        "mode": page.mode,
        "difficulty": page.difficulty,
        "difficulty_label": str(page.get_difficulty_display()),
        "kind_label": " · ".join(
            part
            for part in (
                str(page.get_mode_display()),
                f"{formats.number_format(km, 1, force_grouping=True)} km" if km is not None else "",
                str(page.get_difficulty_display()),
            )
            if part
        ),
        "distance_m": page.distance_m,
        "ascent_m": page.ascent_m,
        "descent_m": page.descent_m,
        "duration_minutes": page.duration_minutes,
        "is_sample": page.is_sample,
    }


def route_geometry(page, simplified=False):
    """A LineString, or a MultiLineString for a track in pieces (no line across a gap):
    the full track, or the map line (2D)."""
    if simplified:
        lines = [
            [[round(lon, 6), round(lat, 6)] for lat, lon, _d in piece]
            for piece in split(page.line, piece_sizes(page.pieces, "line"))
        ]
    else:
        lines = [_positions(piece) for piece in split(page.track, page.piece_sizes)]
    if len(lines) == 1:
        return {"type": "LineString", "coordinates": lines[0]}
    return {"type": "MultiLineString", "coordinates": lines}


def route_feature(page, request, simplified=False):
    """A GeoJSON Feature with the route's geometry (see ``route_geometry``)."""
    return {
        "type": "Feature",
        "id": f"route-{page.pk}",
        "geometry": route_geometry(page, simplified),
        "properties": route_properties(page, request),
    }
