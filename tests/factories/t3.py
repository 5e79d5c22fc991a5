"""Bulk factories for the query-count tests: hundreds of images, pages and inline rows
in a few statements.

Pages go in through ``portal.bulk_pages`` (the product's own bulk insert: tree paths
computed in Python, no revision, no signal), images are rows whose files are saved
once each, so a module can build 500 items of every kind in seconds. Call these with
Vietnamese active (the base title/slug columns are the Vietnamese ones).
"""

import itertools

from django.core.files.base import ContentFile
from wagtail.images import get_image_model

from portal.bulk_pages import create_children, index_pages, write_many_to_many

from .images import jpeg_bytes

_counter = itertools.count(1)


def bulk_images(count, width=32, height=20):
    """``count`` saved Wagtail images, each with its own (tiny) JPEG file."""
    image_model = get_image_model()
    storage = image_model._meta.get_field("file").storage
    data = jpeg_bytes(width, height)
    images = []
    for _ in range(count):
        n = next(_counter)
        name = storage.save(f"original_images/bulk-test-{n}.jpg", ContentFile(data))
        images.append(
            image_model(
                title=f"Ảnh hàng loạt thử {n}",
                file=name,
                width=width,
                height=height,
                file_size=len(data),
            )
        )
    return image_model.objects.bulk_create(images)


def bulk_children(parent, model, numbers, fields, m2m=(), search=False, with_image=True):
    """Published ``model`` pages under ``parent``, one per number in ``numbers``;
    ``fields(n)`` gives each page's fields, and each gets its own image unless
    ``with_image`` is false. ``m2m`` names many-to-many fields set by ``fields``;
    ``search`` adds the pages to the search index."""
    numbers = list(numbers)
    images = bulk_images(len(numbers)) if with_image else [None] * len(numbers)
    pages = []
    for n, image in zip(numbers, images, strict=True):
        values = dict(fields(n))
        related = {name: values.pop(name) for name in m2m}
        if image is not None:
            values["image"] = image
        page = model(**values)
        for name, items in related.items():
            setattr(page, name, items)
        pages.append(page)
    create_children(parent, pages)
    for name in m2m:
        write_many_to_many(pages, name)
    if search:
        index_pages(model, pages)
    return pages


def bulk_inline(model, page, numbers, caption):
    """Inline photo rows of ``model`` (a PlaceImage: ``page``, ``image``, ``caption``)
    on ``page``, one per number, each with its own image; ``caption(n)`` its caption."""
    numbers = list(numbers)
    images = bulk_images(len(numbers))
    rows = [
        model(page=page, image=image, caption=caption(n), sort_order=n)
        for n, image in zip(numbers, images, strict=True)
    ]
    return model.objects.bulk_create(rows)
