"""Festivals and events: categories (snippet), the events index and event pages."""

from .category import EventCategory, SchemaType
from .event import EventPage
from .index import EventIndexPage

__all__ = ["EventCategory", "EventIndexPage", "EventPage", "SchemaType"]
