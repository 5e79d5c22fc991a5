"""Every published edit of an event grows its iCalendar SEQUENCE (the first one does not)."""

from django.db.models import F
from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage


def is_first_publication(page):
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


@receiver(page_published, sender=EventPage)
def bump_calendar_sequence(sender, instance, **kwargs):
    if is_first_publication(instance):
        return
    EventPage.objects.filter(pk=instance.pk).update(ical_sequence=F("ical_sequence") + 1)
    instance.ical_sequence += 1
