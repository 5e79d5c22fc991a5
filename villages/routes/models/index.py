"""The list of routes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from portal.models import BasePage
from portal.search import translated_search_fields


class RouteIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + translated_search_fields("introduction")
    api_fields = [APIField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["routes.RoutePage"]
    max_count = 1

    class Meta:
        verbose_name = _("route index")
        verbose_name_plural = _("route indexes")

    def get_context(self, request, *args, **kwargs):
        from villages.routes.display import routes_for_listing

        context = super().get_context(request, *args, **kwargs)
        context["routes"] = routes_for_listing(self)
        return context
