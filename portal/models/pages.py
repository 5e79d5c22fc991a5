"""Site-wide page types: the home page and free-form standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from portal import structured_data
from portal.blocks import BaseStreamBlock
from portal.cache import cached_for_content
from portal.home_sections import home_sections
from portal.navigation import home_actions
from portal.partners import StandardStreamBlock
from portal.search import translated_search_fields

from .base import BasePage
from .visibility import live_public


class HomePage(BasePage):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_text = models.CharField(
        _("hero text"),
        max_length=200,
        blank=True,
        help_text=_("One line shown over the hero image."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    trip_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("plan-your-trip page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page on getting here and planning a visit, offered among the home "
            "page's first links."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_text")], heading=_("Hero")),
        FieldPanel("introduction"),
        FieldPanel("trip_page"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + translated_search_fields(
        "hero_text", "introduction", "body"
    )
    api_fields = [APIField("hero_text"), APIField("introduction"), APIField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    search_kind = "home"
    schema_type = "TouristDestination"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def structured_data(self, request=None, context=None):
        """The site with its search box, and the area as a destination of villages."""
        return [
            structured_data.web_site(self, request),
            structured_data.area_destination(self, request, image=self.hero_image),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(self, request)
        context["actions"] = home_actions(request, self.live_trip_page())
        return context

    def live_trip_page(self):
        """The chosen plan-your-trip page when it is live and public, else None
        (cached per content version)."""
        if self.trip_page_id is None:
            return None
        return cached_for_content(
            f"portal:trip-page:{self.trip_page_id}",
            lambda: live_public(Page.objects.filter(pk=self.trip_page_id)).first(),
        )


class StandardPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + translated_search_fields("introduction", "body")
    api_fields = [APIField("introduction"), APIField("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
