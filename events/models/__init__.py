"""Festivals and events: categories (snippet), the events index and event pages."""

from .category import EventCategory, SchemaType
from .event import EventPage
from .index import EventIndexPage
from .occurrence import EventOccurrence, OccurrenceHorizon

__all__ = [
    "EventCategory",
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "OccurrenceHorizon",
    "SchemaType",
]
