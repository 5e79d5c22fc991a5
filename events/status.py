"""An event's status and how calendars and search engines spell it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed (new date to be announced)")
    RESCHEDULED = "rescheduled", _("Rescheduled")


# RFC 5545 STATUS of a VEVENT.
ICAL_STATUS = {
    Status.SCHEDULED: "CONFIRMED",
    Status.RESCHEDULED: "CONFIRMED",
    Status.POSTPONED: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}

# schema.org EventStatusType.
SCHEMA_STATUS = {
    Status.SCHEDULED: "https://schema.org/EventScheduled",
    Status.RESCHEDULED: "https://schema.org/EventRescheduled",
    Status.POSTPONED: "https://schema.org/EventPostponed",
    Status.CANCELLED: "https://schema.org/EventCancelled",
}

# A short label shown next to the event's title (empty when it takes place as planned).
BADGES = {
    Status.CANCELLED: _("Cancelled"),
    Status.POSTPONED: _("Postponed"),
    Status.RESCHEDULED: _("Rescheduled"),
}
