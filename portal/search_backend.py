"""Wagtail's database search backend with the portal's folding applied to queries.

The index holds folded text (portal.search); this backend folds every query the
same way before the database sees it, for the public search, the suggestions and
the admin's own search boxes alike. Picks SQLite FTS5 or PostgreSQL full-text
(GIN-indexed tsvectors) by the database in use, as Wagtail's does.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend",
"SEARCH_CONFIG": "simple"}}`` ("simple": no English stemming or stop words, so both
databases match the same folded words).
"""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText

from portal.text import fold


def fold_query(query):
    """A query string or PlainText/Phrase object with its text folded."""
    if isinstance(query, str):
        return fold(query)
    if isinstance(query, PlainText):
        return PlainText(fold(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(fold(query.query_string))
    return query


class FoldingMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)


def SearchBackend(params):  # noqa: N802 - Wagtail looks this name up
    backend_class = type(database_backend(params))
    folding_class = type(f"Folding{backend_class.__name__}", (FoldingMixin, backend_class), {})
    return folding_class(params)
