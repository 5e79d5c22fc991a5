"""Every published edit of an event grows its iCalendar SEQUENCE (the first one does not);
its stored occurrences (events.models.occurrence) are rewritten when it is published and
removed when it is unpublished or deleted; a new events index is opened to the commune
editors."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from events.listing import forget_horizon
from events.models import EventIndexPage, EventOccurrence, EventPage, OccurrenceHorizon
from events.models.occurrence import write_event
from villages.staff import ensure_commune_groups


def is_first_publication(page):
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


@receiver(page_published, sender=EventPage)
def bump_calendar_sequence(sender, instance, **kwargs):
    if is_first_publication(instance):
        return
    EventPage.objects.filter(pk=instance.pk).update(ical_sequence=F("ical_sequence") + 1)
    instance.ical_sequence += 1


@receiver(post_save, sender=EventIndexPage)
def open_index_to_commune_editors(sender, instance, created, raw=False, **kwargs):
    """A new events index gets every commune group's "add" (events/permissions.py)."""
    if created and not raw:
        ensure_commune_groups()


@receiver(page_published, sender=EventPage)
def store_occurrences(sender, instance, **kwargs):
    """The published schedule and status, expanded over the stored horizon."""
    write_event(instance)


@receiver(page_unpublished, sender=EventPage)
def drop_occurrences(sender, instance, **kwargs):
    EventOccurrence.objects.filter(event_id=instance.pk).delete()


@receiver(post_delete, sender=EventPage)
def drop_occurrences_of_deleted(sender, instance, **kwargs):
    """Deleting the page cascades to its rows; this covers raw deletes of the child row."""
    EventOccurrence.objects.filter(event_id=instance.pk).delete()


post_save.connect(forget_horizon, sender=OccurrenceHorizon, dispatch_uid="events_horizon_saved")
post_delete.connect(forget_horizon, sender=OccurrenceHorizon, dispatch_uid="events_horizon_gone")
