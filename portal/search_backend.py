"""Wagtail's database search backend with the portal's folding applied to queries.

The index holds folded text (portal.search); this backend folds every query the
same way before the database sees it, for the public search, the suggestions and
the admin's own search boxes alike. Picks SQLite FTS5 or PostgreSQL full-text
(GIN-indexed tsvectors) by the database in use, as Wagtail's does.

On SQLite, a search whose results are sliced (``[:100]``) and ranked by relevance
is answered from a bounded candidate set (:class:`BoundedSQLiteMixin`): modelsearch's own
plan scores every matching page with a correlated subquery that runs the full-text
match again for each of them, so its cost grows with the square of the matches
(13 s with 5,000 homestays matching "homestay"; issue 16 item 5).

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend",
"SEARCH_CONFIG": "simple"}}`` ("simple": no English stemming or stop words, so both
databases match the same folded words).
"""

from functools import cache

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
    """A SQLite query compiler that answers a sliced, relevance-ordered search from
    a bounded candidate set: the full-text match joined to the index entries (by
    rowid), ordered by the same BM25 score as modelsearch's, cut at a few times
    ``stop``; then only those ids are checked against the searched queryset (live,
    public…) by primary key, widening the cut while too few pass. No step reads
    the page table or scores a page more than once. Every other search (unsliced,
    counted, ordered by a field, negated) goes through modelsearch's own plan."""

    FIRST_CUT = 3  # × stop: candidates read before the queryset's filters

    def search(self, config, start, stop, score_field=None, **kwargs):
        self.bounded_order = None
        query = self._normalized_query()
        if (
            stop is None
            or score_field is not None
            or not self.order_by_relevance
            or isinstance(query, (MatchAll, Not))
        ):
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        ranked = self._ranked_ids(query, config)
        cut, kept = max(stop * self.FIRST_CUT, 30), []
        while True:
            ids = ranked[:cut]
            allowed = set(self.queryset.filter(pk__in=ids).order_by().values_list("pk", flat=True))
            kept = [pk for pk in ids if pk in allowed]
            if len(kept) >= stop or len(ids) < cut:
                break
            cut *= 4
        kept = kept[start:stop]
        # the results put them in this order (an ORDER BY CASE of 100 branches costs
        # more to build than the sort)
        self.bounded_order = {pk: n for n, pk in enumerate(kept)}
        return self.queryset.filter(pk__in=kept).order_by() if kept else self.queryset.none()

    def _normalized_query(self):
        from modelsearch.backends.database.sqlite.query import normalize

        return normalize(self.query)

    def _ranked_ids(self, query, config):
        """A lazy list of the matching objects' primary keys, best first."""
        from modelsearch.backends.database.sqlite.query import MatchExpression
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
        from modelsearch.utils import get_descendants_content_types_pks

        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        types = get_descendants_content_types_pks(self.queryset.model)
        rows = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=types)
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )
        to_python = self.queryset.model._meta.pk.to_python
        return _Slicer(rows, to_python)


class BoundedPostgresMixin(BoundedSQLiteMixin):
    """The PostgreSQL counterpart of :class:`BoundedSQLiteMixin`: the candidates are
    read from the index table alone (``(title || body) @@ query``, the match
    modelsearch uses, GIN-indexed by portal migration 0006; ``autocomplete @@
    query`` for suggestions), ranked with modelsearch's own ``ts_rank`` expression
    and cut, then checked by primary key against the searched queryset. Searches
    on named fields, fuzzy ones and the cases :class:`BoundedSQLiteMixin` leaves
    out go through modelsearch's plan."""

    def search(self, config, start, stop, score_field=None, backend=None):
        from modelsearch.query import Fuzzy

        if self.fields is not None or isinstance(self.query, Fuzzy):
            self.bounded_order = None
            return super(BoundedSQLiteMixin, self).search(
                config, start, stop, score_field=score_field, backend=backend
            )
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def _normalized_query(self):
        return self.query

    def _ranked_ids(self, query, config):
        """A lazy list of the matching objects' primary keys, best first."""
        from django.db.models import BigIntegerField, F, IntegerField
        from django.db.models.functions import Cast
        from modelsearch.utils import get_descendants_content_types_pks

        search_query = self.build_tsquery(self.query, config=config)
        vectors = [
            (_on_entry(vector), _on_entry(boost))
            for vector, boost in self.get_index_vectors(search_query)
        ]
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        pk_field = self.queryset.model._meta.pk
        tie = "-object_id"
        if isinstance(pk_field, IntegerField):  # modelsearch breaks ties by -pk
            tie = Cast("object_id", BigIntegerField()).desc()
        entries = self.queryset.model._meta.get_field("index_entries").related_model
        rows = (
            entries.objects.filter(
                content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(_vector_=combined)
            .filter(_vector_=search_query)
            .annotate(score=self._build_rank_expression(vectors, config))
            .order_by(F("score").desc(), tie)
            .values_list("object_id", flat=True)
        )
        return _Slicer(rows, pk_field.to_python)


def _on_entry(expression):
    """``F("index_entries__title")`` → ``F("title")`` (the same column read from
    the index table itself); any other value unchanged."""
    from django.db.models import F

    if isinstance(expression, F):
        return F(expression.name.removeprefix("index_entries__"))
    return expression


class _Slicer:
    """``rows[:n]`` as a list of converted values (each cut is one query)."""

    def __init__(self, rows, convert):
        self.rows, self.convert = rows, convert

    def __getitem__(self, cut):
        return [self.convert(value) for value in self.rows[cut]]


class BoundedResultsMixin:
    """Search results in the order the bounded plan chose (``bounded_order``)."""

    def _do_search(self):
        objects = super()._do_search()
        order = getattr(self.query_compiler, "bounded_order", None)
        if order:
            objects.sort(key=lambda obj: order.get(obj.pk, len(order)))
        return objects


@cache
def folding_class(backend_class):
    """``backend_class`` with folding, and on SQLite the bounded plan (built once:
    Wagtail looks the backend up on every search)."""
    attributes = {}
    bounded = {"SQLite": BoundedSQLiteMixin, "Postgres": BoundedPostgresMixin}
    mixin = next((m for p, m in bounded.items() if backend_class.__name__.startswith(p)), None)
    if mixin:
        for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
            compiler = getattr(backend_class, name)
            bases = (mixin, compiler)
            attributes[name] = type(f"Bounded{compiler.__name__}", bases, {})
        results = backend_class.results_class
        attributes["results_class"] = type(
            f"Bounded{results.__name__}", (BoundedResultsMixin, results), {}
        )
    return type(f"Folding{backend_class.__name__}", (FoldingMixin, backend_class), attributes)


def SearchBackend(params):  # noqa: N802 - Wagtail looks this name up
    return folding_class(type(database_backend(params)))(params)
