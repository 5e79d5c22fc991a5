"""Where an event takes place: a village or attraction page, else a named place.

The venue page types are the place types with ``can_be_venue`` (villages/places.py).
``attach_places(events)`` resolves the venues of many events with a fixed number of
queries (one per venue page type), so listings never query once per event.
"""

from dataclasses import dataclass

from portal.models.visibility import live_public
from villages.models import VillagePage
from villages.places import venue_types


def venue_models():
    """The page models an event may take place at, as a tuple for isinstance."""
    return tuple(t.model_class for t in venue_types())


def venue_page_types():
    """The same as ``"app_label.ModelName"`` labels (page choosers, admin filters)."""
    return [t.model_label for t in venue_types()]


REGION = "Quảng Ninh"
COUNTRY = "VN"


@dataclass
class Place:
    name: str
    address: str = ""
    locality: str = ""
    latitude: float | None = None
    longitude: float | None = None
    page: object = None

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def text(self):
        """Name, hamlet and commune on one line (calendar LOCATION, feeds)."""
        return ", ".join(part for part in (self.name, self.address, self.locality) if part)

    @property
    def village(self):
        """The village page the place belongs to, if any."""
        if isinstance(self.page, VillagePage):
            return self.page
        return getattr(self.page, "village", None)


def _venue_pages(ids):
    """{id: specific live, public page} for the given venue ids."""
    if not ids:
        return {}
    pages = {}
    for venue_type in venue_types():
        found = live_public(venue_type.model_class.objects).filter(pk__in=ids)
        if venue_type.venue_related:
            found = found.select_related(*venue_type.venue_related)
        pages.update({p.pk: p for p in found})
    return pages


def _page_place(page):
    if isinstance(page, VillagePage):
        commune = page.commune.name if page.commune else ""
        return Place(page.title, "", commune, page.latitude, page.longitude, page)
    village = getattr(page, "village", None)
    village = village if village and village.live else None
    commune = village.commune.name if village and village.commune else ""
    address = village.title if village else ""
    latitude, longitude = getattr(page, "latitude", None), getattr(page, "longitude", None)
    return Place(page.title, address, commune, latitude, longitude, page)


def named_place(event):
    if not event.venue_name:
        return None
    return Place(
        event.venue_name,
        event.venue_address,
        "",
        event.venue_latitude,
        event.venue_longitude,
    )


def attach_places(events):
    """Set each event's ``place`` (a :class:`Place` or None) in bulk."""
    events = list(events)
    pages = _venue_pages({e.venue_id for e in events if e.venue_id})
    for event in events:
        page = pages.get(event.venue_id)
        event._place = _page_place(page) if page is not None else named_place(event)
    return events


def place_of(event):
    if not hasattr(event, "_place"):
        attach_places([event])
    return event._place
