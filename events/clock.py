"""The current time, in one place so that tests can freeze it.

Call ``clock.today()`` / ``clock.now()`` through the module (not ``from … import``)
so that ``monkeypatch.setattr(clock, "now", …)`` reaches every caller.
"""

from django.utils import timezone

from events.occurrences import EVENT_TZ


def now():
    return timezone.now()


def today():
    """Today's date in Bình Liêu (UTC+7)."""
    return now().astimezone(EVENT_TZ).date()
