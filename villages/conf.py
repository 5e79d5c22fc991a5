"""Settings of the places app, each with a default; override them in Django settings."""

from django.conf import settings

DEFAULT_REGION_BOX = {"min_lat": 21.45, "max_lat": 21.65, "min_lon": 107.28, "max_lon": 107.60}
DEFAULT_CENTRE = (21.525862, 107.400250)
DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def region_box():
    """The box every place's coordinates must lie in: PLACES_REGION_BOX."""
    return {**DEFAULT_REGION_BOX, **getattr(settings, "PLACES_REGION_BOX", {})}


def region_centre():
    """(lat, lon) of the district centre: PLACES_CENTRE."""
    return tuple(getattr(settings, "PLACES_CENTRE", DEFAULT_CENTRE))


def tile_url():
    """The maps' tile URL template: PORTAL_MAP_TILES_URL (environment or settings;
    the older PLACES_MAP_TILE_URL still works), else OpenStreetMap's."""
    return getattr(
        settings,
        "PORTAL_MAP_TILES_URL",
        getattr(settings, "PLACES_MAP_TILE_URL", DEFAULT_TILE_URL),
    )


def tile_attribution():
    """HTML credit for the tiles: PORTAL_MAP_TILES_ATTRIBUTION (or the older
    PLACES_MAP_TILE_ATTRIBUTION), else OpenStreetMap's."""
    return getattr(
        settings,
        "PORTAL_MAP_TILES_ATTRIBUTION",
        getattr(settings, "PLACES_MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION),
    )
