"""Search hits turned into what the results page and the suggestions show: URL,
title and type in the visitor's language, a thumbnail, and a snippet with the
matched words marked. Queries: one for the pages (every type at once), one for
images, one for their renditions, whatever the number of hits or of page types.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.specific import specific_pages
from portal.text import fold

THUMBNAIL = "fill-160x120|format-webp"
SNIPPET_WORDS = 40
SNIPPET_FIELDS = ("search_description", "summary", "introduction")

# Filter labels, in the order the filters are offered.
KIND_LABELS = {
    "village": _("Villages"),
    "homestay": _("Homestays"),
    "attraction": _("Attractions"),
    "event": _("Festivals and events"),
    "route": _("Routes"),
    "index": _("Sections"),
    "page": _("Pages"),
    "tool": _("Tools"),
    "home": _("Home page"),
}


@dataclass
class ResultItem:
    url: str
    title: str
    type_label: str
    kind: str
    image: object = None
    snippet: str = ""


def pages_by_id(ids):
    """{id: specific page} for ``ids``, in one query whatever their types, without
    their StreamField bodies (a result shows a title, an image and a plain-text
    snippet)."""
    return {page.pk: page for page in specific_pages(Page.objects.filter(pk__in=ids))}


def images_by_id(pages):
    ids = {getattr(page, "image_id", None) for page in pages} - {None}
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(THUMBNAIL)
    return {image.pk: image for image in images}


def snippet_text(page):
    for name in SNIPPET_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            return Truncator(value.strip()).words(SNIPPET_WORDS)
    return ""


def mark_words(text, words):
    """``text`` as HTML with each word whose folded form is a query word (or starts
    with the last one) inside ``<mark>``. Accent-insensitive, like the search."""
    if not text or not words:
        return escape(text)
    wordset, last = set(words), words[-1]
    parts = []
    for token in _split_keep(text):
        folded = fold(token)
        hit = folded and all(
            w in wordset or (len(last) >= 2 and w.startswith(last)) for w in folded.split()
        )
        parts.append(f"<mark>{escape(token)}</mark>" if hit else escape(token))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above


def _split_keep(text):
    import re

    return re.split(r"(\s+)", text)


def result_items(hits, words, request=None):
    """``hits`` (ranked Candidates) as :class:`ResultItem` list, same order."""
    pages = pages_by_id([hit.page.pk for hit in hits])
    images = images_by_id(pages.values())
    items = []
    for hit in hits:
        page = pages.get(hit.page.pk)
        if page is None:
            continue
        items.append(
            ResultItem(
                url=page.get_url(request),
                title=page.title,
                type_label=capfirst(page._meta.verbose_name),
                kind=hit.kind,
                image=images.get(getattr(page, "image_id", None)),
                snippet=mark_words(snippet_text(page), words),
            )
        )
    return items


def kind_filters(counts):
    """[(kind, label, count)] in a fixed order, only kinds that have results."""
    return [(kind, label, counts[kind]) for kind, label in KIND_LABELS.items() if counts.get(kind)]
