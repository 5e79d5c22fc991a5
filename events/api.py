"""/api/v2/events/: published events, filtered like the index, soonest first.

Query parameters: from, to, month, past, village, category (see events.listing),
lang, plus Wagtail's own (fields, limit, offset, order, search).
"""

from django.db.models import Case, F, IntegerField, QuerySet, When, Window
from django.db.models.functions import RowNumber
from django.http import Http404, QueryDict
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from events import clock
from events.api_fields import API_OCCURRENCES, LARGE, THUMBNAIL
from events.listing import (
    MAX_ID,
    EventFilterForm,
    event_queryset,
    events_in,
    filtered_events,
    horizon_covers,
    with_first_occurrence,
    with_listing_data,
)
from events.models import EventOccurrence, EventPage
from events.occurrences import YEARS_SHOWN, add_years
from events.venues import attach_places
from portal.api import LanguageAPIMixin
from portal.cache import CachedSlices
from portal.models.visibility import live_public

EVENT_FILTERS = ("from", "to", "month", "past", "village", "category")


class _Query:
    def __init__(self, request, data):
        self.GET = data
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)


class EventFieldsFilter(FieldsFilter):
    """Wagtail's ?field=value filters, leaving our own parameters (e.g. category) alone."""

    def filter_queryset(self, request, queryset, view):
        data = QueryDict(mutable=True)
        data.update(request.GET)
        for name in EVENT_FILTERS:
            data.pop(name, None)
        return super().filter_queryset(_Query(request, data), queryset, view)


class EventsAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    model = EventPage
    name = "events"
    filter_backends = [EventFieldsFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union({"lang", *EVENT_FILTERS})
    own_query_parameters = EVENT_FILTERS
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "summary",
        "status",
        "category",
        "next_occurrences",
        "lunar_rule",
        "venue",
        "urls",
        "ics_url",
        "image_thumbnail",
    ]

    def get_queryset(self):
        form = EventFilterForm(self.request.GET, today=clock.today())
        if not form.is_valid():
            raise BadRequestError(form.error_text())
        window = form.window()
        events = filtered_events(form, renditions=(THUMBNAIL, LARGE)).select_related("locale")
        if horizon_covers(window.first, window.last):
            queryset = with_first_occurrence(events, window)
        else:
            queryset = self._computed_order(events, window)
        if self.request.GET.get("search"):
            return self._searchable(queryset)
        return queryset

    def _searchable(self, queryset):
        """The same events as plain filters, which the search backends can read (they
        order by relevance, or by ?order=)."""
        ids = queryset.order_by().values("pk")
        # pk__in only: the search backends read plain filters, not Exists().
        public = live_public(EventPage.objects.filter(pk__in=ids)).values("pk")
        searchable = EventPage.objects.filter(pk__in=public)
        return with_listing_data(searchable, (THUMBNAIL, LARGE)).select_related("locale")

    def _computed_order(self, events, window):
        """Outside the stored horizon (a window years away): order computed in Python."""
        ordered = [event.pk for event in events_in(list(events), window)]
        position = Case(
            *[When(pk=pk, then=n) for n, pk in enumerate(ordered)],
            output_field=IntegerField(),
        )
        queryset = event_queryset(renditions=(THUMBNAIL, LARGE)).select_related("locale")
        queryset = queryset.filter(pk__in=ordered)
        return queryset.order_by(position, "pk") if ordered else queryset

    def paginate_queryset(self, queryset):
        if isinstance(queryset, QuerySet):  # not a search backend's results
            # The count and each page's ids are the same for every partner asking
            # the same on the same day: cached per content version.
            queryset = CachedSlices(queryset, "events:api")
        page = super().paginate_queryset(queryset)
        if page is None:
            return page
        page = attach_places(page)
        attach_next_occurrences(page, clock.today())
        return page

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_ID:
            raise Http404
        page = super().get_object()
        attach_places([page])
        return page


def attach_next_occurrences(pages, today):
    """Set ``page.stored_next_occurrences`` (at most API_OCCURRENCES, from the stored rows) on
    each page in one query; nothing when the rows do not cover the years ahead."""
    last = add_years(today, YEARS_SHOWN)
    if not pages or not horizon_covers(today, last):
        return
    rows = (
        EventOccurrence.objects.filter(
            event_id__in=[page.pk for page in pages], start__lte=last, end__gte=today
        )
        .annotate(
            number=Window(RowNumber(), partition_by=[F("event_id")], order_by=F("start").asc())
        )
        .filter(number__lte=API_OCCURRENCES)
        .order_by("event_id", "start")
    )
    found = {}
    for row in rows:
        found.setdefault(row.event_id, []).append(row)
    for page in pages:
        duration = page.default_duration
        page.stored_next_occurrences = [r.as_occurrence(duration) for r in found.get(page.pk, [])]
