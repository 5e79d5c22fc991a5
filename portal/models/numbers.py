"""Tourism in numbers: a public page of figures computed from the content."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.search import translated_search_fields

from .base import BasePage


class NumbersPage(BasePage):
    """Homestays, festivals, routes and translation coverage, drawn as SVG charts.

    The figures come from ``portal.numbers.numbers_sections`` at request time; the
    whole response is cached by wagtail-cache and cleared when content changes
    (portal.cache).
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + translated_search_fields("introduction")
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("tourism in numbers page")
        verbose_name_plural = _("tourism in numbers pages")

    def get_context(self, request, *args, **kwargs):
        from portal.numbers import numbers_sections

        context = super().get_context(request, *args, **kwargs)
        # The sections read only the home page's place in the tree: no .specific.
        context["sections"] = numbers_sections(self.get_parent())
        return context
