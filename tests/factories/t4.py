"""Routes in bulk for the query-count tests of tests/routes/: live pages added without
revisions, each with its own image and its own stops, fast enough for hundreds."""

import itertools

from django.conf import settings
from django.db.models import F
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from villages.routes.models import RoutePage, RouteStop
from villages.routes.track import track_fields

from .images import make_image
from .routes import straight_track

_counter = itertools.count(1)


def add_routes_fast(index, count, stops):
    """``count`` live routes under ``index``, each with its own image, a short track of
    its own (shifted east a little each time) and ``stops`` (places) in order.

    Pages go into the tree as treebeard's ``add_child`` puts them, but without the
    validation, and the search and reference indexes are not updated (no listing reads
    them): this makes each page several times cheaper to add."""
    pages = []
    last = index.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
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
            step += 1
            page.depth, page.numchild = index.depth + 1, 0
            page.path = RoutePage._get_path(index.path, page.depth, step)
            page.save(clean=False)  # as treebeard's add_child, without the validation
            pages.append(page)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
        RouteStop.objects.bulk_create(
            [
                RouteStop(page=page, place=place, sort_order=order)
                for page in pages
                for order, place in enumerate(stops)
            ]
        )
    return pages
