"""Many events at once for the events query-count tests: inserted in bulk (as
``generate_bench_data`` does) with their stored occurrences, each with its own image."""

from django.utils import translation

from events.bench_data import event_pages
from events.models import EventIndexPage
from events.models.occurrence import current_horizon, fill
from portal.bulk_pages import create_children, write_many_to_many

from .images import make_image


def add_bulk_events(start, count, venues, ethnic_groups=()):
    """``count`` published events numbered from ``start`` under the events index, held
    in turn at ``venues``, each with an image of its own; the n-th gets the first
    ``n % (len(ethnic_groups) + 1)`` ethnic groups. Returns the pages."""
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
