"""Search helpers: index every language's column of a translated field."""

from django.conf import settings
from wagtail.search import index


class TextSearchField(index.SearchField):
    """A SearchField that indexes an empty translation as nothing, not as "None"."""

    def get_value(self, obj):
        value = super().get_value(obj)
        return "" if value is None else value


def translated_search_fields(*names, boost=None):
    """One search field per language for each translated field name."""
    kwargs = {"boost": boost} if boost else {}
    return [
        TextSearchField(f"{name}_{code}", **kwargs)
        for name in names
        for code, _label in settings.LANGUAGES
    ]
