"""Feeds on stable paths outside the language prefix (?lang= picks the language):

- /feeds/events.ics        published events with an occurrence from FEED_DAYS_BACK (90) days
                           ago to FEED_MONTHS_AHEAD (18) months ahead, ?village= and
                           ?category= as on the index; lunar festivals are listed as the
                           dates of that window (yearly and weekly rules keep their RRULE)
- /feeds/events/<id>.ics   one event (linked from its page), whatever its dates
- /feeds/events.rss        RSS 2.0: the first RSS_ITEMS events with an occurrence in the
                           coming year, soonest first

Drafts, unpublished and private pages never appear (events.listing.published_events).
ETags come from ConditionalGetMiddleware: the output depends only on the published
content and the date, never on the current time, so an unchanged feed answers 304.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from events import clock
from events.display import short_day_text, shown
from events.ical import CONTENT_TYPE, CalendarItem, build_calendar, occurrence_uid
from events.listing import (
    MAX_ID,
    EventFilterForm,
    Window,
    bad_request_text,
    events_in,
    filtered_events,
    horizon_covers,
    published_events,
)
from events.models import EventOccurrence
from events.occurrences import Kind, add_years, occurrences_between
from events.venues import attach_places, place_of
from portal.address import absolute_url
from portal.i18n import page_url, uses_query_language
from portal.models.visibility import live_public

RSS_YEARS = 1
RSS_ITEMS = 100
# The full calendar feed's window (each event's own .ics is not bounded).
FEED_DAYS_BACK, FEED_MONTHS_AHEAD = 90, 18
# For a live page without a publication date (created outside Wagtail's publishing).
NEVER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def uid_domain():
    return getattr(settings, "EVENTS_UID_DOMAIN", "events.binh-lieu-portal")


def event_uid(page):
    return f"event-{page.pk}@{uid_domain()}"


def location_text(place):
    return place.text if place else ""


def feed_window(today):
    """The days the full calendar feed covers: FEED_DAYS_BACK ago to FEED_MONTHS_AHEAD on."""
    month = today.month - 1 + FEED_MONTHS_AHEAD
    year, month = today.year + month // 12, month % 12 + 1
    last = today.replace(day=1).replace(year=year, month=month)
    last = last.replace(day=min(today.day, calendar.monthrange(year, month)[1]))
    return Window(today - datetime.timedelta(days=FEED_DAYS_BACK), last)


def _without_description(events):
    """``events`` without their description StreamFields (every language): a calendar
    shows the summary; parsing 10,000 bodies was a fifth of a large feed's time."""
    names = [f.name for f in events.model._meta.concrete_fields]
    return events.defer(*(n for n in names if n == "description" or n.startswith("description_")))


def feed_events(events, window):
    """Events with an occurrence in the window, each with ``feed_occurrences`` (the
    occurrences there): stored rows inside the horizon, else computed."""
    events = _without_description(events)
    if horizon_covers(window.first, window.last):
        rows = EventOccurrence.objects.filter(start__lte=window.last, end__gte=window.first)
        # Only lunar rules list their dates (the others are one date or an RRULE).
        lunar = rows.filter(from_lunar_rule=True).order_by("start")
        events = (
            events.filter(Exists(rows.filter(event=OuterRef("pk"))))
            .prefetch_related(None)  # no ethnic groups in a calendar
            .prefetch_related(Prefetch("occurrences", queryset=lunar, to_attr="feed_rows"))
        )
        events = attach_places(events)
        for event in events:
            if event.schedule_kind == Kind.YEARLY_LUNAR:
                duration = event.default_duration
                event.feed_occurrences = [row.as_occurrence(duration) for row in event.feed_rows]
        return events
    found = []
    for event in attach_places(events):
        event.feed_occurrences = occurrences_between(event.schedule, window.first, window.last)
        if event.feed_occurrences:
            found.append(event)
    return found


def calendar_item(page, request, language):
    place = place_of(page)
    return CalendarItem(
        uid=event_uid(page),
        title=page.title,
        schedule=page.schedule,
        last_modified=page.last_published_at or page.first_published_at or NEVER,
        created=page.first_published_at,
        sequence=page.ical_sequence,
        status=page.status,
        url=page_url(page, language, request, absolute=True),
        description=page.summary,
        location=location_text(place),
        geo=(place.latitude, place.longitude) if place and place.has_coordinates else None,
        categories=[page.category.name] if page.category else [],
        occurrences=getattr(page, "feed_occurrences", None),
    )


def _calendar_response(pages, request, name, description, filename):
    language = translation.get_language()
    items = [calendar_item(page, request, language) for page in pages]
    calendar = build_calendar(
        items,
        clock.today(),
        name=name,
        description=description,
        url=absolute_url(reverse("events:feed_ics")),
    )
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = language
    return response


def feed_title(form):
    title = gettext("Bình Liêu festivals and events")
    parts = [obj.title for obj in (form.village_obj,) if obj]
    parts += [form.category_obj.name] if form.category_obj else []
    return " · ".join([title, *parts])


@require_safe
@uses_query_language
def events_ics(request):
    form = EventFilterForm(request.GET, today=clock.today())
    if not form.is_valid():
        return HttpResponseBadRequest(bad_request_text(form), content_type="text/plain")
    window = feed_window(clock.today())
    pages = feed_events(filtered_events(form), window)
    description = " ".join(
        [
            gettext("Festivals, ceremonies and markets of Bình Liêu, Quảng Ninh."),
            gettext("Events from %(days)s days ago to %(months)s months ahead.")
            % {"days": FEED_DAYS_BACK, "months": FEED_MONTHS_AHEAD},
        ]
    )
    return _calendar_response(pages, request, feed_title(form), description, "events.ics")


@require_safe
@uses_query_language
def event_ics(request, pk):
    if pk > MAX_ID:
        raise Http404
    page = get_object_or_404(published_events().select_related("category"), pk=pk)
    return _calendar_response([page], request, page.title, page.summary, f"event-{pk}.ics")


def _rss_item(feed, page, occurrence, request, language, today):
    when = shown(occurrence, today, page.schedule_kind == Kind.YEARLY_LUNAR)
    place = location_text(place_of(page))
    lines = [
        page.summary,
        when.when,
        when.lunar,
        place,
        page.status_badge and str(page.status_badge),
    ]
    feed.add_item(
        title=f"{page.title} ({short_day_text(occurrence.start)})",
        link=page_url(page, language, request, absolute=True),
        description="\n".join(line for line in lines if line),
        unique_id=occurrence_uid(event_uid(page), occurrence),
        unique_id_is_permalink=False,
        pubdate=page.last_published_at,
        updateddate=page.last_published_at,
        categories=[page.category.name] if page.category else None,
    )


@require_safe
@uses_query_language
def events_rss(request):
    today = clock.today()
    form = EventFilterForm(request.GET, today=today)
    if not form.is_valid():
        return HttpResponseBadRequest(bad_request_text(form), content_type="text/plain")
    language = translation.get_language()
    window = Window(today, add_years(today, RSS_YEARS))
    feed = Rss201rev2Feed(
        title=feed_title(form),
        link=absolute_url(events_index_path(language)),
        description=gettext("Coming festivals and events in Bình Liêu, Quảng Ninh."),
        language=language,
        feed_url=absolute_url(request.get_full_path()),
        ttl="720",
    )
    pages = events_in(filtered_events(form), window)[:RSS_ITEMS]
    for page in pages:
        occurrence = (
            getattr(page, "first_occurrence", None)
            or occurrences_between(page.schedule, window.first, window.last)[0]
        )
        _rss_item(feed, page, occurrence, request, language, today)
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    response["Content-Language"] = language
    feed.write(response, "utf-8")
    return response


def events_index_path(language):
    """The URL of the events index in ``language`` (the site root when there is none)."""
    from events.models import EventIndexPage

    index = live_public(EventIndexPage.objects).first()
    return (page_url(index, language) if index else None) or "/"
