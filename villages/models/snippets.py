"""Snippets shared by place pages: ethnic groups, communes (with former names), amenities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from portal.search import TextSearchField, translated_search_fields


class EthnicGroup(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("short description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = translated_search_fields("name", "description")

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("ethnic group")
        verbose_name_plural = _("ethnic groups")

    def __str__(self):
        return self.name


class Commune(index.Indexed, ClusterableModel):
    """A commune as named since the 1 July 2025 reform; former names are aliases."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("The current name, e.g. “xã Bình Liêu”.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("note"),
        InlinePanel("aliases", heading=_("Former names"), label=_("Former name")),
    ]
    search_fields = translated_search_fields("name") + [
        index.RelatedFields("aliases", [TextSearchField("name")])
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name

    @property
    def former_names(self):
        return [alias.name for alias in self.aliases.all()]


class CommuneAlias(Orderable):
    commune = ParentalKey(Commune, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(
        _("former name"),
        max_length=80,
        help_text=_("A name still used in everyday and travel use, e.g. “Húc Động”."),
    )

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name


AMENITY_ICONS = [
    ("hot-water", _("Hot water")),
    ("meals", _("Meals")),
    ("wifi", _("Wi-Fi")),
    ("parking", _("Parking")),
    ("motorbike", _("Motorbike")),
    ("guide", _("Guide")),
    ("herbal-bath", _("Herbal bath")),
    ("en-suite", _("En-suite room")),
    ("air-conditioning", _("Air conditioning")),
    ("campfire", _("Campfire")),
    ("check", _("Other")),
]


class Amenity(index.Indexed, models.Model):
    label = models.CharField(_("label"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in shareable finder links, e.g. ?amenity=hot-water."),
    )
    icon = models.CharField(_("icon"), max_length=40, choices=AMENITY_ICONS, default="check")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    search_fields = translated_search_fields("label")

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("amenity")
        verbose_name_plural = _("amenities")

    def __str__(self):
        return self.label
