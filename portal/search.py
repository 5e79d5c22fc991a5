"""Search helpers: index every language's column of a translated field."""

from modeltranslation import settings as mt_settings
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
