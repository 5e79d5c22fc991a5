"""Search fields: every indexed text is folded (portal.text.fold) the same way as the
query, so accents, đ and decomposed input do not matter. See docs/SEARCH.md.

A page's index entry has three parts (Wagtail's database backend columns):
- ``title``: its titles in every language plus what it belongs to (its village,
  commune and former commune names, venue, kind, lunar date words, the editors'
  search description): :class:`KeyTextField`;
- ``autocomplete``: its titles in every language (prefix search, suggestions);
- ``body``: every other translated text field, in every language.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from portal.text import fold


def language_codes():
    return [code for code, _label in settings.LANGUAGES]


def localized_values(obj, name):
    """The non-empty values of translated field ``name`` in every language."""
    values = []
    for code in language_codes():
        value = getattr(obj, build_localized_fieldname(name, code), None)
        if value not in (None, ""):
            values.append(value)
    return values


def in_every_language(text_of):
    """``text_of()`` evaluated with each language active (labels, verbose names)."""
    texts = []
    for code in language_codes():
        with translation.override(code):
            texts.append(str(text_of()))
    return texts


class TextSearchField(index.SearchField):
    """A SearchField whose text is folded; an empty translation indexes as nothing,
    never as "None"."""

    def get_value(self, obj):
        value = super().get_value(obj)
        return "" if value is None else fold(value)


class KeyTextField(index.SearchField):
    """The ``title`` column: titles in every language plus ``obj.search_key_texts()``."""

    def __init__(self, **kwargs):
        super().__init__("title", **kwargs)

    def get_value(self, obj):
        return fold(localized_values(obj, "title") + list(obj.search_key_texts()))


class TitlesAutocompleteField(index.AutocompleteField):
    """Prefix search on the titles in every language (search-as-you-type)."""

    def __init__(self):
        super().__init__("title")

    def get_value(self, obj):
        return fold(localized_values(obj, "title"))


def translated_search_fields(*names, boost=None):
    """One folded search field per language for each translated field name."""
    kwargs = {"boost": boost} if boost else {}
    return [
        TextSearchField(build_localized_fieldname(name, code), **kwargs)
        for name in names
        for code in language_codes()
    ]


def page_search_fields(page_fields):
    """Wagtail's Page search fields plus the folded title fields; the raw title
    fields stay listed (Wagtail's check wants them) but are never indexed:
    :func:`without_raw_titles`."""
    return [*page_fields, KeyTextField(boost=2), TitlesAutocompleteField()]


def without_raw_titles(fields):
    """Drop Wagtail's own unfolded ``title`` search and autocomplete fields."""
    raw = (index.SearchField, index.AutocompleteField)
    return [f for f in fields if not (type(f) in raw and f.field_name == "title")]
