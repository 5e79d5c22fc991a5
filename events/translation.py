"""Translated fields of the events app (wagtail-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EventCategory, EventIndexPage, EventPage


@register(EventCategory)
class EventCategoryTR(TranslationOptions):
    fields = ("name",)


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = (
        "summary",
        "description",
        "organiser",
        "price_note",
        "venue_name",
        "venue_address",
    )
