"""API fields of route pages: the GPX link and the stops."""

from django.utils.translation import get_language
from rest_framework import fields

from portal.address import absolute_url


class GpxUrlField(fields.Field):
    """The route's own GPX download in the requested language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        from villages.routes.links import gpx_url

        if not getattr(page, "track", None):  # other places, and routes without a track
            return None
        return gpx_url(self.context.get("request"), page, get_language())


class StopsField(fields.Field):
    """The ordered stops: title, type, coordinates, distance along the route and URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        from villages.routes.display import route_stops

        request = self.context.get("request")
        return [
            {
                "position": stop.number,
                "title": stop.title,
                "type": stop.kind,
                "url": absolute_url(stop.url),
                "latitude": stop.latitude,
                "longitude": stop.longitude,
                "distance_m": stop.distance_m,
                "note": stop.note,
            }
            for stop in route_stops(page, request)
        ]
