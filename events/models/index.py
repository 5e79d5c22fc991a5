"""The events index: upcoming occurrences, an archive, filters, agenda and month grid."""

from django.utils.translation import gettext_lazy as _

from events import clock
from portal.models import IndexPage


class EventIndexPage(IndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def get_context(self, request, *args, **kwargs):
        from events.index_context import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request, clock.today()))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_errors"):
            response.status_code = 400  # the page still shows the form and what was wrong
        return response
