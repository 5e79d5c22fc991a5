"""Event categories: festival, ceremony, market, sport, culture week, cross-border…"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.search import translated_search_fields

# The length of a timed event without an end time, unless its category or page says.
DEFAULT_EVENT_MINUTES = 120


class SchemaType(models.TextChoices):
    EVENT = "Event", _("Event")
    FESTIVAL = "Festival", _("Festival")
    SPORTS = "SportsEvent", _("Sports event")
    SALE = "SaleEvent", _("Market or fair")


class EventCategory(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in addresses and feeds (?category=…): keep it short and stable."),
    )
    schema_type = models.CharField(
        _("kind for search engines"),
        max_length=20,
        choices=SchemaType.choices,
        default=SchemaType.EVENT,
        help_text=_("The schema.org type search engines see."),
    )
    default_duration_minutes = models.PositiveSmallIntegerField(
        _("usual length (minutes)"),
        default=DEFAULT_EVENT_MINUTES,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How long an event of this kind lasts when its page gives a start time but "
            "no end time (calendars and search engines need an end)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("schema_type"),
        FieldPanel("default_duration_minutes"),
        FieldPanel("sort_order"),
    ]
    search_fields = translated_search_fields("name")

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")

    def __str__(self):
        return self.name
