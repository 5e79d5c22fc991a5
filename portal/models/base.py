"""The abstract page every portal page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page

from portal import structured_data
from portal.address import base_url
from portal.search import translated_search_fields


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
    # What the page is, as a schema.org class (see portal/structured_data.py).
    schema_type = "WebPage"

    class Meta:
        abstract = True

    def structured_data(self, request=None, context=None):
        """schema.org nodes describing this page (dicts without @context); the
        template context of the page is passed so that nothing is queried twice."""
        return [structured_data.web_page(self, request, self.schema_type)]

    def get_url_parts(self, request=None):
        """Wagtail's (site_id, root_url, path), with root_url the public address
        (settings.PORTAL_BASE_URL) whatever the Site record says."""
        parts = super().get_url_parts(request)
        if not parts or parts[1] is None:
            return parts
        site_id, _root_url, path = parts
        return site_id, base_url(), path


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
    schema_type = "CollectionPage"

    class Meta:
        abstract = True
