"""API fields of route pages: the GPX link and the stops."""

from django.db.models import QuerySet
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


def listed_pages(field, page):
    """The pages the serializer of ``field`` writes in this answer: every page of a
    list's page of results (already read: no query), or ``page`` alone."""
    listed = getattr(field.root, "instance", None)
    if isinstance(listed, (list, tuple, QuerySet)):
        pages = list(listed)
        if any(p.pk == page.pk for p in pages):
            return pages
    return [page]


class StopsField(fields.Field):
    """The ordered stops: title, type, coordinates, distance along the route and URL.

    In a list, the stops and their places are read once for every route of the
    answer (three queries or so, whatever the number of routes), not per route."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)
        self._read = {}  # {route pk: ([RouteStop], {place pk: page})} of this answer

    def _stops_and_places(self, page):
        from villages.routes.display import live_places
        from villages.routes.models import RouteStop

        if page.pk not in self._read:
            routes = [p for p in listed_pages(self, page) if p.pk not in self._read]
            rows = RouteStop.objects.filter(page__in=[r.pk for r in routes])
            by_route = {route.pk: [] for route in routes}
            for row in rows.order_by("page_id", "sort_order", "pk"):
                by_route[row.page_id].append(row)
            places = live_places({row.place_id for rows in by_route.values() for row in rows})
            for pk, stops in by_route.items():
                self._read[pk] = (stops, places)
        return self._read[page.pk]

    def to_representation(self, page):
        from villages.routes.display import route_stops

        request = self.context.get("request")
        stops, places = self._stops_and_places(page)
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
            for stop in route_stops(page, request, stops, places)
        ]
