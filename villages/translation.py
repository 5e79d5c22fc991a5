"""Translated fields of the places app (wagtail-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    Amenity,
    AttractionGalleryImage,
    AttractionIndexPage,
    AttractionPage,
    Commune,
    EthnicGroup,
    HomestayFinderPage,
    HomestayPage,
    HomestayPhoto,
    MapPage,
    VillageGalleryImage,
    VillageIndexPage,
    VillagePage,
)


@register(EthnicGroup)
class EthnicGroupTR(TranslationOptions):
    fields = ("name", "description")


@register(Commune)
class CommuneTR(TranslationOptions):
    fields = ("name", "note")


@register(Amenity)
class AmenityTR(TranslationOptions):
    fields = ("label",)


@register(VillageIndexPage)
class VillageIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(VillagePage)
class VillagePageTR(TranslationOptions):
    fields = ("introduction", "culture", "things_to_do", "getting_there")


@register(HomestayPage)
class HomestayPageTR(TranslationOptions):
    fields = ("introduction", "host_name", "room_notes", "languages_spoken", "access_notes")


@register(AttractionIndexPage)
class AttractionIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(AttractionPage)
class AttractionPageTR(TranslationOptions):
    fields = ("introduction", "body", "access_notes", "safety_notes")


@register(HomestayFinderPage)
class HomestayFinderPageTR(TranslationOptions):
    fields = ("introduction",)


@register(MapPage)
class MapPageTR(TranslationOptions):
    fields = ("introduction",)


@register(VillageGalleryImage)
class VillageGalleryImageTR(TranslationOptions):
    fields = ("caption",)


@register(HomestayPhoto)
class HomestayPhotoTR(TranslationOptions):
    fields = ("caption",)


@register(AttractionGalleryImage)
class AttractionGalleryImageTR(TranslationOptions):
    fields = ("caption",)
