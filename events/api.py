"""/api/v2/events/: published events, filtered like the index, soonest first.

Query parameters: from, to, month, past, village, category (see events.listing),
lang, plus Wagtail's own (fields, limit, offset, order, search).
"""

from django.db.models import Case, IntegerField, When
from django.http import Http404, QueryDict
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from events import clock
from events.api_fields import LARGE, THUMBNAIL
from events.listing import MAX_ID, EventFilterForm, event_queryset, events_in, filtered_events
from events.models import EventPage
from events.venues import attach_places
from portal.api import LanguageAPIMixin

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
        ordered = [event.pk for event in events_in(filtered_events(form), form.window())]
        position = Case(
            *[When(pk=pk, then=n) for n, pk in enumerate(ordered)],
            output_field=IntegerField(),
        )
        queryset = event_queryset(renditions=(THUMBNAIL, LARGE)).filter(pk__in=ordered)
        return queryset.order_by(position, "pk") if ordered else queryset

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return attach_places(page) if page is not None else page

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_ID:
            raise Http404
        page = super().get_object()
        attach_places([page])
        return page
