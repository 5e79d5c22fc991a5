"""Settings of the routes app, each with a default; override them in Django settings."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Naismith-style estimate: time on the flat at ``kmh`` plus one hour for every
# ``climb_m_per_h`` metres of ascent (0: climbing adds no time, as on a motorbike).
DEFAULT_SPEEDS = {
    "walk": {"kmh": 5.0, "climb_m_per_h": 600},
    "bicycle": {"kmh": 14.0, "climb_m_per_h": 500},
    "motorbike": {"kmh": 25.0, "climb_m_per_h": 0},
}
DEFAULT_EMERGENCY_NUMBERS = [
    ("113", _("Police")),
    ("114", _("Fire and rescue")),
    ("115", _("Ambulance")),
]


def _setting(name, default):
    return getattr(settings, name, default)


def gpx_max_bytes():
    """The largest GPX upload accepted: ROUTES_GPX_MAX_BYTES (5 MB)."""
    return int(_setting("ROUTES_GPX_MAX_BYTES", 5 * 1024 * 1024))


def gpx_max_points():
    """The most track points a route may have: ROUTES_GPX_MAX_POINTS (50,000)."""
    return int(_setting("ROUTES_GPX_MAX_POINTS", 50_000))


def speeds(mode):
    """{"kmh": …, "climb_m_per_h": …} for a mode: ROUTES_SPEEDS overrides per mode."""
    merged = {**DEFAULT_SPEEDS, **_setting("ROUTES_SPEEDS", {})}
    return merged.get(mode, DEFAULT_SPEEDS["walk"])


def smoothing_window_m():
    """Elevations are averaged over this distance before climbs are counted."""
    return float(_setting("ROUTES_ELEVATION_SMOOTHING_M", 100))


def climb_threshold_m():
    """A change in elevation counts only once it exceeds this (hysteresis)."""
    return float(_setting("ROUTES_ELEVATION_THRESHOLD_M", 5))


def map_points():
    """At most this many vertices of a track are drawn on maps."""
    return int(_setting("ROUTES_MAP_POINTS", 400))


def emergency_numbers():
    """National emergency numbers shown in every route's safety block."""
    return list(_setting("ROUTES_EMERGENCY_NUMBERS", DEFAULT_EMERGENCY_NUMBERS))
