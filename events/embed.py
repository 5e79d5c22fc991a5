"""/embed/events/: a small self-contained list partners put in an <iframe>.

The only frame-able path of the site: X-Frame-Options is DENY everywhere else,
this view is exempt, and portal.middleware.PortalCSPMiddleware gives /embed/ a
Content-Security-Policy with ``frame-ancestors *``.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from events import clock
from events.display import shown
from events.feeds import events_index_path
from events.listing import (
    EventFilterForm,
    bad_request_text,
    events_in,
    filtered_events,
)
from events.occurrences import Kind, occurrences_between
from portal.address import absolute_url
from portal.i18n import page_url, uses_query_language
from portal.params import lenient_int

DEFAULT_LIMIT, MAX_LIMIT = 5, 20


def clamp_limit(value):
    """``limit`` as a number from 1 to MAX_LIMIT; the default when it is not a number."""
    number = lenient_int(value, DEFAULT_LIMIT)
    return max(1, min(MAX_LIMIT, number))


@require_safe
@xframe_options_exempt
@uses_query_language
def embed_events(request):
    today = clock.today()
    form = EventFilterForm(request.GET, today=today)
    if not form.is_valid():
        return HttpResponseBadRequest(bad_request_text(form), content_type="text/plain")
    language = translation.get_language()
    window = form.window()
    pages = events_in(filtered_events(form), window)[: clamp_limit(request.GET.get("limit"))]
    items = []
    for page in pages:
        occurrence = occurrences_between(page.schedule, window.first, window.last)[0]
        items.append(
            {
                "page": page,
                "url": page_url(page, language, request, absolute=True),
                "when": shown(occurrence, today, page.schedule_kind == Kind.YEARLY_LUNAR),
                "place": page.place,
            }
        )
    response = render(
        request,
        "events/embed.html",
        {
            "items": items,
            "more_url": absolute_url(events_index_path(language)),
            "village": form.village_obj,
            "category": form.category_obj,
        },
    )
    response["Content-Language"] = language
    return response
