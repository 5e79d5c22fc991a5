"""Search helpers: index every language's column of a translated field."""

import copy

from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from portal.i18n import is_empty


class TextSearchField(index.SearchField):
    """A SearchField that indexes an empty translation as nothing, never as the
    words "None" or "null" (see portal.i18n.is_empty). A StreamField gives a list
    of texts, one per block value; empty block values (an optional caption left
    blank comes out as "None") are dropped from it."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, (list, tuple)):
            return [item for item in value if not is_empty(item)]
        return "" if is_empty(value) else value


def translated_search_fields(*names, boost=None):
    """One search field per language column (every supported language, so turning a
    language on needs no re-index) for each translated field name."""
    kwargs = {"boost": boost} if boost else {}
    return [
        TextSearchField(build_localized_fieldname(name, code), **kwargs)
        for name in names
        for code in mt_settings.AVAILABLE_LANGUAGES
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
