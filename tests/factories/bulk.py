"""Bulk factories for the query-count tests: hundreds of images, pages and inline rows
in a few statements.

Pages go in through ``portal.bulk_pages`` (the product's own bulk insert: tree paths
computed in Python, no revision, no signal, no search index unless asked), images
are rows whose files are saved once each, so a module can build 500 items of every
kind in seconds. Nothing here computes tree paths itself: every page goes through
``bulk_children``.

- ``bulk_images``: saved images, each with its own small file.
- ``bulk_children``: published pages of one type under a parent, fields given per
  number, each with its own image unless told not to.
- ``bulk_inline``: inline photo rows on a page, each with its own image.
- ``bulk_places``: villages, homestays or attractions (finder, map, geojson).
- ``bulk_routes``: routes, each with its own track and the same stops.
- ``clone_pages``: copies of a page beside it (same fields, own titles and slugs).
- ``add_bulk_events``: events as ``generate_bench_data`` makes them, with their
  stored occurrences.
"""

import itertools

from django.core.files.base import ContentFile
from django.utils import translation
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model

from events.bench_data import event_pages
from events.models import EventIndexPage
from events.models.occurrence import current_horizon, fill
from portal.bulk_pages import create_children, index_pages, write_many_to_many
from villages.models import AttractionKind, AttractionPage, HomestayPage
from villages.routes.models import RoutePage, RouteStop
from villages.routes.track import track_fields

from .images import jpeg_bytes, make_image
from .routes import straight_track

_counter = itertools.count(1)


def _numbers(count):
    return [next(_counter) for _ in range(count)]


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


def bulk_children(
    parent, model, numbers, fields, m2m=(), search=False, with_image=True, image_size=(32, 20)
):
    """Published ``model`` pages under ``parent``, one per number in ``numbers``;
    ``fields(n)`` gives each page's fields, and each gets its own image (of
    ``image_size``) unless ``with_image`` is false. ``m2m`` names many-to-many fields
    set by ``fields``; ``search`` adds the pages to the search index."""
    numbers = list(numbers)
    images = bulk_images(len(numbers), *image_size) if with_image else [None] * len(numbers)
    pages = []
    with translation.override("vi"):  # the base title/slug columns are the Vietnamese ones
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


BULK_PLACE_EN = "Bulk place"  # the start of the English title of every bulk place


def _place_fields(model, amenities):
    def fields(n):
        values = {
            "title_vi": f"Chỗ hàng loạt {n}",
            "title_en": f"{BULK_PLACE_EN} {n}",
            "slug_vi": f"cho-hang-loat-{n}",
            "slug_en": f"bulk-place-{n}",
            "latitude": 21.46 + (n % 19) * 0.01,
            "longitude": 107.29 + (n % 29) * 0.01,
        }
        if model is HomestayPage:
            values.update(
                host_name="Chủ nhà hàng loạt",
                capacity=6,
                rooms=2,
                price_min=100_000 + n,
                price_max=200_000 + n,
                phone="0900000001",
            )
            if amenities:
                values["amenities"] = list(amenities)
        if model is AttractionPage:
            values.update(kind=AttractionKind.VIEWPOINT, best_months=[10])
        return values

    return fields


def bulk_places(parent, model, count, amenities=()):
    """``count`` live ``model`` pages (villages, homestays or attractions) under
    ``parent``, each with its own image, titled "Chỗ hàng loạt n" / "Bulk place n".
    Homestays get ``amenities`` (Amenity objects)."""
    m2m = ["amenities"] if amenities and model is HomestayPage else []
    return bulk_children(parent, model, _numbers(count), _place_fields(model, amenities), m2m)


def _route_fields(n):
    east = 0.0001 * (n % 1000)  # a track of its own, shifted east a little each time
    points = straight_track((21.53, 107.39 + east, 500.0), (21.54, 107.39 + east, 600.0), 5)
    return {
        "title_vi": f"Cung đường loạt {n}",
        "title_en": f"Bulk route {n}",
        "slug_vi": f"cung-duong-loat-{n}",
        "slug_en": f"bulk-route-{n}",
        "introduction_vi": f"Cung đường loạt {n}.",
        "introduction_en": f"Bulk route {n}.",
        "best_months": [3],
        **track_fields(points, "walk", f"bulk-route-{n}.gpx"),
    }


def bulk_routes(index, count, stops):
    """``count`` live routes under ``index``, each with its own image (64 × 40), a
    short track of its own and ``stops`` (places) in order."""
    pages = bulk_children(index, RoutePage, _numbers(count), _route_fields, image_size=(64, 40))
    RouteStop.objects.bulk_create(
        [
            RouteStop(page=page, place=place, sort_order=order)
            for page in pages
            for order, place in enumerate(stops)
        ]
    )
    return pages


# Fields of a page that are its own (tree, identity, publication state): a copy gets
# them from ``create_children``, never from the page it copies.
_NOT_COPIED = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "content_type",
    "locale",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
    "url_path",
}


def clone_pages(page, count, **specific):
    """``count`` live copies of ``page`` (any specific page type) beside it, under
    the same parent: the same field values (its image too), with " · n" added to the
    titles and "-n" to the slugs in every language. ``specific`` sets fields (by
    attribute name, e.g. ``image_id=…``, or a callable of the copy's number). No
    revisions, no search index, no related rows (many-to-many, inline). Returns the
    copies' ids in order."""
    model = type(page)
    source = model.objects.get(pk=page.pk)
    parent = source.get_parent()
    languages = mt_settings.AVAILABLE_LANGUAGES
    names = {f.name for f in model._meta.concrete_fields}
    # Translated fields are copied language by language, not through their base field.
    translated = {name for name in names if build_localized_fieldname(name, languages[0]) in names}
    own = _NOT_COPIED | translated | {build_localized_fieldname("url_path", c) for c in languages}
    copied = [
        f.attname for f in model._meta.concrete_fields if not f.primary_key and f.name not in own
    ]

    def fields(n):
        values = {name: getattr(source, name) for name in copied}
        for code in languages:
            for name in ("title", "draft_title"):
                key = build_localized_fieldname(name, code)
                if values.get(key):
                    values[key] = f"{values[key]} · {n}"
            key = build_localized_fieldname("slug", code)
            if values.get(key):
                values[key] = f"{values[key]}-{n}"
        for name, value in specific.items():
            values[name] = value(n) if callable(value) else value
        return values

    pages = bulk_children(parent, model, _numbers(count), fields, with_image=False)
    return [copy.pk for copy in pages]


def add_bulk_events(start, count, venues, ethnic_groups=()):
    """``count`` published events numbered from ``start`` under the events index, held
    in turn at ``venues``, each with an image of its own; the n-th gets the first
    ``n % (len(ethnic_groups) + 1)`` ethnic groups. Returns the pages.

    The pages are ``generate_bench_data``'s (``events.bench_data.event_pages``), so
    they go in through ``create_children`` directly, not ``bulk_children``."""
    images = [make_image(f"Ảnh hàng loạt {start + n}", 48, 30) for n in range(count)]
    pages = event_pages(range(start, start + count), venues, images)
    groups = list(ethnic_groups)
    for n, page in enumerate(pages, start):
        page.ethnic_groups = groups[: n % (len(groups) + 1)]
    with translation.override("vi"):
        create_children(EventIndexPage.objects.get(), pages)
    write_many_to_many(pages, "ethnic_groups")
    fill(pages, current_horizon())
    return pages
