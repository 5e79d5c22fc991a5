"""Open Graph and the site's own JSON-LD, computed beside the models, shown by templates."""

import json

from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from modeltranslation.utils import build_localized_fieldname

from portal import languages
from portal.address import absolute_url

SOCIAL_IMAGE_FIELDS = ("social_image", "hero_image", "image")


def social_image(page):
    """The picture a shared link shows: the first image field the page has."""
    for name in SOCIAL_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image
    return None


# Where a page's description comes from, in order: the editor's search description,
# else the page's introduction (or an event's summary).
DESCRIPTION_FIELDS = ("search_description", "introduction", "summary")
DESCRIPTION_CHARS = 155


def description(page, language=None, chars=DESCRIPTION_CHARS):
    """The page's description in ``language`` (the active one by default), plain text
    cut at a word to about ``chars`` characters; never another language's text: a page
    with nothing in that language gets the site's own description."""
    language = language or translation.get_language()
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, build_localized_fieldname(name, language), None)
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(chars)
    return site_description()


def site_description():
    return translation.gettext(
        "Bình Liêu, Quảng Ninh: Tày, Dao Thanh Phán and Sán Chỉ villages, homestays, "
        "festivals by the lunar calendar and border routes."
    )


def summary(page, words=40):
    return description(page)


def open_graph(page, request, canonical):
    language = translation.get_language()
    tags = {
        "og:type": "website",
        "og:site_name": translation.gettext("Bình Liêu Tourism"),
        "og:title": page.seo_title or page.title,
        "og:description": summary(page),
        "og:url": canonical,
        "og:locale": languages.info(language).og_locale,
    }
    image = social_image(page)
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        tags["og:image"] = absolute_url(rendition.url)
        tags["og:image:width"] = rendition.width
        tags["og:image:height"] = rendition.height
    return tags


def json_ld_script(data):
    """A ready <script type="application/ld+json"> element for a template."""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(json_ld_dumps(data))
    )  # noqa: S308


def json_ld_dumps(data):
    """JSON for a <script type="application/ld+json"> element: no "</script>" can close it."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
