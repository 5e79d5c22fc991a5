"""Factories for the finder, map and query-count tests (branch t1).

- ``add_listing_homestay``: a homestay with amenities given by slug.
- ``bulk_places``: many live villages, homestays or attractions, each with its own
  image, added without revisions so that 500 of them take seconds, not minutes.
"""

import itertools

from django.utils import translation
from wagtail.images import get_image_model

from villages.models import Amenity, AttractionKind, AttractionPage, HomestayPage

from .images import jpeg_bytes
from .places import add_homestay

_counter = itertools.count(1)


def add_listing_homestay(village, amenities=(), with_image=False, **fields):
    """A published homestay under ``village`` with the amenities of these slugs."""
    fields["amenities"] = list(Amenity.objects.filter(slug__in=amenities))
    assert len(fields["amenities"]) == len(set(amenities)), amenities
    return add_homestay(village, with_image=with_image, **fields)


def _images(count):
    """``count`` saved images, each its own file (one small JPEG's bytes)."""
    from django.core.files.base import ContentFile

    data = jpeg_bytes(32, 20)
    Image = get_image_model()
    images = []
    for _ in range(count):
        n = next(_counter)
        image = Image(title=f"Ảnh hàng loạt {n}", width=32, height=20)
        image.file.save(f"t1-bulk-{n}.jpg", ContentFile(data), save=False)
        image.save()
        images.append(image)
    return images


def _fields(model, n, lat, lon):
    common = {
        "title": f"Chỗ hàng loạt {n}",
        "title_vi": f"Chỗ hàng loạt {n}",
        "title_en": f"Bulk place {n}",
        "slug": f"cho-hang-loat-{n}",
        "slug_vi": f"cho-hang-loat-{n}",
        "slug_en": f"bulk-place-{n}",
        "latitude": lat,
        "longitude": lon,
        "live": True,
    }
    if model is HomestayPage:
        common.update(
            host_name="Chủ nhà hàng loạt",
            capacity=6,
            rooms=2,
            price_min=100_000 + n,
            price_max=200_000 + n,
            phone="0900000001",
        )
    if model is AttractionPage:
        common.update(kind=AttractionKind.VIEWPOINT, best_months=[10])
    return common


def bulk_places(parent, model, count, amenities=()):
    """``count`` live ``model`` pages under ``parent``, each with its own image (no
    revisions: they are never edited). Homestays get ``amenities`` (Amenity objects)."""
    pages = []
    with translation.override("vi"):
        for image in _images(count):
            n = next(_counter)
            lat = 21.46 + (n % 19) * 0.01
            lon = 107.29 + (n % 29) * 0.01
            page = model(image=image, **_fields(model, n, lat, lon))
            parent.add_child(instance=page)
            if amenities:
                page.amenities.set(amenities)
                page.save()
            pages.append(page)
        parent.refresh_from_db()
    return pages
