"""The event page's admin form: commune editors choose a venue in their own village."""

from wagtail.admin.forms import WagtailAdminPageForm

from events.permissions import venue_error


class EventPageForm(WagtailAdminPageForm):
    """Adds to the page's own checks (``EventPage.clean``) that a commune editor's
    event is held in their village (``events.permissions.venue_error``), both when
    creating an event and when editing one."""

    def clean(self):
        cleaned_data = super().clean()
        if "venue" in self.fields and "venue" not in self.errors:
            error = venue_error(self.for_user, self.parent_page, cleaned_data.get("venue"))
            if error:
                self.add_error("venue", error)
        return cleaned_data
