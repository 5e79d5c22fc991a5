"""Factories for the finder, map and query-count tests (branch t1).

- ``add_listing_homestay``: a homestay with amenities given by slug.
- ``bulk_places``: many live villages, homestays or attractions, each with its own
  image, added without revisions so that 500 of them take seconds, not minutes.
"""

import io
import itertools
from contextlib import contextmanager

from django.core.files.images import ImageFile
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import translation
from modelsearch.signal_handlers import post_save_signal_handler as index_on_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from villages.models import Amenity, AttractionKind, AttractionPage, HomestayPage

from .images import jpeg_bytes
from .places import add_homestay

_counter = itertools.count(1)


def add_listing_homestay(village, amenities=(), with_image=False, **fields):
    """A published homestay under ``village`` with the amenities of these slugs."""
    fields["amenities"] = list(Amenity.objects.filter(slug__in=amenities))
    assert len(fields["amenities"]) == len(set(amenities)), amenities
    return add_homestay(village, with_image=with_image, **fields)


@contextmanager
def _without_indexing(model):
    """No search-index or reference-index update while ``model`` objects are saved
    (not to be nested: Wagtail's switch for the reference index is not)."""
    connected = [m for m in (model,) if post_save.disconnect(index_on_save, sender=m)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for m in connected:
            post_save.connect(index_on_save, sender=m)


def _images(count):
    """``count`` saved images, each its own small file (not search-indexed)."""
    Image = get_image_model()
    data = jpeg_bytes(32, 20)
    images = []
    with _without_indexing(Image):
        for _ in range(count):
            n = next(_counter)
            file = ImageFile(io.BytesIO(data), name=f"t1-bulk-{n}.jpg")
            images.append(Image.objects.create(title=f"Ảnh hàng loạt {n}", file=file))
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
    """``count`` live ``model`` pages under ``parent``, each with its own image.

    Fast: no revisions, no validation, no search indexing; each page is placed at the
    end of ``parent``'s children by computing its tree path, as treebeard would.
    Homestays get ``amenities`` (Amenity objects)."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_children().order_by("-path").first()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    pages, images = [], _images(count)
    with translation.override("vi"), _without_indexing(model):
        for image in images:
            n = next(_counter)
            step += 1
            lat = 21.46 + (n % 19) * 0.01
            lon = 107.29 + (n % 29) * 0.01
            page = model(image=image, **_fields(model, n, lat, lon))
            page.depth, page.path, page.numchild = (
                depth,
                Page._get_path(parent.path, depth, step),
                0,
            )
            page.save(clean=False)
            pages.append(page)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    if amenities:
        through = HomestayPage.amenities.through
        through.objects.bulk_create(
            through(homestaypage_id=page.pk, amenity_id=amenity.pk)
            for page in pages
            for amenity in amenities
        )
    return pages
