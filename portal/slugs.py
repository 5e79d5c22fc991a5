"""Readable ASCII slugs in every language, transliterated from that language's title.

Server side, :func:`ascii_slug` uses anyascii (ISC licence): "Đồng Văn xưa" →
``dong-van-xua``. In the admin, :class:`VietnameseSlugInput` gives Wagtail's slug
controller formatters that strip Vietnamese diacritics (đ → d) before its own
``urlify`` (which has no Vietnamese map and would turn "Đồng" into "djng"), so the
slug proposed while typing equals the one the server saves.
"""

import unicodedata

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

MAX_LENGTH = 255

# Vietnamese letters by their ASCII base letter (precomposed, NFC), both cases.
VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def ascii_slug(text, max_length=MAX_LENGTH):
    """A lowercase ASCII slug of ``text``: "Đồng Văn of old" → "dong-van-of-old".

    Empty when ``text`` has no letter or digit that transliterates.
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", text or ""))
    return slugify(ascii_text)[:max_length].strip("-")


def _taken(page, field_name):
    if page.path is None or page.depth is None or page.depth <= 1:
        return set()
    siblings = page.get_siblings(inclusive=False) if page.pk else page.get_parent().get_children()
    return set(siblings.values_list(field_name, flat=True))


def _unique(base, taken):
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug, n = base[: MAX_LENGTH - len(suffix)] + suffix, n + 1
    return slug


def fill_ascii_slugs(page):
    """Give ``page`` an ASCII slug in every language.

    An empty slug is made from the title in the same language (made unique among
    its siblings once the page has a place in the tree); a slug with non-ASCII
    characters is transliterated (the old URL then redirects, portal/redirects.py).
    """
    for language in mt_settings.AVAILABLE_LANGUAGES:
        slug_field = build_localized_fieldname("slug", language)
        title = getattr(page, build_localized_fieldname("title", language), "") or ""
        slug = getattr(page, slug_field, "") or ""
        if slug and not slug.isascii():
            setattr(page, slug_field, ascii_slug(slug) or slug)
        elif not slug and title and page.path:
            base = ascii_slug(title)
            if base:
                setattr(page, slug_field, _unique(base, _taken(page, slug_field)))


def _vietnamese_formatters():
    formatters = []
    for base, letters in VIETNAMESE_LETTERS.items():
        formatters.append((f"[{letters}]", base))
        formatters.append((f"[{letters.upper()}]", base.upper()))
    formatters.append(("[\u0300-\u036f]", ""))  # combining marks of decomposed input
    return formatters


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, with Vietnamese transliteration before its urlify."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs, formatters=_vietnamese_formatters() + list(formatters or []), locale=locale
        )


def register_slug_widget():
    """Use :class:`VietnameseSlugInput` for every slug field of admin forms."""
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
