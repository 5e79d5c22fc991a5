"""Place factories: snippets (ethnic groups, communes, amenities) and place pages.

Coordinates default to points inside the district box (villages.conf.region_box),
spread by a counter so that no two places share a position.
"""

import itertools

from villages.models import (
    Amenity,
    AttractionKind,
    AttractionPage,
    Commune,
    CommuneAlias,
    EthnicGroup,
    HomestayPage,
    VillagePage,
)

from . import add_page
from .images import make_image

_counter = itertools.count(1)


def _position(n):
    """(lat, lon) inside 21.45–21.65 N, 107.28–107.60 E, different for every n."""
    return round(21.50 + (n % 10) * 0.01, 5), round(107.33 + (n % 17) * 0.01, 5)


def add_ethnic_group(slug, name_vi, name_en=None, sort_order=0):
    return EthnicGroup.objects.create(
        slug=slug, name=name_vi, name_vi=name_vi, name_en=name_en or name_vi, sort_order=sort_order
    )


def add_commune(slug, name_vi, name_en, former_names=()):
    commune = Commune.objects.create(slug=slug, name=name_vi, name_vi=name_vi, name_en=name_en)
    for order, name in enumerate(former_names):
        CommuneAlias.objects.create(commune=commune, name=name, sort_order=order)
    return commune


def add_amenity(slug, label_vi, label_en, icon="check", sort_order=0):
    return Amenity.objects.create(
        slug=slug,
        icon=icon,
        label=label_vi,
        label_vi=label_vi,
        label_en=label_en,
        sort_order=sort_order,
    )


def add_village(index, with_image=True, **fields):
    """A published village under ``index`` (a VillageIndexPage)."""
    n = next(_counter)
    lat, lon = _position(n)
    fields.setdefault("title_vi", f"Bản Thử {n}")
    fields.setdefault("title_en", f"Test Village {n}")
    fields.setdefault("slug_vi", f"ban-thu-{n}")
    fields.setdefault("slug_en", f"test-village-{n}")
    fields.setdefault("latitude", lat)
    fields.setdefault("longitude", lon)
    fields.setdefault("introduction_vi", f"Giới thiệu bản thử {n}.")
    fields.setdefault("introduction_en", f"About test village {n}.")
    if with_image:
        fields.setdefault("image", make_image(f"Ảnh bản thử {n}"))
    return add_page(index, VillagePage, **fields)


def add_homestay(village, with_image=True, **fields):
    """A published homestay under ``village``: 4 guests, 300,000–400,000 VND a night."""
    n = next(_counter)
    lat, lon = _position(n)
    fields.setdefault("title_vi", f"Nhà nghỉ thử {n}")
    fields.setdefault("title_en", f"Test Homestay {n}")
    fields.setdefault("slug_vi", f"nha-nghi-thu-{n}")
    fields.setdefault("slug_en", f"test-homestay-{n}")
    fields.setdefault("latitude", lat)
    fields.setdefault("longitude", lon)
    if "host_name" not in fields:
        fields.setdefault("host_name_vi", f"Chủ nhà thử {n}")
        fields.setdefault("host_name_en", f"Test host {n}")
    fields.setdefault("capacity", 4)
    fields.setdefault("rooms", 2)
    fields.setdefault("price_min", 300_000)
    fields.setdefault("price_max", 400_000)
    fields.setdefault("phone", "0900000000")
    fields.setdefault("introduction_vi", f"Giới thiệu nhà nghỉ thử {n}.")
    fields.setdefault("introduction_en", f"About test homestay {n}.")
    if with_image:
        fields.setdefault("image", make_image(f"Ảnh nhà nghỉ thử {n}"))
    return add_page(village, HomestayPage, **fields)


def add_attraction(index, with_image=True, **fields):
    """A published attraction (a viewpoint unless ``kind`` is given) under ``index``."""
    n = next(_counter)
    lat, lon = _position(n)
    fields.setdefault("title_vi", f"Điểm thử {n}")
    fields.setdefault("title_en", f"Test Sight {n}")
    fields.setdefault("slug_vi", f"diem-thu-{n}")
    fields.setdefault("slug_en", f"test-sight-{n}")
    fields.setdefault("kind", AttractionKind.VIEWPOINT)
    fields.setdefault("latitude", lat)
    fields.setdefault("longitude", lon)
    fields.setdefault("best_months", [10, 11])
    fields.setdefault("introduction_vi", f"Giới thiệu điểm thử {n}.")
    fields.setdefault("introduction_en", f"About test sight {n}.")
    if with_image:
        fields.setdefault("image", make_image(f"Ảnh điểm thử {n}"))
    return add_page(index, AttractionPage, **fields)


def add_listing_homestay(village, amenities=(), with_image=False, **fields):
    """A published homestay under ``village`` with the amenities of these slugs."""
    fields["amenities"] = list(Amenity.objects.filter(slug__in=amenities))
    assert len(fields["amenities"]) == len(set(amenities)), amenities
    return add_homestay(village, with_image=with_image, **fields)
