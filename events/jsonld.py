"""schema.org JSON-LD for an event page (Event, or Festival/SportsEvent by category).

Dates carry the +07:00 offset; an all-day occurrence runs from 00:00 on its first
day to 23:59 on its last. A rescheduled event keeps ``previousStartDate``.
"""

import datetime

from events.occurrences import EVENT_TZ
from events.status import SCHEMA_STATUS, Status
from portal.structured_data import postal_address

OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def _start(occurrence):
    return occurrence.start_datetime.isoformat()


def _end(occurrence):
    if occurrence.all_day:
        last = datetime.datetime.combine(occurrence.end, datetime.time(23, 59), EVENT_TZ)
        return last.isoformat()
    end = occurrence.end_datetime
    return end.isoformat() if end else None


def place_data(place, url=""):
    """The event's location: a Place whose PostalAddress goes down to the commune
    (addressLocality; the area's name when the venue names none), province and VN."""
    if place is None:
        return None
    address = postal_address(place.locality, place.address or place.name)
    data = {"@type": "Place", "name": place.name, "address": address}
    if place.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
    if url:
        data["url"] = url
    return data


def offers_data(is_free, price_vnd, url, valid_from=None):
    offer = {
        "@type": "Offer",
        "price": 0 if is_free else price_vnd,
        "priceCurrency": "VND",
        "availability": "https://schema.org/InStock",
        "url": url,
    }
    if valid_from:
        offer["validFrom"] = valid_from
    if not is_free and price_vnd is None:
        del offer["price"]
    return offer


def event_data(
    *,
    schema_type,
    name,
    url,
    occurrence,
    status,
    language,
    description="",
    images=(),
    place=None,
    place_url="",
    organiser=None,
    is_free=True,
    price_vnd=None,
    previous_start=None,
):
    """The JSON-LD node of an event's next (or last) occurrence; ``organiser`` is
    an Organization node (see :func:`organizer_data`)."""
    data = {
        "@type": schema_type or "Event",
        "name": name,
        "url": url,
        "inLanguage": language,
        "eventStatus": SCHEMA_STATUS[status],
        "eventAttendanceMode": OFFLINE,
        "isAccessibleForFree": bool(is_free),
    }
    if occurrence is not None:
        data["startDate"] = _start(occurrence)
        end = _end(occurrence)
        if end:
            data["endDate"] = end
    if status == Status.RESCHEDULED and previous_start is not None:
        data["previousStartDate"] = previous_start.isoformat()
    if description:
        data["description"] = description
    if images:
        data["image"] = list(images)
    location = place_data(place, place_url)
    if location:
        data["location"] = location
    if organiser:
        data["organizer"] = organiser
    if is_free or price_vnd is not None:
        data["offers"] = offers_data(is_free, price_vnd, url)
    return data


def organizer_data(name, fallback_name="", fallback_url=""):
    """The organiser named on the event, else the portal's own office (the body that
    publishes the event and answers questions about it)."""
    if name:
        return {"@type": "Organization", "name": name}
    if fallback_name:
        return {"@type": "Organization", "name": fallback_name, "url": fallback_url}
    return None
