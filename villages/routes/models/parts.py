"""The ordered stops of a route and the stages (days) of a multi-day route."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from villages.places import PlaceChooserPanel, route_stop_types


def place_models():
    """The page models a route may stop at (place types with ``can_be_route_stop``)."""
    return [t.model_class for t in route_stop_types()]


def validate_place(page):
    """A stop or a stage end must be a place that can be a route stop (village,
    homestay, attraction, or another registered type)."""
    if page is not None and not issubclass(page.specific_class, tuple(place_models())):
        raise ValidationError(
            {"place": _("Choose a village, a homestay or an attraction.")}, code="not_a_place"
        )


class RouteStop(Orderable):
    page = ParentalKey("routes.RoutePage", on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A village, homestay or attraction on the way, in the order you reach it."),
    )
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("Optional, e.g. “Overnight here” or “Last water before the ridge”."),
    )

    panels = [PlaceChooserPanel("place", "route_stop"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def clean(self):
        super().clean()
        if self.place_id:
            validate_place(self.place)


class RouteStage(Orderable):
    page = ParentalKey("routes.RoutePage", on_delete=models.CASCADE, related_name="stages")
    title = models.CharField(
        _("title"), max_length=200, help_text=_("e.g. “Day 1: Lục Ngù to Sông Moóc”.")
    )
    description = models.TextField(_("description"), blank=True)
    ends_at = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ends at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where this stage ends, often the homestay for the night. The stage's distance "
            "is measured along the track up to there; the last stage ends where the track ends."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        PlaceChooserPanel("ends_at", "route_stop"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def clean(self):
        super().clean()
        if self.ends_at_id:
            try:
                validate_place(self.ends_at)
            except ValidationError as exc:
                raise ValidationError({"ends_at": exc.message_dict["place"]}) from exc
