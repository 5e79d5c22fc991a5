"""Wagtail's database search backend with the portal's folding applied to queries.

The index holds folded text (portal.search); this backend folds every query the
same way before the database sees it, for the public search, the suggestions and
the admin's own search boxes alike. Picks SQLite FTS5 or PostgreSQL full-text
(GIN-indexed tsvectors) by the database in use, as Wagtail's does.

On SQLite, a search whose results are sliced (``[:100]``) and ranked by relevance
is answered by one bounded query (:class:`BoundedSQLiteMixin`): modelsearch's own
plan scores every matching page with a correlated subquery that runs the full-text
match again for each of them, so its cost grows with the square of the matches
(13 s with 5,000 homestays matching "homestay"; issue 16 item 5).

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend",
"SEARCH_CONFIG": "simple"}}`` ("simple": no English stemming or stop words, so both
databases match the same folded words).
"""

from django.db.models import Case, IntegerField, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import MatchAll, Not, Phrase, PlainText

from portal.collation import collate_searched_titles
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
    """Folds every query; a search ordered by title (not by relevance) gets the
    language's alphabetical order (portal.collation)."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if not kwargs.get("order_by_relevance", True):
            model_or_queryset = collate_searched_titles(model_or_queryset)
        return super()._search(query_compiler_class, fold_query(query), model_or_queryset, **kwargs)


class BoundedSQLiteMixin:
    """A SQLite query compiler that answers a sliced, relevance-ordered search with
    one query: the full-text match joined to the index entries, restricted to the
    searched queryset (a non-correlated ``IN``), ordered by the same BM25 score as
    modelsearch's, cut at ``stop``. Every other search (unsliced, counted, ordered
    by a field, negated) goes through modelsearch's own plan."""

    def search(self, config, start, stop, score_field=None, **kwargs):
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
        from modelsearch.utils import get_descendants_content_types_pks

        query = normalize(self.query)
        if (
            stop is None
            or score_field is not None
            or not self.order_by_relevance
            or isinstance(query, (MatchAll, Not))
        ):
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        searched = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        top = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=searched.values("_object_id"),
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)[start:stop]
        )
        ids = [int(pk) for pk in top]
        position = Case(
            *[When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)],
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=ids).order_by(position) if ids else self.queryset.none()


def SearchBackend(params):  # noqa: N802 - Wagtail looks this name up
    backend_class = type(database_backend(params))
    attributes = {}
    if backend_class.__name__.startswith("SQLite"):
        for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
            compiler = getattr(backend_class, name)
            bases = (BoundedSQLiteMixin, compiler)
            attributes[name] = type(f"Bounded{compiler.__name__}", bases, {})
    folding_class = type(
        f"Folding{backend_class.__name__}", (FoldingMixin, backend_class), attributes
    )
    return folding_class(params)
