"""Places: snippets and page types (one module per page type)."""

from .attraction import AttractionGalleryImage, AttractionIndexPage, AttractionKind, AttractionPage
from .homestay import HomestayPage, HomestayPhoto, PriceBasis
from .snippets import Amenity, Commune, CommuneAlias, EthnicGroup
from .tools import HomestayFinderPage, MapPage
from .village import VillageGalleryImage, VillageIndexPage, VillagePage

__all__ = [
    "Amenity",
    "AttractionGalleryImage",
    "AttractionIndexPage",
    "AttractionKind",
    "AttractionPage",
    "Commune",
    "CommuneAlias",
    "EthnicGroup",
    "HomestayFinderPage",
    "HomestayPage",
    "HomestayPhoto",
    "MapPage",
    "PriceBasis",
    "VillageGalleryImage",
    "VillageIndexPage",
    "VillagePage",
]
