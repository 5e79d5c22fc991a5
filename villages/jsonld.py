"""schema.org nodes of the place pages (see portal/structured_data.py for the mechanism).

- VillagePage: TouristDestination with its homestays (containsPlace) and the
  attractions tied to it (includesAttraction);
- AttractionPage: TouristAttraction (touristType from its kind, geo, address);
- HomestayPage: BedAndBreakfast (a LodgingBusiness) with address, geo, telephone,
  priceRange in VND, numberOfRooms, amenityFeature, check-in/out times, image and
  the languages the host speaks.
"""

import re

from django.utils.translation import gettext as _

from portal.structured_data import compact, geo, postal_address, reference, text, thing
from portal.validators import tel_href

# Who an attraction of each kind suits (schema.org touristType), by AttractionKind value.
TOURIST_TYPES = {
    "peak": "Hikers",
    "border_marker": "Hikers",
    "forest": "Nature lovers",
    "waterfall": "Nature lovers",
    "reed_hill": "Photographers",
    "viewpoint": "Photographers",
    "market": "Culture lovers",
    "communal_house": "Culture lovers",
}
TOURIST_TYPE_LABELS = {
    "Hikers": lambda: _("Hikers"),
    "Nature lovers": lambda: _("Nature lovers"),
    "Photographers": lambda: _("Photographers"),
    "Culture lovers": lambda: _("Culture lovers"),
}


def _commune(village):
    commune = getattr(village, "commune", None) if village is not None else None
    return commune.name if commune is not None else ""


def village_node(page, request=None, homestays=None, attractions=None):
    """A village as a TouristDestination; ``homestays`` and ``attractions`` are pages
    (from the page's context when given, else looked up)."""
    if homestays is None:
        from villages.models.queries import village_homestays

        homestays = village_homestays(page)
    if attractions is None:
        attractions = list(page.attractions.live().public().order_by("path"))
    node = thing("TouristDestination", page, request, image=page.image)
    node.update(
        geo=geo(page.latitude, page.longitude),
        address=postal_address(_commune(page), page.title),
        containsPlace=[reference(h, request=request) for h in homestays],
        includesAttraction=[reference(a, request=request) for a in attractions],
    )
    return compact(node)


def attraction_node(page, request=None):
    node = thing("TouristAttraction", page, request, image=page.image)
    tourist_type = TOURIST_TYPES.get(page.kind)
    village = page.village if page.village_id and page.village.live else None
    node.update(
        geo=geo(page.latitude, page.longitude),
        address=postal_address(_commune(village), village.title if village else ""),
        touristType=TOURIST_TYPE_LABELS[tourist_type]() if tourist_type else "",
        containedInPlace=reference(village, request=request) if village else None,
    )
    return compact(node)


def telephone(number):
    """+84… (E.164) from a Vietnamese number as staff typed it; "" when none."""
    href = tel_href(number)
    return href.removeprefix("tel:") if href else ""


def price_range(page):
    """e.g. "250000–400000 VND per room" (schema.org priceRange is free text)."""
    if page.price_min is None:
        return ""
    low, high = page.price_min, page.price_max or page.price_min
    amount = f"{low}" if low == high else f"{low}–{high}"
    return f"{amount} VND {page.get_price_basis_display()}"


def languages(spoken):
    """["Vietnamese", "Sán Chỉ", "some English"] from "Vietnamese, Sán Chỉ, some English"."""
    return [part.strip() for part in re.split(r"[,;/]", spoken or "") if part.strip()]


def _time(value):
    return value.strftime("%H:%M:%S") if value else ""


def homestay_node(page, request=None, village=None):
    village = village if village is not None else page.get_parent().specific
    node = thing("BedAndBreakfast", page, request, image=page.image)
    node.update(
        geo=geo(page.latitude, page.longitude),
        address=postal_address(_commune(village), village.title),
        telephone=telephone(page.phone),
        email=page.email,
        priceRange=price_range(page),
        currenciesAccepted="VND",
        numberOfRooms=page.rooms,
        amenityFeature=[
            {"@type": "LocationFeatureSpecification", "name": amenity.label, "value": True}
            for amenity in page.amenities.all()
        ],
        checkinTime=_time(page.check_in_time),
        checkoutTime=_time(page.check_out_time),
        availableLanguage=languages(page.languages_spoken),
        containedInPlace=reference(village, request=request),
        description=text(page.search_description or page.introduction),
    )
    return compact(node)
