"""The search page's context and the suggestions' JSON (views in portal.views)."""

from django.apps import apps
from django.core.paginator import Paginator

from .presentation import KIND_LABELS, kind_filters, result_items
from .results import closest_titles, search_pages, searchable_pages

PER_PAGE = 10


def _page_number(raw):
    try:
        return max(1, min(int(str(raw)[:6]), 10_000))
    except (TypeError, ValueError):
        return 1


def _kind(raw):
    return raw if raw in KIND_LABELS else ""


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


def search_context(request):
    outcome = search_pages(request.GET.get("q", ""))
    kind = _kind(request.GET.get("type", ""))
    hits = [hit for hit in outcome.hits if not kind or hit.kind == kind]
    paginator = Paginator(hits, PER_PAGE)
    page = paginator.get_page(_page_number(request.GET.get("page")))
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


def suggestions(request, limit):
    outcome = search_pages(request.GET.get("q", ""))
    items = result_items(outcome.hits[:limit], outcome.words, request)
    return [{"title": item.title, "type": str(item.type_label), "url": item.url} for item in items]
