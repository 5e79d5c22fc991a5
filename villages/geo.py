"""Coordinates: validation against the region box and distances on the sphere."""

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from villages.conf import region_box

EARTH_RADIUS_KM = 6371.0088


def validate_latitude(value):
    box = region_box()
    if value is None or not box["min_lat"] <= value <= box["max_lat"]:
        raise ValidationError(
            _(
                "This latitude lies outside the Bình Liêu area: "
                "enter a value between %(min)s and %(max)s."
            ),
            code="outside_region",
            params={"min": box["min_lat"], "max": box["max_lat"]},
        )


def validate_longitude(value):
    box = region_box()
    if value is None or not box["min_lon"] <= value <= box["max_lon"]:
        raise ValidationError(
            _(
                "This longitude lies outside the Bình Liêu area: "
                "enter a value between %(min)s and %(max)s."
            ),
            code="outside_region",
            params={"min": box["min_lon"], "max": box["max_lon"]},
        )


def in_region(lat, lon, margin=0.0):
    """True when (lat, lon) lies in the region box widened by ``margin`` degrees."""
    box = region_box()
    return (
        lat is not None
        and lon is not None
        and box["min_lat"] - margin <= lat <= box["max_lat"] + margin
        and box["min_lon"] - margin <= lon <= box["max_lon"] + margin
    )


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
