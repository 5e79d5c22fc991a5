"""Views that are not pages: search, health check, robots.txt, error pages."""

import sys

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.address import absolute_url
from portal.faults import database_unavailable_response, is_database_unavailable
from portal.forms import SearchForm
from portal.i18n import in_every_language
from portal.params import lenient_parameters
from portal.searching.page import search_context as search_results
from portal.searching.page import suggestions

SUGGESTIONS = 8


@lenient_parameters("q")
@require_GET
def search(request):
    """Site search: ranked results by type, or suggestions when nothing matched.

    Parameters are read by ``SearchForm``: an unknown type shows every result with a
    notice; a malformed page number (digits of another script, beyond the database's
    range) gives this page with the message and status 400, and no search."""
    form = SearchForm(request.GET)
    text, kind, page_number = form.used()
    errors = form.malformed()
    if errors:
        context = {"search_query": text, "search_errors": errors}
    else:
        context = search_results(request, text, kind, page_number)
    context["search_form"] = SearchForm.showing(context["search_query"])
    context["search_notices"] = form.notices
    return render(request, "portal/search.html", context, status=400 if errors else 200)


@lenient_parameters("q")
@require_GET
def search_suggest(request):
    """At most 8 titles for search-as-you-type: ``{"results": [{title, type, url}]}``."""
    text, _kind, _page = SearchForm(request.GET).used()
    return JsonResponse({"results": suggestions(request, text, SUGGESTIONS)})


@never_cache
def healthz(request):
    """Health for load balancers and monitoring (JSON ``{"status", "checks"}``).

    - 200 ``ok``: database and cache answer.
    - 200 ``degraded``: the cache (Redis) does not answer; pages are served uncached,
      so the instance must stay in the pool.
    - 503 ``error``: the database does not answer; pages answer 503 too.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        cache.set("healthz", "ok", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "unavailable"
    except Exception as exc:  # noqa: BLE001
        checks["cache"] = f"unavailable: {exc.__class__.__name__}"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


@in_every_language
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /embed/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def not_found_preview(request):
    """/vi/404-preview/: the site's own 404 page, with its 404 status, in any setting.

    Under DEBUG (``make run``) Django answers an unknown address with its technical
    page instead; this address lets staff and tests see the visitors' page."""
    return page_not_found(request)


def server_error(request):
    # No database or settings lookups here: they may be what failed.
    # handler500 runs inside Django's `except`, whichever layer raised (view or
    # middleware): an unreachable database becomes a 503 with Retry-After.
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response(request)
    return render(request, "500.html", status=500)
