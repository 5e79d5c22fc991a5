"""The partners' addresses (feeds, API, GeoJSON, embed), built at request time from
the site's public address and the URL contract (DESIGN.md), never typed as text.

``PartnerAddressesBlock`` shows them on a page; ``static/portal/js/partners.js``
rewrites the embed snippet and preview when a partner picks a village or category.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal import blocks as portal_blocks
from portal.public_address import public_base_url

EMBED_LIMIT = 5


@dataclass
class Address:
    label: str
    url: str


def _path(name, default):
    try:
        return reverse(name)
    except NoReverseMatch:
        return default


def embed_url(base, language, village="", category="", limit=EMBED_LIMIT):
    query = {"lang": language, "village": village, "category": category, "limit": limit}
    query = {key: value for key, value in query.items() if value}
    return f"{base}{_path('embed', '/embed/events/')}?{urlencode(query)}"


def embed_snippet(src, title):
    """What a partner pastes into their page (their site, so the style is theirs)."""
    return (
        f'<iframe src="{src}" title="{title}" width="100%" height="420" '
        'loading="lazy" style="border:0"></iframe>'
    )


def choices(app_label, model_name, label_field):
    """[(slug, label)] of live villages or of event categories; [] without that app."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return []
    queryset = model.objects.all()
    if hasattr(queryset, "live"):
        queryset = queryset.live().public().order_by("path")
    return [(item.slug, str(getattr(item, label_field))) for item in queryset]


def partner_addresses(request, language=None):
    """Every address partners use, absolute, on the host the request came in on."""
    language = language or get_language()
    base = public_base_url(request)
    host = base.partition("://")[2]
    lang = urlencode({"lang": language})
    ics = _path("feed_ics", "/feeds/events.ics")
    api = "/api/v2/"
    title = str(_("Festivals in Bình Liêu"))
    src = embed_url(base, language)
    return {
        "calendar": [
            Address(_("Subscribe in a calendar app (webcal)"), f"webcal://{host}{ics}?{lang}"),
            Address(_("iCalendar file"), f"{base}{ics}?{lang}"),
            Address(_("RSS"), f"{base}{_path('feed_rss', '/feeds/events.rss')}?{lang}"),
        ],
        "data": [
            Address(_("Pages (JSON API)"), f"{base}{api}pages/?{lang}"),
            Address(_("Events (JSON API)"), f"{base}{api}events/?{lang}"),
            Address(_("Places (JSON API)"), f"{base}{api}places/?{lang}"),
            Address(
                _("Map of places (GeoJSON)"),
                f"{base}{_path('places_geojson', '/api/places.geojson')}?{lang}",
            ),
            Address(_("Sitemap"), f"{base}{_path('sitemap', '/sitemap.xml')}"),
        ],
        "embed_base": f"{base}{_path('embed', '/embed/events/')}",
        "embed_src": src,
        "embed_title": title,
        "embed_snippet": embed_snippet(src, title),
        "language": language,
        "limit": EMBED_LIMIT,
        "villages": choices("villages", "VillagePage", "title"),
        "categories": choices("events", "EventCategory", "name"),
    }


class PartnerAddressesBlock(blocks.StaticBlock):
    """The live list of feeds, API, GeoJSON and the embed snippet with its picker."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["addresses"] = partner_addresses(request)
        return context

    class Meta:
        icon = "code"
        label = _("Addresses for partners (feeds, API, embed)")
        admin_text = _(
            "Shows the calendar feeds, the API, the GeoJSON map data and the embed "
            "snippet, with the site's own address."
        )
        template = "portal/blocks/partner_addresses.html"


class StandardStreamBlock(portal_blocks.StandardStreamBlock):
    """The body of standard pages: the shared blocks and data addresses, plus the
    partners' addresses."""

    partner_addresses = PartnerAddressesBlock()
