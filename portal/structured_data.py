"""schema.org structured data for every page, through one mechanism.

Each page type declares what it is: ``schema_type`` (a schema.org class name) and,
where it says more than a web page does, a ``structured_data(request, context)``
method returning its nodes (dicts without ``@context``). ``BasePage`` gives every
page a default node. The ``{% structured_data %}`` tag in base.html renders the
page's nodes plus a BreadcrumbList as one ``<script type="application/ld+json">``
with an ``@graph``. Every URL in it is absolute, on the public address.
"""

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from portal.address import absolute_url
from portal.cache import cached_for_content
from portal.i18n import page_url
from portal.models.visibility import live_public

CONTEXT = "https://schema.org"
REGION = "Quảng Ninh"
COUNTRY = "VN"
# The area the portal is about: the locality of places without a commune of their own.
AREA = "Bình Liêu"
# The Open Graph picture's rendition (portal.seo), so a page makes one, not two.
IMAGE_SPEC = "fill-1200x630|format-jpeg"
DESCRIPTION_CHARS = 300


def text(value, chars=DESCRIPTION_CHARS):
    """Plain text of a field (HTML stripped), shortened at a word: "" when empty."""
    plain = " ".join(strip_tags(str(value or "")).split())
    return Truncator(plain).chars(chars) if plain else ""


def page_link(page, request=None):
    """The page's absolute URL in the active language."""
    return page_url(page, translation.get_language(), request, absolute=True)


def page_description(page):
    """The page's description in the active language (see portal.seo.description)."""
    from portal.seo import description

    return description(page, chars=DESCRIPTION_CHARS)


def image_url(image, spec=IMAGE_SPEC):
    """Absolute URL of a rendition of ``image``; "" without an image."""
    if image is None:
        return ""
    return absolute_url(image.get_rendition(spec).url)


def postal_address(locality="", street=""):
    """A Vietnamese PostalAddress: street (hamlet, village), locality (commune),
    region (province) and country (ISO 3166-1 alpha-2)."""
    address = {"@type": "PostalAddress"}
    if street:
        address["streetAddress"] = street
    address["addressLocality"] = locality or AREA
    address["addressRegion"] = REGION
    address["addressCountry"] = COUNTRY
    return address


def geo(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}


def compact(data):
    """Drop empty values (None, "", [], {}) so no property is stated without content."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def thing(schema_type, page, request=None, *, image=None, description=None):
    """The node every page starts from: type, name, URL, description and image."""
    return compact(
        {
            "@type": schema_type,
            "name": page.title,
            "url": page_link(page, request),
            "description": page_description(page) if description is None else description,
            "image": image_url(image),
        }
    )


def reference(page, schema_type=None, request=None):
    """A short node pointing at another page: its type, name and URL."""
    schema_type = schema_type or getattr(page, "schema_type", "Thing")
    return {"@type": schema_type, "name": page.title, "url": page_link(page, request)}


def web_page(page, request=None, schema_type="WebPage"):
    """The default node: a web page (CreativeWork) in the active language."""
    data = thing(schema_type, page, request, image=_first_image(page))
    data["inLanguage"] = translation.get_language()
    return data


def _first_image(page):
    for name in ("social_image", "hero_image", "image"):
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image
    return None


def breadcrumb_list(page, request=None):
    """BreadcrumbList from the home page down to ``page`` (the site root and above
    are left out)."""
    # Titles and URL paths of every language live on Wagtail's Page: no .specific().
    from portal.navigation import ancestors

    pages = [crumb for crumb in ancestors(page, request) if crumb.depth > 1] + [page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "name": crumb.title,
                "item": page_link(crumb, request),
            }
            for n, crumb in enumerate(pages, start=1)
        ],
    }


def page_graph(page, request=None, context=None):
    """The whole JSON-LD document of a page: its own nodes and its breadcrumbs."""
    nodes = list(page.structured_data(request, context or {}))
    nodes.append(breadcrumb_list(page, request))
    return {"@context": CONTEXT, "@graph": nodes}


def web_site(page, request=None):
    """schema.org WebSite with its search box (the home page)."""
    search = absolute_url(f"/{translation.get_language()}/search/")
    return compact(
        {
            "@type": "WebSite",
            "name": translation.gettext("Bình Liêu Tourism"),
            "url": page_link(page, request),
            "inLanguage": translation.get_language(),
            "description": page_description(page),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{q}}"},
            },
        }
    )


def destinations_below(page):
    """Live, public pages under ``page`` whose type declares itself a TouristDestination
    (villages), found through Wagtail's page types: portal imports no app."""
    from wagtail.models import Page, get_page_models

    models = [
        model
        for model in get_page_models()
        if getattr(model, "schema_type", "") == "TouristDestination" and model is not type(page)
    ]
    if not models:
        return []
    found = live_public(Page.objects.descendant_of(page).type(*models))
    return cached_for_content(
        f"portal:destinations:{page.pk}", lambda: list(found.specific().order_by("path"))
    )


def area_destination(page, request=None, image=None):
    """The whole area as a TouristDestination containing its destinations (home page)."""
    node = thing("TouristDestination", page, request, image=image)
    node["address"] = postal_address()
    node["containsPlace"] = [reference(p, request=request) for p in destinations_below(page)]
    return compact(node)
