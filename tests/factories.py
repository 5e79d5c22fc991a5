"""Small page factories: a page in both languages, published, under a parent."""

import itertools

from django.utils import translation

from portal.models import StandardPage

_counter = itertools.count(1)


def publish(page):
    with translation.override("vi"):
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def add_page(parent, model=StandardPage, publish_it=True, **fields):
    """Add a ``model`` page under ``parent`` with Vietnamese and English fields.

    Unless given, titles and slugs are made unique in both languages.
    """
    n = next(_counter)
    fields.setdefault("title_vi", f"Trang thử {n}")
    fields.setdefault("title_en", f"Test page {n}")
    fields.setdefault("slug_vi", f"trang-thu-{n}")
    fields.setdefault("slug_en", f"test-page-{n}")
    with translation.override("vi"):
        page = model(title=fields["title_vi"], slug=fields["slug_vi"], **fields)
        page.live = publish_it
        parent.add_child(instance=page)
        if not publish_it:
            page.save_revision()
    return publish(page) if publish_it else page
