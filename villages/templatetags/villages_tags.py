"""Display helpers for place pages: prices, the 12-month strip, map settings, tool links."""

import datetime
import json

from django import template
from django.utils import formats, translation
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal import navigation
from villages import conf
from villages.fields import parse_months
from villages.models import HomestayFinderPage, MapPage
from villages.models.queries import live_public
from villages.places import place_types

register = template.Library()


@register.filter
def vnd(amount):
    """350000 → "350.000 ₫" in Vietnamese, "350,000 VND" in English."""
    if amount in (None, ""):
        return ""
    number = f"{int(amount):,}"
    if translation.get_language() == "vi":
        return f"{number.replace(',', '.')} ₫"
    return f"{number} VND"


@register.simple_tag
def months_strip(months):
    """Twelve cells, one per month, each marked when it is among ``months``."""
    chosen = set(parse_months(months))
    return [
        {
            "number": n,
            "short": str(MONTHS_3[n]).capitalize(),
            "name": _month_name(n),
            "on": n in chosen,
        }
        for n in range(1, 13)
    ]


def _month_name(number):
    return formats.date_format(datetime.date(2000, number, 1), "F")


@register.simple_tag
def map_options(**extra):
    """JSON for data-map: tiles, attribution, region box and centre (all settings), and
    each place type's symbol colour from the place registry."""
    box = conf.region_box()
    return json.dumps(
        {
            "tiles": conf.tile_url(),
            "colours": {place.name: place.colour for place in place_types()},
            "attribution": conf.tile_attribution(),
            "bounds": [[box["min_lat"], box["min_lon"]], [box["max_lat"], box["max_lon"]]],
            "centre": list(conf.region_centre()),
            **extra,
        }
    )


@register.simple_tag(takes_context=True)
def tool_page(context, kind):
    """The live finder ("finder") or map ("map") page: the key section of the
    request's site (found with the header's sections, no query of its own), else
    the first such page anywhere."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return navigation.section_page(request, site, TOOL_SECTIONS[kind])
    model = {"finder": HomestayFinderPage, "map": MapPage}[kind]
    return live_public(model.objects.all()).first()


# tool_page kind → the key of its section in portal.navigation.SECTIONS
TOOL_SECTIONS = {"finder": "homestays", "map": "map"}


@register.filter
def minutes(value):
    """95 → "1 h 35 min"."""
    if value in (None, ""):
        return ""
    hours, mins = divmod(int(value), 60)
    if hours and mins:
        return _("%(h)s h %(m)s min") % {"h": hours, "m": mins}
    if hours:
        return _("%(h)s h") % {"h": hours}
    return _("%(m)s min") % {"m": mins}
