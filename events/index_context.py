"""What the events index shows: the filter form, an agenda page or a month grid, links."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.formats import date_format

from events.display import month_label, shown
from events.links import feed_links
from events.listing import (
    CARD_RENDITION,
    EventFilterForm,
    Window,
    filtered_events,
    month_grid,
    occurrences_in,
)
from events.models import EventCategory
from events.occurrences import Kind
from portal.params import lenient_int
from villages.models import VillagePage

PER_PAGE = 20
VIEWS = ("agenda", "month")


@dataclass
class AgendaItem:
    event: object
    when: object
    place: object


def _page_number(request):
    number = lenient_int(request.GET.get("page", "1"), 1)
    return number if 0 < number < 10_000 else 1


def _month_start(form, window, today):
    if form.cleaned_data.get("month") or form.cleaned_data.get("from"):
        return window.first.replace(day=1)
    return today.replace(day=1)


def _neighbour_months(first):
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return previous, following


def _query(params, **changes):
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _weekly_box(events, form):
    """Weekly events, listed once above the agenda (unless a category was chosen)."""
    if form.category_obj is not None:
        return []
    return [event for event in events if event.schedule_kind == Kind.WEEKLY]


def choices():
    """Categories and villages for the filter form's selects."""
    villages = VillagePage.objects.live().public().order_by("title")
    return list(EventCategory.objects.all()), list(villages)


def index_context(request, today):
    form = EventFilterForm(request.GET, today=today)
    view = request.GET.get("view") if request.GET.get("view") in VIEWS else "agenda"
    categories, villages = choices()
    context = {
        "filter_form": form,
        "view": view,
        "categories": categories,
        "villages": villages,
        "today": today,
        "feeds": feed_links(request, translation.get_language()),
    }
    if not form.is_valid():
        context["filter_errors"] = form.errors
        return context
    params = form.active_filters()
    events = filtered_events(form, renditions=(CARD_RENDITION,))
    window = form.window()
    context.update(
        {
            "params": params,
            "extra_query": _query(params, view=view),
            "is_archive": window.newest_first,
            "weekly_events": _weekly_box(events, form),
            "feeds": feed_links(
                request,
                translation.get_language(),
                village=params.get("village", ""),
                category=params.get("category", ""),
            ),
        }
    )
    if view == "month":
        context.update(_month_context(events, form, window, today, params))
    else:
        context.update(_agenda_context(request, events, window, today, form.category_obj))
    return context


def _agenda_context(request, events, window, today, category):
    # Weekly markets are listed once in the "Every week" box, not every week in the
    # agenda, unless the visitor asked for their category.
    if category is None:
        events = [e for e in events if e.schedule_kind != Kind.WEEKLY]
    pairs = occurrences_in(events, window)
    page_obj = Paginator(pairs, PER_PAGE).get_page(_page_number(request))
    items = [
        AgendaItem(
            event, shown(occurrence, today, event.schedule_kind == Kind.YEARLY_LUNAR), event.place
        )
        for event, occurrence in page_obj.object_list
    ]
    return {"page_obj": page_obj, "agenda": items, "window": window}


def _month_context(events, form, window, today, params):
    first = _month_start(form, window, today)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    pairs = occurrences_in(events, Window(first, last))
    previous, following = _neighbour_months(first)
    base = {k: v for k, v in params.items() if k not in ("month", "from", "to", "past")}
    monday = first - datetime.timedelta(days=first.weekday())
    return {
        "grid": month_grid(pairs, first.year, first.month, today),
        "weekday_names": [date_format(monday + datetime.timedelta(days=n), "D") for n in range(7)],
        "month_label": month_label(first.year, first.month),
        "previous_month_query": _query(base, view="month", month=f"{previous:%Y-%m}"),
        "next_month_query": _query(base, view="month", month=f"{following:%Y-%m}"),
        "window": Window(first, last),
    }
