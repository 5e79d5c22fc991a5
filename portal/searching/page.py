"""The search page's context and the suggestions' JSON (views in portal.views)."""

from django.apps import apps
from django.core.paginator import Paginator

from .presentation import kind_filters, result_items
from .results import closest_titles, search_pages, searchable_pages

PER_PAGE = 10


def helpful_pages():
    """The finder, the festival calendar and the map, when they exist and are live."""
    found = []
    for app_label, model_name in (
        ("villages", "HomestayFinderPage"),
        ("events", "EventIndexPage"),
        ("villages", "MapPage"),
    ):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        page = searchable_pages().type(model).first()
        if page is not None:
            found.append(page)
    return found


def search_context(request, text, kind="", page_number=1):
    """The page's context for the visitor's ``text``, results of one ``kind`` (a key
    of KIND_LABELS, or "" for every kind), page ``page_number`` (1 or more; past the
    last page, the last page). The view reads them with ``portal.forms.SearchForm``."""
    outcome = search_pages(text)
    hits = [hit for hit in outcome.hits if not kind or hit.kind == kind]
    paginator = Paginator(hits, PER_PAGE)
    page = paginator.get_page(page_number)
    page.object_list = result_items(list(page.object_list), outcome.words, request)
    context = {
        "search_query": outcome.query,
        "searched": bool(outcome.words),
        "search_results": page,
        "search_type": kind,
        "search_filters": kind_filters(outcome.counts),
        "search_total": len(outcome.hits),
        "extra_query": _query_string(outcome.query, kind),
    }
    if outcome.query and not outcome.hits:
        context["closest"] = result_items_for(closest_titles(outcome.query), request)
        context["helpful_pages"] = helpful_pages()
    return context


def result_items_for(pages, request):
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def _query_string(query, kind):
    from urllib.parse import urlencode

    pairs = [("q", query)] + ([("type", kind)] if kind else [])
    return urlencode(pairs)


def suggestions(request, text, limit):
    outcome = search_pages(text)
    items = result_items(outcome.hits[:limit], outcome.words, request)
    return [{"title": item.title, "type": str(item.type_label), "url": item.url} for item in items]
