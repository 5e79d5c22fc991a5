"""Which events and occurrences a visitor asked for: one set of filters for the index,
the feeds, the API and the embed, so that they always agree.

Parameters: ``category`` (slug), ``village`` (slug in any language, or page id),
``month`` (YYYY-MM), ``from`` and ``to`` (YYYY-MM-DD), ``past`` (1 for the archive).
Unknown values are errors (400), never a silent empty list.
"""

import calendar
import datetime
import time
from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.images import get_image_model

from events.models import EventCategory, EventOccurrence, EventPage, OccurrenceHorizon
from events.occurrences import add_years, occurrences_between
from events.venues import attach_places
from portal.cache import cached_for_query
from portal.i18n import language_codes
from portal.models.visibility import live_public
from portal.params import parse_id
from villages.models import AttractionPage, VillagePage

UPCOMING_YEARS = 1
ARCHIVE_YEARS = 3
MAX_SPAN_DAYS = 3 * 366
FIRST_YEAR, LAST_YEAR = 1901, 2099
CARD_RENDITION = "fill-320x200|format-webp"


MAX_ID = 2**63 - 1  # beyond this the database cannot even look the id up


def is_page_id(value):
    """ "42" is one; "²", "①", "٣" and 2**63 are not (ASCII digits, database range)."""
    return parse_id(value) is not None


@dataclass
class Window:
    first: datetime.date
    last: datetime.date
    newest_first: bool = False


def find_village(value):
    """The live public village with this id or slug (in any language), or None."""
    value = (value or "").strip()
    if not value:
        return None
    villages = live_public(VillagePage.objects)
    if value.isdigit():  # digits of any script: an id or nothing, never a slug
        return villages.filter(pk=parse_id(value)).first() if is_page_id(value) else None
    match = Q(slug=value)
    for code in language_codes():
        match |= Q(**{build_localized_fieldname("slug", code): value})
    return villages.filter(match).first()


def _month(value):
    try:
        day = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _check_year(day):
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return day


class EventFilterForm(forms.Form):
    category = forms.CharField(label=_("Category"), required=False, max_length=80)
    village = forms.CharField(label=_("Village"), required=False, max_length=120)
    month = forms.CharField(label=_("Month"), required=False, max_length=7)
    past = forms.BooleanField(label=_("Past events"), required=False)

    def __init__(self, data=None, today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["from"] = forms.DateField(label=_("From"), required=False)
        self.fields["to"] = forms.DateField(label=_("To"), required=False)
        self.category_obj = None
        self.village_obj = None

    def clean_category(self):
        slug = self.cleaned_data["category"].strip()
        if slug:
            self.category_obj = EventCategory.objects.filter(slug=slug).first()
            if self.category_obj is None:
                raise forms.ValidationError(
                    _("Unknown category “%(value)s”."), params={"value": slug}
                )
        return slug

    def clean_village(self):
        value = self.cleaned_data["village"].strip()
        if value:
            self.village_obj = find_village(value)
            if self.village_obj is None:
                raise forms.ValidationError(
                    _("Unknown village “%(value)s”."), params={"value": value}
                )
        return value

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if value and _month(value) is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2027-04."))
        return value

    def clean(self):
        cleaned = super().clean()
        for name in ("from", "to"):
            try:
                _check_year(cleaned.get(name))
            except forms.ValidationError as error:
                self.add_error(name, error)
        first, last = cleaned.get("from"), cleaned.get("to")
        if first and last and last < first:
            self.add_error("to", _("The end of the range comes before its start."))
        return cleaned

    def window(self):
        """The days asked for, clamped to MAX_SPAN_DAYS."""
        data, today = self.cleaned_data, self.today
        if data.get("month"):
            first = _month(data["month"])
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            return Window(first, last)
        if data.get("from") or data.get("to"):
            first = data.get("from") or today
            last = data.get("to") or add_years(first, UPCOMING_YEARS)
            return Window(first, min(last, first + datetime.timedelta(days=MAX_SPAN_DAYS)))
        if data.get("past"):
            return Window(
                add_years(today, -ARCHIVE_YEARS), today - datetime.timedelta(days=1), True
            )
        return Window(today, add_years(today, UPCOMING_YEARS))

    def error_text(self):
        """All errors in one line, for plain-text and JSON 400 answers."""
        return " ".join(
            f"{name}: {message}" for name, messages in self.errors.items() for message in messages
        )

    def active_filters(self):
        """The filters worth repeating in links (feeds, pagination)."""
        return {
            name: self.data.get(name)
            for name in ("category", "village", "month", "from", "to", "past")
            if self.data.get(name)
        }


def published_events():
    """Live, public event pages only: drafts and private pages never leave the admin."""
    return live_public(EventPage.objects)


def with_listing_data(queryset, renditions=(), groups=True):
    """``queryset`` of events with their category, ethnic groups (unless ``groups`` is
    False) and image (with the given renditions prefetched)."""
    queryset = queryset.select_related("category")
    if groups:
        queryset = queryset.prefetch_related("ethnic_groups")
    if renditions:
        images = get_image_model().objects.prefetch_renditions(*renditions)
        return queryset.prefetch_related(Prefetch("image", queryset=images))
    return queryset.select_related("image")


def event_queryset(category=None, village=None, renditions=(), groups=True):
    """Published events with what listings show, in a fixed number of queries:
    category, ethnic groups (unless ``groups`` is False), and the image (with the
    given renditions prefetched)."""
    queryset = with_listing_data(published_events(), renditions, groups)
    queryset = queryset.order_by("start_date", "pk")
    if category is not None:
        queryset = queryset.filter(category=category)
    if village is not None:
        attractions = AttractionPage.objects.filter(village=village).values("pk")
        queryset = queryset.filter(Q(venue=village) | Q(venue__in=attractions))
    return queryset


def filtered_events(form, renditions=()):
    """The events matching a valid form's category and village (a queryset: listings
    read what they show from it with events_in or occurrence_rows)."""
    return event_queryset(form.category_obj, form.village_obj, renditions)


# Stored occurrences (events.models.occurrence): date ranges on indexed rows.

MIDNIGHT = datetime.time()


HORIZON_SECONDS = 300
_horizon = {}


def horizon_covers(first, last):
    """Whether the stored rows hold every occurrence overlapping ``first``..``last``.

    The horizon is read at most every HORIZON_SECONDS per process: it only grows (the
    daily job), so a value read earlier only ever sends a request to computing."""
    now = time.monotonic()
    if _horizon.get("until", 0) < now:
        row = OccurrenceHorizon.objects.order_by("pk").first()
        _horizon.update(until=now + HORIZON_SECONDS, row=row)
    row = _horizon["row"]
    return row is not None and row.covers(first, last)


def forget_horizon(**kwargs):
    """Read the horizon again on next use (after the job or a test changes it)."""
    _horizon.clear()


def title_order(prefix=""):
    """The title a visitor reads (the language's column, then its fallbacks), for
    ``order_by``: the tie-break the agenda has always used."""
    language = get_language()
    columns = [
        NullIf(F(prefix + build_localized_fieldname("title", code)), Value(""))
        for code in resolution_order(language)
    ]
    return Coalesce(*columns, F(prefix + "title"))


def occurrence_order(newest_first=False, prefix=""):
    """(start, start time, end, title, event) as the Python sort key of occurrences."""
    keys = [
        F(prefix + "start"),
        Coalesce(prefix + "start_time", Value(MIDNIGHT)),
        F(prefix + "end"),
        title_order(prefix + "event__"),
        F(prefix + "event_id"),
    ]
    return [key.desc() if newest_first else key.asc() for key in keys]


def with_listed_events(rows, renditions=()):
    """Stored rows joined to their events with what a list item shows (category, the
    image with the given renditions): a join and two prefetches, whatever the count."""
    rows = rows.select_related("event__category")
    if renditions:
        images = get_image_model().objects.prefetch_renditions(*renditions)
        return rows.prefetch_related(Prefetch("event__image", queryset=images))
    return rows.select_related("event__image")


def of_events(events):
    """A filter of stored rows for the rows of ``events`` (a queryset of events):
    checked row by row (EXISTS), not as ``event_id IN (every event)``, which SQLite
    builds in full before reading a single row (7 ms at 10,000 events, on a page
    that re-reads 20 rows by id)."""
    return Exists(events.order_by().filter(pk=OuterRef("event_id")))


def occurrence_rows(events, window):
    """Stored rows of ``events`` (a queryset) overlapping the window, in agenda order."""
    return EventOccurrence.objects.filter(
        of_events(events),
        start__lte=window.last,
        end__gte=window.first,
    ).order_by(*occurrence_order(window.newest_first))


def pairs_from_rows(rows, renditions=()):
    """(event, occurrence) pairs of stored rows, events and venues fetched in bulk."""
    events, pairs = {}, []
    for row in with_listed_events(rows, renditions):
        event = events.setdefault(row.event_id, row.event)  # one object per event
        pairs.append((event, row.as_occurrence(event.default_duration)))
    attach_places(events.values())
    return pairs


def _first_row(window):
    rows = EventOccurrence.objects.filter(
        event=OuterRef("pk"), start__lte=window.last, end__gte=window.first
    )
    # One event's occurrences follow each other: the order of ends is that of starts.
    return rows.order_by("-end" if window.newest_first else "end")


def with_first_occurrence(events, window):
    """``events`` (a queryset) with an occurrence overlapping the window, ordered by
    it (the first one; the last one, newest first, for the archive) then title."""
    first = _first_row(window)
    events = events.annotate(
        occurrence_id=Subquery(first.values("pk")[:1]),
        occurrence_start=Subquery(first.values("start")[:1]),
        occurrence_time=Coalesce(Subquery(first.values("start_time")[:1]), Value(MIDNIGHT)),
        occurrence_end=Subquery(first.values("end")[:1]),
    ).filter(occurrence_id__isnull=False)
    keys = [
        F("occurrence_start"),
        F("occurrence_time"),
        F("occurrence_end"),
        title_order(),
        F("pk"),
    ]
    return events.order_by(*[k.desc() if window.newest_first else k.asc() for k in keys])


def attach_first_occurrences(events):
    """Set ``event.first_occurrence`` from the ids with_first_occurrence annotated."""
    events = list(events)
    ids = [e.occurrence_id for e in events if getattr(e, "occurrence_id", None)]
    rows = EventOccurrence.objects.in_bulk(ids)
    for event in events:
        row = rows.get(getattr(event, "occurrence_id", None))
        event.first_occurrence = row.as_occurrence(event.default_duration) if row else None
    return events


class EventList:
    """Events of with_first_occurrence, read lazily: a slice is one query plus the
    venues and first occurrences of what it holds.

    A slice of the first events in date order (the home page's six, an agenda page)
    reads only candidates: the events of the window's earliest stored occurrences,
    scanned in start order until ``stop`` events are found (and every event that
    starts the same day as the last of them). Ordering 10,000 events by their first
    occurrence to show six took 74 ms of SQL on the large bench data."""

    def __init__(self, events, window):
        self.events = events
        self.window = window
        self.queryset = with_first_occurrence(events, window)

    def _load(self, queryset):
        return attach_first_occurrences(attach_places(queryset))

    def candidate_ids(self, needed):
        """Ids of the events that can be among the first ``needed`` (a set), or None
        when the window holds fewer (then every event is a candidate)."""
        if self.window.newest_first or needed <= 0:
            return None
        rows = (
            EventOccurrence.objects.filter(
                of_events(self.events),
                start__lte=self.window.last,
                end__gte=self.window.first,
            )
            .order_by("start")
            .values_list("event_id", "start")
        )
        # The same for every visitor on the same day: cached per content version.
        prefix = f"events:candidates:{needed}"
        return cached_for_query(prefix, rows, lambda: _first_events(rows, needed))

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        queryset = self.queryset
        if index.stop is not None:
            candidates = self.candidate_ids(index.stop)
            if candidates is not None:
                queryset = queryset.filter(pk__in=candidates)
        return self._load(queryset[index])

    def __iter__(self):
        return iter(self._load(self.queryset))

    def __len__(self):
        return self.queryset.count()


def _first_events(rows, needed):
    """The event ids of ``rows`` ((event id, start) in start order) up to the
    ``needed``-th distinct event and every event starting the same day as it; None
    when there are fewer."""
    found, cutoff = set(), None
    for event_id, start in rows.iterator(chunk_size=4 * needed):
        if cutoff is not None and start > cutoff:
            return found
        found.add(event_id)
        if cutoff is None and len(found) >= needed:
            cutoff = start
    return None


def occurrences_in(events, window):
    """(event, occurrence) pairs overlapping the window, by date (newest first if asked),
    computed from each schedule (outside the stored horizon)."""
    pairs = [
        (event, occurrence)
        for event in events
        for occurrence in occurrences_between(event.schedule, window.first, window.last)
    ]
    pairs.sort(key=lambda pair: (pair[1].sort_key, pair[0].title), reverse=window.newest_first)
    return pairs


def events_in(events, window):
    """The events with at least one occurrence in the window, in date order.

    For a queryset inside the stored horizon, a lazy :class:`EventList` (slice it);
    otherwise the occurrences are computed and a list is returned."""
    if hasattr(events, "annotate"):
        if horizon_covers(window.first, window.last):
            return EventList(events, window)
        events = attach_places(events)
    seen, ordered = set(), []
    for event, _occurrence in occurrences_in(events, window):
        if event.pk not in seen:
            seen.add(event.pk)
            ordered.append(event)
    return ordered


DAY_MAX = 4  # events a day of the month view shows; the rest are counted and linked


def day_totals(rows, window):
    """{date: how many of ``rows`` (stored rows, a queryset) cover it} for the days of
    ``window``, read as (start, end) pairs only, and the ids of the rows among the
    first DAY_MAX (in the rows' order) of at least one day: what a month grid shows."""
    totals, shown = defaultdict(int), set()
    for pk, start, end in rows.values_list("pk", "start", "end").iterator(2000):
        day, last = max(start, window.first), min(end, window.last)
        while day <= last:
            totals[day] += 1
            if totals[day] <= DAY_MAX:
                shown.add(pk)
            day += datetime.timedelta(days=1)
    return totals, shown


def month_grid(pairs, year, month, today, totals=None):
    """Weeks of the month (Monday first), each day with at most DAY_MAX of its events
    (in the order of ``pairs``) and ``more``, how many it leaves out: of ``totals``
    ({date: count}) when the pairs are only those shown, else of the pairs."""
    by_day = defaultdict(list)
    for event, occurrence in pairs:
        for day in occurrence.days():
            by_day[day].append(event)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            events = by_day.get(day, [])
            total = totals.get(day, 0) if totals is not None else len(events)
            days.append(
                {
                    "date": day,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "events": events[:DAY_MAX],
                    "more": max(total - DAY_MAX, 0),
                }
            )
        weeks.append(days)
    return weeks


def bad_request_text(form):
    return gettext("Bad parameters: %(errors)s") % {"errors": form.error_text()}
