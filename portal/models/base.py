"""The abstract page every portal page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page

from portal import structured_data
from portal.address import base_url
from portal.search import (
    in_every_language,
    localized_values,
    page_search_fields,
    translated_search_fields,
    without_raw_titles,
)
from portal.slugs import fill_ascii_slugs
from portal.text import normalise_data


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

    search_fields = page_search_fields(Page.search_fields)
    # How site search ranks the page type (portal.searching.ranking.KIND_PRIOR).
    search_kind = "page"
    settings_panels = Page.settings_panels + [FieldPanel("is_sample")]
    # What the page is, as a schema.org class (see portal/structured_data.py).
    schema_type = "WebPage"

    class Meta:
        abstract = True

    @classmethod
    def get_search_fields(cls):
        return without_raw_titles(super().get_search_fields())

    def full_clean(self, *args, **kwargs):
        # Editors' text is stored in NFC whatever their keyboard sent (drafts too).
        normalise_text_fields(self)
        fill_ascii_slugs(self)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        fill_ascii_slugs(self)
        return super().save(*args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's rule in one query where Wagtail runs two (and one more per alias):
        the PageViewRestrictions of this page and its ancestors, each alias replaced
        by its source page. The ancestors' paths are prefixes of this page's path
        (treebeard's materialised path, ``steplen`` characters a level), so they are
        known without a query. Wagtail points an alias at its original, never at
        another alias, so one step of ``alias_of`` is enough."""
        from django.db.models.functions import Coalesce
        from wagtail.models import PageViewRestriction

        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        sources = (
            Page.objects.filter(path__in=paths)
            .annotate(source=Coalesce("alias_of_id", "id"))
            .values("source")
        )
        return PageViewRestriction.objects.filter(page_id__in=sources)

    def search_key_texts(self):
        """What the page is known by besides its title, for the index's key column:
        its type's name and the editors' search description in every language, plus
        ``search_about()`` (a village's commune, a homestay's village…)."""
        return [
            *in_every_language(lambda: self._meta.verbose_name),
            *localized_values(self, "search_description"),
            *self.search_about(),
        ]

    def search_about(self):
        """Names of what the page belongs to (strings). Page types override it."""
        return []

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


def _translated_base_fields(model):
    """Names of the fields wagtail-modeltranslation reads and writes through the
    active language (``title`` → ``title_vi`` or ``title_en``…)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def normalise_text_fields(instance):
    """Every string field (and StreamField's raw data) of ``instance`` in NFC.

    Each language's own column is normalised; the translated base fields are skipped,
    because reading one gives the active language's value with its fallback and writing
    it back would copy (say) the Vietnamese title into an empty English column.
    """
    from wagtail.fields import StreamField

    skipped = _translated_base_fields(type(instance))
    for field in instance._meta.concrete_fields:
        if field.name in skipped:
            continue
        value = getattr(instance, field.attname, None)
        if isinstance(value, str):
            setattr(instance, field.attname, normalise_data(value))
        elif isinstance(field, StreamField) and value is not None:
            raw = value.get_prep_value() if hasattr(value, "get_prep_value") else None
            if raw is not None and normalise_data(raw) != raw:
                setattr(instance, field.attname, normalise_data(raw))


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
    subpage type, names and the listing in ``get_context`` (one page of it at a time:
    ``add_listing``).
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + translated_search_fields("introduction")
    api_fields = [APIField("introduction")]
    parent_page_types = ["portal.HomePage"]
    max_count = 1
    search_kind = "index"
    schema_type = "CollectionPage"

    def add_listing(self, context, request, name, items):
        """Put one page of ``items`` in ``context`` as ``name`` (and as ``page_obj``,
        which includes/pagination.html reads), with ``listing_errors`` for a malformed
        ``page`` parameter (``portal.listing``)."""
        from portal.listing import listing_page

        page_obj, errors = listing_page(request, items)
        context.update({name: page_obj, "page_obj": page_obj, "listing_errors": errors})
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("listing_errors"):
            response.status_code = 400  # the page says which page number was malformed
        return response

    class Meta:
        abstract = True
