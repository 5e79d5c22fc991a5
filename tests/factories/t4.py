"""Routes in bulk for the query-count tests of tests/routes/: live pages added without
revisions, each with its own image and its own stops, fast enough for hundreds."""

import itertools

from django.conf import settings
from django.test import override_settings
from django.utils import translation
from wagtail.signal_handlers import disable_reference_index_auto_update

from villages.routes.models import RoutePage, RouteStop
from villages.routes.track import track_fields

from .images import make_image
from .routes import straight_track

_counter = itertools.count(1)


def add_routes_fast(index, count, stops):
    """``count`` live routes under ``index``, each with its own image, a short track of
    its own (shifted east a little each time) and ``stops`` (places) in order.

    The search index and the reference index are not updated (no listing reads them),
    which makes each page several times cheaper to add."""
    pages = []
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with (
        translation.override("vi"),
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        disable_reference_index_auto_update(),
    ):
        for _ in range(count):
            n = next(_counter)
            east = 0.0001 * (n % 1000)
            points = straight_track((21.53, 107.39 + east, 500.0), (21.54, 107.39 + east, 600.0), 5)
            page = RoutePage(
                title=f"Cung đường loạt {n}",
                title_vi=f"Cung đường loạt {n}",
                title_en=f"Bulk route {n}",
                slug=f"cung-duong-loat-{n}",
                slug_vi=f"cung-duong-loat-{n}",
                slug_en=f"bulk-route-{n}",
                introduction_vi=f"Cung đường loạt {n}.",
                introduction_en=f"Bulk route {n}.",
                best_months=[3],
                live=True,
                image=make_image(f"Ảnh cung đường loạt {n}", width=64, height=40),
                **track_fields(points, "walk", f"bulk-route-{n}.gpx"),
            )
            index.add_child(instance=page)
            pages.append(page)
        RouteStop.objects.bulk_create(
            [
                RouteStop(page=page, place=place, sort_order=order)
                for page in pages
                for order, place in enumerate(stops)
            ]
        )
    return pages
