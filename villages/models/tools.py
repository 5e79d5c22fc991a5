"""Pages that are tools rather than places: the homestay finder and the map."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from portal.models import BasePage


class HomestayFinderPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    search_kind = "tool"

    class Meta:
        verbose_name = _("homestay finder")
        verbose_name_plural = _("homestay finders")

    def get_context(self, request, *args, **kwargs):
        from villages.finder import find_homestays

        context = super().get_context(request, *args, **kwargs)
        context["finder"] = find_homestays(request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        finder = getattr(response, "context_data", {}).get("finder")
        if finder is not None and finder.errors:
            response.status_code = 400  # the page shows the form and what was malformed
        return response


class MapPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    search_kind = "tool"

    class Meta:
        verbose_name = _("map page")
        verbose_name_plural = _("map pages")

    def get_context(self, request, *args, **kwargs):
        from villages.geojson import (
            MAP_FEATURES_PER_TYPE,
            feature_types,
            map_places,
            place_feature,
        )

        context = super().get_context(request, *args, **kwargs)
        # ?place=homestay-12 (the "See it on the map" links of place pages): that place
        # is in the list and the map opens on it.
        focus = place_feature(request, request.GET.get("place"))
        context["places"] = map_places(request, focus=focus)
        context["legend"] = [(kind.name, kind.label) for kind in feature_types()]
        context["geojson_url"] = f"{reverse('places_geojson')}?lang={get_language()}"
        context["per_type"] = MAP_FEATURES_PER_TYPE
        context["focus"] = focus and _focus_options(focus)
        return context


def _focus_options(feature):
    """{id, lat, lon} for the map script: the feature's first position."""
    coordinates = feature["geometry"]["coordinates"]
    while coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    return {"id": feature["id"], "lat": coordinates[1], "lon": coordinates[0]}
