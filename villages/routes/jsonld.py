"""JSON-LD for a route page: a schema.org TouristTrip with its stops as the itinerary."""

from django.utils.translation import get_language

from portal.address import absolute_url
from villages.routes.links import gpx_url, page_absolute_url

SCHEMA_TYPES = {
    "village": "TouristDestination",
    "homestay": "LodgingBusiness",
    "attraction": "TouristAttraction",
}


def _absolute(request, url):
    return absolute_url(url)


def _stop(stop, request):
    return {
        "@type": "ListItem",
        "position": stop.number,
        "item": {
            "@type": SCHEMA_TYPES.get(stop.kind, "Place"),
            "name": stop.title,
            "url": _absolute(request, stop.url),
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": stop.latitude,
                "longitude": stop.longitude,
            },
        },
    }


def route_jsonld_data(page, stops, request):
    """A TouristTrip node with only the properties schema.org defines for it (and
    its parents Trip, Intangible, Thing): no inLanguage, which a trip does not have."""
    language = get_language()
    data = {
        "@type": "TouristTrip",
        "name": page.title,
        "description": page.introduction or page.search_description or "",
        "url": page_absolute_url(request, page),
        "touristType": str(page.get_mode_display()),
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(stops),
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": [_stop(stop, request) for stop in stops],
        },
    }
    if page.has_track:
        data["subjectOf"] = {
            "@type": "DataDownload",
            "encodingFormat": "application/gpx+xml",
            "contentUrl": gpx_url(request, page, language),
        }
    return data
