"""Search fields: every indexed text is folded (portal.text.fold) the same way as the
query, so accents, đ and decomposed input do not matter. See docs/SEARCH.md.

A page's index entry has three parts (Wagtail's database backend columns):
- ``title``: its titles in every language plus what it belongs to (its village,
  commune and former commune names, venue, kind, lunar date words, the editors'
  search description): :class:`KeyTextField`;
- ``autocomplete``: its titles in every language (prefix search, suggestions);
- ``body``: every other translated text field, in every language.
"""

import copy

from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from portal.i18n import is_empty
from portal.text import fold


def language_codes():
    """Every language that has columns (not only the languages the site offers now),
    so turning a language on needs no re-index."""
    return list(mt_settings.AVAILABLE_LANGUAGES)


def localized_values(obj, name):
    """The non-empty values of translated field ``name`` in every language."""
    values = []
    for code in language_codes():
        value = getattr(obj, build_localized_fieldname(name, code), None)
        if not is_empty(value):
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
    """A SearchField whose text is folded (portal.text.fold) and which indexes an
    empty translation as nothing, never as the words "None" or "null" (see
    portal.i18n.is_empty). A StreamField gives a list of texts, one per block value;
    empty block values are dropped from it."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, (list, tuple)):
            return fold([item for item in value if not is_empty(item)])
        return "" if is_empty(value) else fold(value)


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
    """One folded search field per language column (every supported language) for
    each translated field name."""
    kwargs = {"boost": boost} if boost else {}
    return [
        TextSearchField(build_localized_fieldname(name, code), **kwargs)
        for name in names
        for code in language_codes()
    ]


def index_empty_translations_as_nothing():
    """Make every per-language SearchField a TextSearchField, once per column.

    wagtail-modeltranslation clones each plain SearchField on a translated field
    (Wagtail's own ``SearchField("title")``) once per language; a clone indexes an
    empty column as the word "None". Called from PortalConfig.ready(), after
    wagtail-modeltranslation has patched the models.
    """
    for model in translator.get_registered_models():
        fields = getattr(model, "search_fields", None)
        if not fields:
            continue
        columns = {
            build_localized_fieldname(name, code)
            for name in translator.get_options_for_model(model).all_fields
            for code in mt_settings.AVAILABLE_LANGUAGES
        }
        kept, seen = [], set()
        for field in fields:
            if isinstance(field, index.SearchField) and field.field_name in columns:
                if field.field_name in seen:
                    continue
                seen.add(field.field_name)
                if not isinstance(field, TextSearchField):
                    field = copy.copy(field)
                    field.__class__ = TextSearchField
            kept.append(field)
        model.search_fields = kept


def page_search_fields(page_fields):
    """Wagtail's Page search fields plus the folded title fields; the raw title
    fields stay listed (Wagtail's check wants them) but are never indexed:
    :func:`without_raw_titles`."""
    return [*page_fields, KeyTextField(boost=2), TitlesAutocompleteField()]


def without_raw_titles(fields):
    """Drop Wagtail's own unfolded ``title`` search and autocomplete fields."""
    raw = (index.SearchField, index.AutocompleteField)
    return [f for f in fields if not (type(f) in raw and f.field_name == "title")]
