"""Site search from a visitor's text to ranked, typed results (docs/SEARCH.md).

``search_pages(text)`` returns :class:`SearchOutcome`: the cleaned query, the ranked
hits (page, kind, score) and their counts by kind. At most ``CANDIDATES`` +
``PREFIX_CANDIDATES`` pages are ever ranked: no query reads the whole index.
"""

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from portal.text import clean_query, fold, fold_words

from .ranking import Candidate, rank
from .synonyms import expand

MAX_QUERY = 200
MAX_WORDS = 10
CANDIDATES = 100
PREFIX_CANDIDATES = 30
CLOSEST = 5


@dataclass
class SearchOutcome:
    query: str  # what the visitor typed, cleaned (shown back)
    words: list  # the folded words searched
    hits: list = field(default_factory=list)  # ranked Candidates
    counts: dict = field(default_factory=dict)  # {kind: number}


def title_columns():
    return [build_localized_fieldname("title", code) for code in mt_settings.AVAILABLE_LANGUAGES]


def searchable_pages():
    """What anonymous visitors may find: live, public pages under a site root."""
    return Page.objects.live().public().filter(depth__gt=1)


def query_words(text):
    """The folded words of a query, synonyms expanded, at most MAX_WORDS."""
    return expand(fold(text)).split()[:MAX_WORDS]


# What ranking reads from a candidate (results and suggestions load their few
# shown pages whole): loading 130 whole pages per search cost more than the search.
CANDIDATE_FIELDS = ("id", "content_type_id", "title", *title_columns())


def candidate_pages(words, pages=None):
    """Pages from the backend, best first: whole words (any of them), then title
    prefixes; at most CANDIDATES + PREFIX_CANDIDATES."""
    pages = (searchable_pages() if pages is None else pages).only(*CANDIDATE_FIELDS)
    text = " ".join(words)
    found = list(pages.search(text, operator="or")[:CANDIDATES])
    seen = {page.pk for page in found}
    for page in pages.autocomplete(text)[:PREFIX_CANDIDATES]:
        if page.pk not in seen:
            found.append(page)
            seen.add(page.pk)
    return found


def index_texts(pages):
    """{page id: (key words, body words)} from the backend's folded index entries.

    Empty when the backend keeps no text in the database (e.g. Elasticsearch)."""
    try:
        from wagtail.search.models import IndexEntry
    except ImportError:  # pragma: no cover - other backends
        return {}
    fields = {f.name for f in IndexEntry._meta.get_fields()}
    title, body = ("title_text", "body_text") if "title_text" in fields else ("title", "body")
    keys = {(p.content_type_id, str(p.pk)): p.pk for p in pages}
    # content type first: the (content_type, object_id) index, not a scan of the table
    rows = IndexEntry.objects.filter(
        content_type_id__in={k[0] for k in keys}, object_id__in=[k[1] for k in keys]
    ).values_list("content_type_id", "object_id", title, body)
    return {
        keys[(ct, oid)]: ((t or "").split(), (b or "").split())
        for ct, oid, t, b in rows
        if (ct, oid) in keys
    }


def page_titles(page):
    """The page's folded titles, one word list per language (the visitor's first)."""
    from django.utils.translation import get_language

    codes = [code for code, _label in settings.LANGUAGES]
    current = (get_language() or codes[0]).split("-")[0]
    codes.sort(key=lambda code: code != current)
    titles = [getattr(page, build_localized_fieldname("title", code), None) for code in codes]
    return [fold_words(t) for t in titles if t]


def page_kind(page):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return getattr(model, "search_kind", "page")


def ranked(words, pages):
    """``pages`` (the backend's order) scored and sorted best first."""
    texts = index_texts(pages)
    candidates = []
    for position, page in enumerate(pages):
        key, body = texts.get(page.pk, ([], []))
        candidates.append(
            Candidate(
                page=page,
                kind=page_kind(page),
                titles=page_titles(page),
                key=key,
                body=body,
                position=position,
            )
        )
    return rank(words, candidates)


def search_pages(text, pages=None):
    """Rank pages for the visitor's ``text`` (any string; hostile input is fine)."""
    query = clean_query(text, MAX_QUERY)
    words = query_words(query)
    outcome = SearchOutcome(query=query, words=words)
    if not words:
        return outcome
    outcome.hits = ranked(words, candidate_pages(words, pages))
    outcome.counts = dict(Counter(hit.kind for hit in outcome.hits))
    return outcome


def closest_titles(text, limit=CLOSEST):
    """Pages whose titles look most like ``text`` without accents (for no results).

    Candidates are pages with a title word starting like one of the query's words
    (a bounded prefix search), ordered by similarity of the folded strings."""
    words = query_words(clean_query(text, MAX_QUERY))
    if not words:
        return []
    stems = " ".join(word[:2] for word in words if len(word) >= 2)
    if not stems:
        return []
    folded = " ".join(words)
    pages = list(searchable_pages().autocomplete(stems, operator="or")[:CANDIDATES])

    def similarity(page):
        return max(SequenceMatcher(None, folded, " ".join(t)).ratio() for t in page_titles(page))

    scored = [(similarity(page), page) for page in pages if page_titles(page)]
    scored.sort(key=lambda pair: -pair[0])
    return [page for ratio, page in scored[:limit] if ratio >= 0.4]
