"""A route: a walk, trek, ride or multi-day journey with its GPX track."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField

from portal.blocks import BaseStreamBlock
from portal.models import BasePage, page_tabs
from portal.search import translated_search_fields
from villages.fields import MonthsField
from villages.routes.forms import RoutePageForm
from villages.routes.serializers import GpxUrlField, StopsField
from villages.routes.stats import piece_sizes

from .choices import Difficulty, Mode, Shape, difficulty_colour, difficulty_explanation


def _computed(field_class, label, **kwargs):
    """A figure computed from the uploaded track: never edited by hand."""
    return field_class(label, null=True, blank=True, editable=False, **kwargs)


class RoutePage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.WALK)
    difficulty = models.CharField(
        _("difficulty"),
        max_length=20,
        choices=Difficulty.choices,
        default=Difficulty.MODERATE,
        help_text=_(
            "Easy: short and gentle. Moderate: steep or rough stretches, or a long day. "
            "Hard: long, very steep or remote; best with a local guide."
        ),
    )
    shape = models.CharField(
        _("loop or one way"), max_length=20, choices=Shape.choices, default=Shape.ONE_WAY
    )
    best_months = MonthsField(_("best months"), help_text=_("The months to go."))

    # The track, as read from the uploaded GPX file, and what is computed from it.
    gpx_filename = models.CharField(_("GPX file"), max_length=255, blank=True, editable=False)
    track = models.JSONField(_("track points"), default=list, blank=True, editable=False)
    distance_m = _computed(models.PositiveIntegerField, _("distance (m)"))
    ascent_m = _computed(models.PositiveIntegerField, _("total ascent (m)"))
    descent_m = _computed(models.PositiveIntegerField, _("total descent (m)"))
    min_elevation_m = _computed(models.IntegerField, _("lowest point (m)"))
    max_elevation_m = _computed(models.IntegerField, _("highest point (m)"))
    duration_minutes = _computed(models.PositiveIntegerField, _("estimated time (minutes)"))
    start_latitude = _computed(models.FloatField, _("start latitude"))
    start_longitude = _computed(models.FloatField, _("start longitude"))
    end_latitude = _computed(models.FloatField, _("end latitude"))
    end_longitude = _computed(models.FloatField, _("end longitude"))
    bbox = models.JSONField(_("bounding box"), default=list, blank=True, editable=False)
    profile = models.JSONField(_("elevation profile"), default=list, blank=True, editable=False)
    line = models.JSONField(_("map line"), default=list, blank=True, editable=False)
    # One entry per separate piece of the track (see stats.compute_stats), and what was
    # repaired when the file was read (see cleaning.Notice), shown to editors.
    pieces = models.JSONField(_("track pieces"), default=list, blank=True, editable=False)
    track_notices = models.JSONField(_("track notices"), default=list, blank=True, editable=False)

    start_point = models.TextField(
        _("start point"), blank=True, help_text=_("Where the route begins and how to get there.")
    )
    parking = models.TextField(_("parking"), blank=True)
    water = models.TextField(_("water and food"), blank=True)
    permits = models.TextField(
        _("permits"),
        blank=True,
        help_text=_("Border-zone rules, papers to carry, whom to tell before you go."),
    )
    border_zone = models.BooleanField(
        _("in the border zone"),
        default=False,
        help_text=_("Shows a reminder to check border-zone rules before travelling."),
    )
    no_signal = models.TextField(
        _("stretches without phone signal"),
        blank=True,
        help_text=_("Where visitors lose signal, so they can save the page for offline use."),
    )
    emergency_contacts = models.TextField(
        _("local emergency contacts"),
        blank=True,
        help_text=_(
            "Border guard post, commune office, guides. The national numbers 113, 114 and "
            "115 are shown on every route."
        ),
    )
    nearest_clinic = models.TextField(_("nearest clinic"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    route_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("mode"), FieldPanel("shape")]), FieldPanel("difficulty")],
            heading=_("Kind of route"),
        ),
        FieldPanel("gpx_upload"),
        FieldRowPanel([FieldPanel("gpx_pieces"), FieldPanel("gpx_piece_number")]),
        FieldPanel("best_months"),
    ]
    stops_panels = [
        InlinePanel("stops", label=_("Stop")),
        InlinePanel("stages", label=_("Stage (day)")),
    ]
    practical_panels = [
        FieldPanel("start_point"),
        FieldPanel("parking"),
        FieldPanel("water"),
        FieldPanel("border_zone"),
        FieldPanel("permits"),
    ]
    safety_panels = [
        FieldPanel("no_signal"),
        FieldPanel("emergency_contacts"),
        FieldPanel("nearest_clinic"),
    ]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (route_panels, _("Route and track")),
        (stops_panels, _("Stops and stages")),
        (practical_panels, _("Practical")),
        (safety_panels, _("Safety")),
    )
    search_kind = "route"
    search_fields = BasePage.search_fields + translated_search_fields(
        "introduction", "body", "start_point"
    )
    api_fields = [
        APIField("introduction"),
        APIField("mode"),
        APIField("difficulty"),
        APIField("shape"),
        APIField("best_months"),
        APIField("distance_m"),
        APIField("ascent_m"),
        APIField("descent_m"),
        APIField("min_elevation_m"),
        APIField("max_elevation_m"),
        APIField("duration_minutes"),
        APIField("start_latitude"),
        APIField("start_longitude"),
        APIField("end_latitude"),
        APIField("end_longitude"),
        APIField("bbox"),
        APIField("border_zone"),
        APIField("gpx_url", serializer=GpxUrlField()),
        APIField("route_stops", serializer=StopsField()),
        APIField("body"),
    ]
    base_form_class = RoutePageForm
    parent_page_types = ["routes.RouteIndexPage"]
    subpage_types = []
    schema_type = "TouristTrip"

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def structured_data(self, request=None, context=None):
        from villages.routes.display import route_stops
        from villages.routes.jsonld import route_jsonld_data

        stops = (context or {}).get("stops")
        if stops is None:
            stops = route_stops(self, request)
        return [route_jsonld_data(self, stops, request)]

    @property
    def has_track(self):
        return bool(self.line)

    @property
    def latitude(self):
        """Where the route starts (so it sits among the places)."""
        return self.start_latitude

    @property
    def longitude(self):
        return self.start_longitude

    @property
    def difficulty_colour(self):
        return difficulty_colour(self.difficulty)

    @property
    def difficulty_explanation(self):
        return difficulty_explanation(self.difficulty)

    @property
    def distance_km(self):
        return None if self.distance_m is None else round(self.distance_m / 1000, 1)

    @property
    def piece_sizes(self):
        """Points per piece of the stored track; None for a track in one piece."""
        return piece_sizes(self.pieces, "points")

    def get_context(self, request, *args, **kwargs):
        from villages.routes.display import route_context

        context = super().get_context(request, *args, **kwargs)
        context.update(route_context(self, request))
        return context
