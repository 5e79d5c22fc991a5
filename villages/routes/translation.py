"""Translated fields of the routes app (wagtail-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import RouteIndexPage, RoutePage, RouteStage, RouteStop


@register(RouteIndexPage)
class RouteIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(RoutePage)
class RoutePageTR(TranslationOptions):
    fields = (
        "introduction",
        "body",
        "start_point",
        "parking",
        "water",
        "permits",
        "no_signal",
        "emergency_contacts",
        "nearest_clinic",
    )


@register(RouteStop)
class RouteStopTR(TranslationOptions):
    fields = ("note",)


@register(RouteStage)
class RouteStageTR(TranslationOptions):
    fields = ("title", "description")
