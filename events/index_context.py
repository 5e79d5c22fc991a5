"""What the events index shows: the filter form, an agenda page or a month grid, links."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.formats import date_format

from events.display import month_label, shown
from events.index_form import EventIndexForm
from events.links import feed_links
from events.listing import (
    CARD_RENDITION,
    Window,
    attach_places,
    day_totals,
    filtered_events,
    horizon_covers,
    month_grid,
    occurrence_rows,
    occurrences_in,
    pairs_from_rows,
)
from events.models import EventCategory
from events.occurrences import Kind
from portal.cache import CachedSlices, cached_for_content, cached_for_query
from portal.collation import sorted_by_name
from portal.models.visibility import live_public
from villages.models import VillagePage

PER_PAGE = 20
WEEKLY_BOX_MAX = 30  # the "Every week" box lists at most this many markets


@dataclass
class AgendaItem:
    event: object
    when: object
    place: object


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
    weekly = events.filter(schedule_kind=Kind.WEEKLY).prefetch_related(None)
    return list(weekly[:WEEKLY_BOX_MAX])


def _pairs(events, window, renditions=()):
    """(event, occurrence) pairs in the window: stored rows, else computed."""
    if horizon_covers(window.first, window.last):
        return pairs_from_rows(occurrence_rows(events, window), renditions)
    return occurrences_in(attach_places(events), window)


class _Pairs:
    """The agenda's pairs for the paginator: its count and the rows of each page are
    cached per content version (portal.cache.CachedSlices): the same for every
    visitor with the same filters on the same day. With 10,000 events the window
    holds 6,090 rows, counted (18 ms on SQLite) and sorted (31 ms) on every request
    before."""

    def __init__(self, rows):
        self.rows = CachedSlices(rows, "events:agenda")

    def count(self):
        return self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return pairs_from_rows(self.rows.slice_queryset(index), (CARD_RENDITION,))


def choices():
    """Categories and villages for the filter form's selects, in the language's
    alphabetical order (Vietnamese: Đ after D, not after Z): two queries, none while
    the content has not changed (cached per content version and language)."""
    return cached_for_content(f"events:index-choices:{translation.get_language()}", read_choices)


def read_choices():
    """:func:`choices`, read from the database."""
    villages = live_public(VillagePage.objects)
    return (
        sorted_by_name(EventCategory.objects.all(), name=lambda category: category.name),
        sorted_by_name(villages, name=lambda village: village.title),
    )


def index_context(request, today):
    categories, villages = choices()
    form = EventIndexForm(request.GET, today=today, categories=categories, villages=villages)
    valid = form.is_valid()
    view = form.cleaned_data.get("view") or "agenda"
    context = {
        "filter_form": form,
        "view": view,
        "today": today,
        "feeds": feed_links(request, translation.get_language()),
    }
    if not valid:
        context["filter_errors"] = form.errors
        return context
    params = form.active_filters()
    events = filtered_events(form, renditions=(CARD_RENDITION,))
    window = form.window()
    # The template's condition; a one-day agenda (a month grid's "and N more") lists
    # that day's markets among the rest instead.
    shows_weekly = view == "agenda" and not window.newest_first and not _one_day(window)
    context.update(
        {
            "params": params,
            "extra_query": _query(params, view=view),
            "is_archive": window.newest_first,
            "weekly_events": _weekly_box(events, form) if shows_weekly else [],
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
        context.update(_agenda_context(form, events, window, today))
    return context


def _one_day(window):
    return window.first == window.last


def _agenda_context(form, events, window, today):
    # Weekly markets are listed once in the "Every week" box, not every week in the
    # agenda, unless the visitor asked for their category or for a single day.
    if form.category_obj is None and not _one_day(window):
        events = events.exclude(schedule_kind=Kind.WEEKLY)
    if horizon_covers(window.first, window.last):
        pairs = _Pairs(occurrence_rows(events, window))
    else:
        pairs = occurrences_in(attach_places(events), window)
    page_obj = Paginator(pairs, PER_PAGE).get_page(form.cleaned_data["page"])
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
    month = Window(first, last)
    totals = None
    if horizon_covers(first, last):
        # At most DAY_MAX events a day are read whole; the month of a province's
        # 10,000 events held 1.1 MB of links (1.9 s) before.
        rows = occurrence_rows(events, month)
        # The same for every visitor with the same filters: once per content version.
        totals, shown = cached_for_query("events:month", rows, lambda: day_totals(rows, month))
        pairs = pairs_from_rows(rows.filter(pk__in=shown))
    else:
        pairs = occurrences_in(attach_places(events), month)
    previous, following = _neighbour_months(first)
    base = {k: v for k, v in params.items() if k not in ("month", "from", "to", "past")}
    monday = first - datetime.timedelta(days=first.weekday())
    grid = month_grid(pairs, first.year, first.month, today, totals)
    for day in (day for week in grid for day in week if day["more"]):
        # The day's whole list: the agenda from that day to that day.
        day["more_query"] = _query(base, view="agenda", **{"from": day["date"], "to": day["date"]})
    return {
        "grid": grid,
        "weekday_names": [date_format(monday + datetime.timedelta(days=n), "D") for n in range(7)],
        "month_label": month_label(first.year, first.month),
        "previous_month_query": _query(base, view="month", month=f"{previous:%Y-%m}"),
        "next_month_query": _query(base, view="month", month=f"{following:%Y-%m}"),
        "window": Window(first, last),
    }
