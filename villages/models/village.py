"""Villages: the index of cultural villages and one page per village."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from portal.collation import collated
from portal.models import BasePage, IndexPage, page_tabs
from portal.search import translated_search_fields
from villages.blocks import CultureStreamBlock, ThingsToDoBlock
from villages.jsonld import village_node

from .location import LocationMixin, PlaceImage
from .panels import location_panel, row
from .queries import (
    VILLAGE_HOMESTAYS,
    gallery,
    live_public,
    nearby_attractions,
    village_festivals,
    village_homestays,
    village_snippets,
    with_image,
)


class VillageIndexPage(IndexPage):
    subpage_types = ["villages.VillagePage"]

    class Meta:
        verbose_name = _("village index")
        verbose_name_plural = _("village indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return self.add_listing(context, request, "villages", villages_for_listing(self))


def villages_for_listing(index_page):
    villages = (
        live_public(VillagePage.objects.child_of(index_page))
        .select_related("commune")
        .prefetch_related("ethnic_groups")
        .order_by(collated("title"), "pk")
    )
    return with_image(villages)


class VillagePage(LocationMixin, BasePage):
    ethnic_groups = ParentalManyToManyField(
        "villages.EthnicGroup", verbose_name=_("ethnic groups"), related_name="villages"
    )
    commune = models.ForeignKey(
        "villages.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="villages",
    )
    altitude = models.PositiveIntegerField(
        _("altitude (m)"), null=True, blank=True, help_text=_("Metres above sea level.")
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
    culture = StreamField(CultureStreamBlock(), verbose_name=_("culture"), blank=True)
    things_to_do = StreamField(ThingsToDoBlock(), verbose_name=_("things to do"), blank=True)
    getting_there = models.TextField(
        _("how to get there"), blank=True, help_text=_("Road, turn-offs, public transport.")
    )
    distance_from_centre = models.DecimalField(
        _("distance from the centre (km)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
    )
    travel_time = models.PositiveSmallIntegerField(
        _("travel time from the centre (minutes)"), null=True, blank=True
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show this village on the home page.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        row("ethnic_groups", "commune"),
        FieldPanel("featured"),
    ]
    culture_panels = [FieldPanel("culture"), FieldPanel("things_to_do")]
    gallery_panels = [InlinePanel("gallery_images", label=_("Photo"))]
    location_panels = [
        location_panel(FieldPanel("altitude")),
        FieldPanel("getting_there"),
        row("distance_from_centre", "travel_time"),
    ]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (culture_panels, _("Culture")),
        (location_panels, _("Location")),
        (gallery_panels, _("Gallery")),
    )
    search_kind = "village"
    search_fields = BasePage.search_fields + translated_search_fields(
        "introduction", "culture", "things_to_do"
    )
    api_fields = [
        APIField("introduction"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("altitude"),
        APIField("culture"),
        APIField("things_to_do"),
        APIField("getting_there"),
        APIField("distance_from_centre"),
        APIField("travel_time"),
    ]
    parent_page_types = ["villages.VillageIndexPage"]
    subpage_types = ["villages.HomestayPage"]
    schema_type = "TouristDestination"

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    def search_about(self):
        from villages.search_terms import village_terms

        return village_terms(self)

    def structured_data(self, request=None, context=None):
        context = context or {}
        attractions = None
        if "nearby_attractions" in context:  # the village's own attractions come first
            nearby = context["nearby_attractions"]
            attractions = [a for a, _km in nearby if a.village_id == self.pk]
        return [village_node(self, request, context.get("homestays"), attractions)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ethnic_groups"], self.commune = village_snippets(self, request)
        homestays = village_homestays(self, limit=VILLAGE_HOMESTAYS + 1)
        context["homestays"] = homestays[:VILLAGE_HOMESTAYS]
        context["more_homestays"] = len(homestays) > VILLAGE_HOMESTAYS  # the finder has all
        context["nearby_attractions"] = nearby_attractions(self)
        context["festivals"] = village_festivals(self)
        context["gallery"] = gallery(self.gallery_images)
        return context


class VillageGalleryImage(PlaceImage):
    page = ParentalKey(VillagePage, on_delete=models.CASCADE, related_name="gallery_images")
