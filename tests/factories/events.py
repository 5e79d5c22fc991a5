"""Event factories: categories and events (a one-day event ten days ahead by default)."""

import datetime
import itertools

from events.models import EventCategory, EventPage
from events.occurrences import Kind

from . import add_page
from .images import make_image

_counter = itertools.count(1)


def add_category(slug, name_vi, name_en, schema_type="Event", sort_order=0):
    return EventCategory.objects.create(
        slug=slug,
        name=name_vi,
        name_vi=name_vi,
        name_en=name_en,
        schema_type=schema_type,
        sort_order=sort_order,
    )


def add_event(index, with_image=True, publish_it=True, **fields):
    """An event under ``index``; unless given: single, all-day, 10 days after today."""
    n = next(_counter)
    fields.setdefault("title_vi", f"Sự kiện thử {n}")
    fields.setdefault("title_en", f"Test Event {n}")
    fields.setdefault("slug_vi", f"su-kien-thu-{n}")
    fields.setdefault("slug_en", f"test-event-{n}")
    fields.setdefault("schedule_kind", Kind.SINGLE)
    fields.setdefault("start_date", datetime.date.today() + datetime.timedelta(days=10))
    fields.setdefault("venue_name_vi", f"Sân thử {n}")
    fields.setdefault("venue_name_en", f"Test ground {n}")
    fields.setdefault("summary_vi", f"Tóm tắt sự kiện thử {n}.")
    fields.setdefault("summary_en", f"Summary of test event {n}.")
    if with_image:
        fields.setdefault("image", make_image(f"Ảnh sự kiện thử {n}"))
    return add_page(index, EventPage, publish_it=publish_it, **fields)
