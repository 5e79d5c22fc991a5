"""The abstract page every portal page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page

from portal.search import translated_search_fields
from portal.slugs import fill_ascii_slugs


class BasePage(Page):
    """Adds the sample-content flag and language-aware search to Wagtail's Page."""

    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_(
            "Ticked on demo pages whose details (phone numbers, prices, coordinates) "
            "were made up for the demo. Replace them with real facts, then untick."
        ),
    )

    search_fields = Page.search_fields + translated_search_fields("title", boost=2)
    settings_panels = Page.settings_panels + [FieldPanel("is_sample")]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        fill_ascii_slugs(self)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        fill_ascii_slugs(self)
        return super().save(*args, **kwargs)


def page_tabs(*tabs):
    """The editor's tabs: the page type's own ``(panels, heading)`` pairs, then
    Wagtail's Promote tab and the Settings tab (which carries the sample flag)."""
    return TabbedInterface(
        [ObjectList(panels, heading=heading) for panels, heading in tabs]
        + [
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )


class IndexPage(BasePage):
    """A section's landing page under the home page: an introduction, then its listing.

    Villages, attractions, routes and events each have one; subclasses add their
    subpage type, names and the listing in ``get_context``.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + translated_search_fields("introduction")
    api_fields = [APIField("introduction")]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
