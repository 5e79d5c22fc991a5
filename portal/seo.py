"""Open Graph and the site's own JSON-LD, computed beside the models, shown by templates."""

import json

from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from portal.address import absolute_url

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
SOCIAL_IMAGE_FIELDS = ("social_image", "hero_image", "image")


def social_image(page):
    """The picture a shared link shows: the first image field the page has."""
    for name in SOCIAL_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image
    return None


def summary(page, words=40):
    text = page.search_description or getattr(page, "introduction", "") or ""
    return Truncator(strip_tags(str(text))).words(words)


def open_graph(page, request, canonical):
    language = translation.get_language()
    tags = {
        "og:type": "website",
        "og:site_name": translation.gettext("Bình Liêu Tourism"),
        "og:title": page.seo_title or page.title,
        "og:description": summary(page),
        "og:url": canonical,
        "og:locale": OG_LOCALES.get(language, language),
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
