"""Factories: the tests build the pages they need; no test reads the demo content.

- ``add_page``/``publish``: any page type, in Vietnamese and English, under a parent.
- :mod:`tests.factories.images`: small generated images (``make_image``).
- :mod:`tests.factories.places`: ethnic groups, communes, amenities, villages,
  homestays, attractions (``add_village``, ``add_homestay``, ``add_attraction``,
  ``add_listing_homestay``: a homestay with amenities given by slug).
- :mod:`tests.factories.events`: categories and events (``add_event``).
- :mod:`tests.factories.routes`: routes with a track computed from given waypoints.
- :mod:`tests.factories.pages`: portal pages (``add_partners_page``).
- :mod:`tests.factories.bulk`: hundreds of pages, images and inline rows at once for
  the query-count tests, through the product's ``portal.bulk_pages`` (``bulk_children``
  and its wrappers ``bulk_places``, ``bulk_routes``, ``clone_pages``; ``bulk_images``,
  ``bulk_inline``, ``add_bulk_events``).
- :mod:`tests.factories.site`: the test site every test database starts with
  (home page and the section pages, plus a few pages of each type), built once per
  worker by ``build_site`` and reached in tests through the ``test_site`` fixture.

Every name here is made up for the tests (``Bản Thử …``, ``Test …``): none is a
real place, and none repeats the demo's slugs, titles or prices.
"""

import contextlib
import itertools

from django.core.cache import caches
from django.db import transaction
from django.utils import translation

from portal.models import StandardPage

_counter = itertools.count(1)


def publish(page):
    """Publish ``page``'s latest state (Vietnamese active) and return it fresh."""
    with translation.override("vi"):
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@contextlib.contextmanager
def indexes_written_by_publishing(model):
    """While a page of ``model`` is created and its first revision saved, neither the
    search index nor the reference index is written: the publish that follows writes
    both for the page's final state (as every publish does), so the page ends up
    indexed exactly as one an editor creates and publishes (each save would otherwise
    index it again: three times per page, a tenth of the suite's time)."""
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    disconnected = post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def add_page(parent, model=StandardPage, publish_it=True, **fields):
    """Add a ``model`` page under ``parent`` with Vietnamese and English fields.

    Unless given, titles and slugs are made unique in both languages. A published
    page is indexed (search, references) once, by its publication
    (:func:`indexes_written_by_publishing`); a draft by its creation, as in the admin.
    """
    n = next(_counter)
    fields.setdefault("title_vi", f"Trang thử {n}")
    fields.setdefault("title_en", f"Test page {n}")
    fields.setdefault("slug_vi", f"trang-thu-{n}")
    fields.setdefault("slug_en", f"test-page-{n}")
    m2m = {
        name: fields.pop(name)
        for name in list(fields)
        if name in {f.name for f in model._meta.many_to_many} or name in _parental_m2m_names(model)
    }
    with translation.override("vi"):
        page = model(title=fields["title_vi"], slug=fields["slug_vi"], **fields)
        for name, values in m2m.items():
            setattr(page, name, values)
        page.live = publish_it
        if not publish_it:
            parent.add_child(instance=page)
            page.save_revision()
            return page
        with indexes_written_by_publishing(model):
            parent.add_child(instance=page)
            revision = page.save_revision()
        revision.publish()
        page.refresh_from_db()
    return page


def _parental_m2m_names(model):
    from modelcluster.fields import ParentalManyToManyField

    return {f.name for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)}


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """Data for a whole module: what the block writes is rolled back at its end (each
    test nests in the outer transaction) and the caches are cleared, since what they
    derived from that data is gone. Use in a module-scoped fixture::

        with rolled_back(django_db_blocker):
            yield build_things()
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for cache in caches.all():
                cache.clear()
