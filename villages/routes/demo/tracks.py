"""Plausible, deterministic GPX tracks for the demo routes.

A track runs through a few waypoints (lat, lon, elevation). Between them the path
zigzags sideways like a mountain trail; the zigzag's width is found by bisection so
that the track has the wanted length. Elevations follow the waypoints with a gentle
S-curve plus a little seeded GPS-like noise. Same key, same track, byte for byte.
"""

import math
import random

import gpxpy.gpx

from villages.geo import distance_km
from villages.routes.stats import cumulative_distances

SPACING_M = 12


def _smoothstep(t):
    return t * t * (3 - 2 * t)


def _path(waypoints, amplitude_m, bends):
    """Points along the waypoints with a sideways zigzag of ``amplitude_m`` metres."""
    points = []
    for (lat1, lon1, ele1), (lat2, lon2, ele2) in zip(waypoints, waypoints[1:], strict=False):
        length_m = distance_km(lat1, lon1, lat2, lon2) * 1000
        steps = max(2, int(length_m / SPACING_M))
        # Unit vector across the leg, in degrees per metre.
        north = (lat2 - lat1) * 111_195
        east = (lon2 - lon1) * 111_195 * math.cos(math.radians(lat1))
        norm = math.hypot(north, east) or 1
        across_lat = (east / norm) / 111_195
        across_lon = (-north / norm) / (111_195 * math.cos(math.radians(lat1)))
        for i in range(steps):
            t = i / steps
            sideways = amplitude_m * math.sin(math.pi * bends * t) * math.sin(math.pi * t)
            points.append(
                [
                    lat1 + (lat2 - lat1) * t + across_lat * sideways,
                    lon1 + (lon2 - lon1) * t + across_lon * sideways,
                    ele1 + (ele2 - ele1) * _smoothstep(t),
                ]
            )
    points.append(list(waypoints[-1]))
    return points


def _length(points):
    return cumulative_distances(points)[-1]


def generate_points(key, waypoints, length_m, bends=6, noise_m=1.5):
    """[lat, lon, ele] points through ``waypoints`` about ``length_m`` long."""
    low, high = 0.0, 2000.0
    for _ in range(40):
        middle = (low + high) / 2
        if _length(_path(waypoints, middle, bends)) < length_m:
            low = middle
        else:
            high = middle
    points = _path(waypoints, (low + high) / 2, bends)
    rng = random.Random(key)
    peak = max(ele for _lat, _lon, ele in waypoints)
    noisy = []
    for lat, lon, ele in points:
        ele = min(peak, ele + rng.gauss(0, noise_m)) if ele < peak else ele
        noisy.append([round(lat, 6), round(lon, 6), round(ele, 1)])
    return noisy


def gpx_document(name, points):
    """GPX 1.1 text for the points (no timestamps, so it never changes)."""
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "Bình Liêu tourism portal (sample track)"
    gpx.name = name
    track = gpxpy.gpx.GPXTrack(name=name)
    segment = gpxpy.gpx.GPXTrackSegment(
        [gpxpy.gpx.GPXTrackPoint(lat, lon, elevation=ele) for lat, lon, ele in points]
    )
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml(version="1.1")
