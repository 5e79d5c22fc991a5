"""Attractions: peaks, waterfalls, border markers, markets, communal houses…"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from portal.blocks import BaseStreamBlock
from portal.collation import collated
from portal.models import BasePage, IndexPage, page_tabs
from portal.search import translated_search_fields
from villages.fields import MonthsField
from villages.jsonld import attraction_node

from .location import LocationMixin, PlaceImage
from .panels import location_panel
from .queries import gallery, live_public, nearby_attractions, with_image


class AttractionKind(models.TextChoices):
    PEAK = "peak", _("Peak")
    WATERFALL = "waterfall", _("Waterfall")
    BORDER_MARKER = "border_marker", _("Border marker")
    VIEWPOINT = "viewpoint", _("Viewpoint")
    MARKET = "market", _("Market")
    COMMUNAL_HOUSE = "communal_house", _("Communal house or temple")
    FOREST = "forest", _("Forest")
    REED_HILL = "reed_hill", _("Reed hill")


class AttractionIndexPage(IndexPage):
    subpage_types = ["villages.AttractionPage"]

    class Meta:
        verbose_name = _("attraction index")
        verbose_name_plural = _("attraction indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return self.add_listing(context, request, "attractions", attractions_for_listing(self))


def attractions_for_listing(index_page):
    return with_image(
        live_public(AttractionPage.objects.child_of(index_page)).order_by(collated("title"), "pk")
    )


class AttractionPage(LocationMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=AttractionKind.choices)
    elevation = models.PositiveIntegerField(
        _("elevation (m)"), null=True, blank=True, help_text=_("Metres above sea level.")
    )
    village = models.ForeignKey(
        "villages.VillagePage",
        verbose_name=_("related village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attractions",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    best_months = MonthsField(_("best months"), help_text=_("The months to visit."))
    access_notes = models.TextField(
        _("access"), blank=True, help_text=_("Road, path, steps, how long it takes.")
    )
    safety_notes = models.TextField(_("safety"), blank=True)
    border_zone = models.BooleanField(
        _("in the border zone"),
        default=False,
        help_text=_("Shows a reminder to check border-zone rules before travelling."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("village"),
    ]
    visit_panels = [
        FieldPanel("best_months"),
        FieldPanel("access_notes"),
        FieldPanel("safety_notes"),
        FieldPanel("border_zone"),
    ]
    location_panels = [location_panel(FieldPanel("elevation"))]
    gallery_panels = [InlinePanel("gallery_images", label=_("Photo"))]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (visit_panels, _("Visiting")),
        (location_panels, _("Location")),
        (gallery_panels, _("Gallery")),
    )
    search_kind = "attraction"
    search_fields = BasePage.search_fields + translated_search_fields(
        "introduction", "body", "access_notes"
    )
    api_fields = [
        APIField("kind"),
        APIField("introduction"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("elevation"),
        APIField("best_months"),
        APIField("access_notes"),
        APIField("safety_notes"),
        APIField("border_zone"),
        APIField("body"),
    ]
    parent_page_types = ["villages.AttractionIndexPage"]
    subpage_types = []
    schema_type = "TouristAttraction"

    class Meta:
        verbose_name = _("attraction")
        verbose_name_plural = _("attractions")

    def search_about(self):
        from villages.search_terms import attraction_terms

        return attraction_terms(self)

    def structured_data(self, request=None, context=None):
        return [attraction_node(self, request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["nearby_attractions"] = nearby_attractions(self, exclude=self)
        context["gallery"] = gallery(self.gallery_images)
        return context


class AttractionGalleryImage(PlaceImage):
    page = ParentalKey(AttractionPage, on_delete=models.CASCADE, related_name="gallery_images")
