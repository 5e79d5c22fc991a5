"""Helpers for the places tests: place pages by English slug, homestays made in bulk.

``village``/``homestay``/``attraction`` look a page up by its English slug: for the
tests in tests/demo/ (demo slugs) or for pages a test made itself; elsewhere prefer
the ``test_site`` fixture and the factories.
"""

import itertools

from django.utils import translation

from tests.factories import add_page, publish
from villages.models import Amenity, AttractionPage, HomestayPage, VillagePage

_numbers = itertools.count(1)


def village(slug_en):
    return VillagePage.objects.get(slug_en=slug_en)


def homestay(slug_en):
    return HomestayPage.objects.get(slug_en=slug_en)


def attraction(slug_en):
    return AttractionPage.objects.get(slug_en=slug_en)


def make_homestay(parent, amenities=(), publish_it=True, **fields):
    """A homestay under ``parent`` with plausible defaults; every field can be overridden."""
    n = next(_numbers)
    defaults = {
        "title_vi": f"Homestay thử {n}",
        "title_en": f"Test homestay {n}",
        "slug_vi": f"homestay-thu-{n}",
        "slug_en": f"test-homestay-{n}",
        "host_name": "Gia đình thử",
        "capacity": 4,
        "rooms": 2,
        "price_min": 200000,
        "price_max": 300000,
        "latitude": parent.latitude,
        "longitude": parent.longitude,
        "phone": "0912 000 111",
    }
    page = add_page(parent, HomestayPage, publish_it=False, **{**defaults, **fields})
    with translation.override("vi"):
        page.amenities.set(list(Amenity.objects.filter(slug__in=amenities)))
        page.save()
    return publish(page) if publish_it else page


def make_homestays_fast(parent, count, image=None, amenities=("hot-water", "meals")):
    """``count`` live homestays added without revisions (for query-count tests)."""
    chosen = list(Amenity.objects.filter(slug__in=amenities))
    pages = []
    with translation.override("vi"):
        for _ in range(count):
            n = next(_numbers)
            page = HomestayPage(
                title=f"Nhà thử {n}",
                slug=f"nha-thu-{n}",
                title_vi=f"Nhà thử {n}",
                title_en=f"Test house {n}",
                slug_vi=f"nha-thu-{n}",
                slug_en=f"test-house-{n}",
                host_name="Gia đình thử",
                capacity=6,
                rooms=2,
                price_min=100000 + n,
                price_max=200000 + n,
                latitude=parent.latitude,
                longitude=parent.longitude,
                image=image,
                phone="0912 000 222",
            )
            parent.add_child(instance=page)
            page.amenities.set(chosen)
            page.save()
            pages.append(page)
    return pages
