"""Homestays: a family's house in a village where tourists can stay the night."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField

from portal.models import BasePage, page_tabs
from portal.search import translated_search_fields
from portal.validators import tel_href, validate_vietnamese_phone
from villages.jsonld import homestay_node

from .location import LocationMixin, PlaceImage
from .panels import location_panel, row
from .queries import gallery


class PriceBasis(models.TextChoices):
    ROOM = "room", _("per room")
    PERSON = "person", _("per person")


class HomestayPage(LocationMixin, BasePage):
    host_name = models.CharField(
        _("host family"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Tằng Văn Dào’s family”."),
    )
    host_ethnic_group = models.ForeignKey(
        "villages.EthnicGroup",
        verbose_name=_("host's ethnic group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="homestays",
    )
    local_minority_household = models.BooleanField(
        _("run by a local ethnic-minority household"), default=False
    )
    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveSmallIntegerField(
        _("guests"), validators=[MinValueValidator(1)], help_text=_("How many guests can sleep.")
    )
    rooms = models.PositiveSmallIntegerField(_("rooms"), default=1)
    room_notes = models.CharField(
        _("about the rooms"),
        max_length=250,
        blank=True,
        help_text=_("e.g. “8 en-suite rooms and a dormitory”."),
    )
    price_min = models.PositiveIntegerField(_("lowest price per night (VND)"))
    price_max = models.PositiveIntegerField(_("highest price per night (VND)"))
    price_basis = models.CharField(
        _("price is"), max_length=10, choices=PriceBasis.choices, default=PriceBasis.ROOM
    )
    amenities = ParentalManyToManyField(
        "villages.Amenity", verbose_name=_("amenities"), blank=True, related_name="homestays"
    )
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Vietnamese, Sán Chỉ, some English”."),
    )
    check_in_time = models.TimeField(_("check-in from"), null=True, blank=True)
    check_out_time = models.TimeField(_("check-out by"), null=True, blank=True)
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[validate_vietnamese_phone]
    )
    zalo = models.CharField(
        _("Zalo"),
        max_length=30,
        blank=True,
        validators=[validate_vietnamese_phone],
        help_text=_("The phone number registered with Zalo."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook page"), blank=True)
    import_key = models.CharField(
        _("spreadsheet key"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_(
            "The homestay's key in the commune's spreadsheet: importing a row with this "
            "key updates this page instead of adding a new one."
        ),
    )
    access_notes = models.TextField(
        _("access"),
        blank=True,
        help_text=_("Road surface, where to park, steps or slopes to the house."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("host_name"),
                FieldPanel("host_ethnic_group"),
                FieldPanel("local_minority_household"),
                FieldPanel("languages_spoken"),
            ],
            heading=_("Host"),
        ),
    ]
    stay_panels = [
        row("capacity", "rooms"),
        FieldPanel("room_notes"),
        MultiFieldPanel(
            [row("price_min", "price_max"), FieldPanel("price_basis")],
            heading=_("Price per night"),
        ),
        FieldPanel("amenities", widget=forms.CheckboxSelectMultiple),
        row("check_in_time", "check_out_time"),
    ]
    contact_panels = [
        FieldPanel("phone"),
        FieldPanel("zalo"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("facebook"),
        FieldPanel("import_key"),
    ]
    location_panels = [location_panel(), FieldPanel("access_notes")]
    gallery_panels = [InlinePanel("photos", label=_("Photo"))]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (stay_panels, _("Rooms and prices")),
        (contact_panels, _("Contact")),
        (location_panels, _("Location")),
        (gallery_panels, _("Photos")),
    )
    search_kind = "homestay"
    search_fields = BasePage.search_fields + translated_search_fields("introduction", "room_notes")
    api_fields = [
        APIField("introduction"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("host_name"),
        APIField("local_minority_household"),
        APIField("capacity"),
        APIField("rooms"),
        APIField("room_notes"),
        APIField("price_min"),
        APIField("price_max"),
        APIField("price_basis"),
        APIField("languages_spoken"),
        APIField("check_in_time"),
        APIField("check_out_time"),
        APIField("phone"),
        APIField("zalo"),
        APIField("email"),
        APIField("website"),
        APIField("facebook"),
        APIField("access_notes"),
    ]
    parent_page_types = ["villages.VillagePage"]
    subpage_types = []
    schema_type = "BedAndBreakfast"
    exclude_fields_in_copy = ["import_key"]

    class Meta:
        verbose_name = _("homestay")
        verbose_name_plural = _("homestays")

    def structured_data(self, request=None, context=None):
        return [homestay_node(self, request, (context or {}).get("village"))]

    def clean(self):
        super().clean()
        check_price_range(self.price_min, self.price_max)

    def search_about(self):
        from villages.search_terms import homestay_terms

        return homestay_terms(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["village"] = self.village_page()
        context["gallery"] = gallery(self.photos)
        # The amenities are listed on the page and in its JSON-LD: read them once.
        prefetch_related_objects([self], "amenities")
        return context

    def village_page(self):
        """The village the homestay is in (its parent), with its commune: one query."""
        from .village import VillagePage

        parent_path = self.path[: -self.steplen]
        found = VillagePage.objects.select_related("commune").filter(path=parent_path).first()
        return found if found is not None else self.get_parent().specific

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def zalo_url(self):
        return zalo_url(self.zalo)


def check_price_range(low, high):
    if low is not None and high is not None and high < low:
        raise ValidationError(
            {"price_max": _("The highest price cannot be lower than the lowest price.")}
        )


def zalo_url(number):
    href = tel_href(number)
    return f"https://zalo.me/0{href[7:]}" if href else ""


class HomestayPhoto(PlaceImage):
    page = ParentalKey(HomestayPage, on_delete=models.CASCADE, related_name="photos")
