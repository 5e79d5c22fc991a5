"""/embed/events/: a small self-contained list partners put in an <iframe>.

The only frame-able path of the site: X-Frame-Options is DENY everywhere else,
this view is exempt, and portal.middleware.PortalCSPMiddleware gives /embed/ a
Content-Security-Policy with ``frame-ancestors *``.

Parameters are read by ``EmbedForm``: the event index's filters (unknown values are a
400) and ``limit``, which partners' snippets may get wrong: a word is the default (5),
a number is clamped to 1..20, silently (a widget has no room for notices); digits of
another script or a number beyond the database's range are a 400 like every filter.
"""

from django import forms
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
from portal.params import bad_parameter_response, lenient_int, refuse_malformed_number

DEFAULT_LIMIT, MAX_LIMIT = 5, 20


def clamp_limit(value):
    """``limit`` as a number from 1 to MAX_LIMIT; the default when it is not a number."""
    number = lenient_int(value, DEFAULT_LIMIT)
    return max(1, min(MAX_LIMIT, number))


class LimitField(forms.Field):
    """How many events to show: ``clamp_limit``, after refusing malformed numbers."""

    def to_python(self, value):
        if value in self.empty_values:
            return DEFAULT_LIMIT
        refuse_malformed_number(value)
        return clamp_limit(value)


class EmbedForm(EventFilterForm):
    """The event filters (``events.listing.EventFilterForm``) and ``limit``."""

    limit = LimitField(required=False)


@require_safe
@xframe_options_exempt
@uses_query_language
def embed_events(request):
    today = clock.today()
    form = EmbedForm(request.GET, today=today)
    if not form.is_valid():
        return bad_parameter_response(request, bad_request_text(form))
    language = translation.get_language()
    window = form.window()
    pages = events_in(filtered_events(form), window)[: form.cleaned_data["limit"]]
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
