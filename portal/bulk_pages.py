"""Adding many pages at once, for generated bench data (bench/, generate_bench_data).

Wagtail's ``add_child`` saves one page at a time (tree lock, revision, signals,
search index: about 0.6 s a page on the bench machine). Here the tree paths are
computed in Python and the rows inserted in batches: the ``wagtailcore_page`` rows
with ``bulk_create``, the page type's own table with the same batched insert Django
uses inside ``bulk_create`` (which refuses multi-table models), then the search index
with the backend's own ``add_bulk``. No revision is written: a live page without one
renders, and the admin edits it from the page itself.

Only for new pages of one parent, inside one transaction, with Vietnamese active
(the base title/slug columns are the Vietnamese ones, DESIGN.md "Languages").
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from portal.cache import new_content_version
from portal.slugs import ascii_slug

INDEX_CHUNK = 1000


def next_step(parent):
    """The tree step (int) of ``parent``'s last child, 0 when it has none."""
    last = Page.objects.child_of(parent).order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) if last else 0


def fill_tree_fields(parent, pages, now=None):
    """Give unsaved ``pages`` (specific instances) their place under ``parent``:
    path, depth, url paths in every language, ASCII slugs from the titles when
    empty, locale, a fresh translation key, and the live/published state."""
    now = now or timezone.now()
    step = next_step(parent)
    content_types = {}
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        model = type(page)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model)
        page.content_type = content_types[model]
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = None
        for code in mt_settings.AVAILABLE_LANGUAGES:
            slug_field = build_localized_fieldname("slug", code)
            title = getattr(page, build_localized_fieldname("title", code), "") or ""
            if not getattr(page, slug_field, "") and title:
                setattr(page, slug_field, ascii_slug(title))
        page.draft_title = page.title
        page.set_url_path(parent)


def insert_rows(model, objects):
    """Insert the rows of ``model``'s own table (multi-table child) for ``objects``
    whose parent-table rows exist (``pk`` set)."""
    fields = list(model._meta.local_concrete_fields)
    batch = max(1, connection.ops.bulk_batch_size(fields, objects))
    for start in range(0, len(objects), batch):
        model._base_manager._insert(objects[start : start + batch], fields=fields)


def create_children(parent, pages, batch=500):
    """Insert unsaved specific ``pages`` (all of one model) as the last children of
    ``parent``; returns them with primary keys. The caller opens the transaction."""
    if not pages:
        return pages
    model = type(pages[0])
    fill_tree_fields(parent, pages)
    for start in range(0, len(pages), batch):
        chunk = pages[start : start + batch]
        Page.objects.bulk_create(chunk)  # sets page.id, the child table's key
        for page in chunk:
            page.page_ptr_id = page.id
            page._state.adding = False
        insert_rows(model, chunk)
    Page.objects.filter(pk=parent.pk).update(numchild=Page.objects.child_of(parent).count())
    parent.numchild = Page.objects.child_of(parent).count()
    new_content_version()  # bulk inserts send no signals: listings may show new pages
    return pages


def index_pages(model, pages, progress=None):
    """Add ``pages`` (instances of ``model``) to every search backend in chunks;
    ``progress(n)`` is called with the number indexed after each chunk."""
    backends = get_search_backends(with_auto_update=False)
    for start in range(0, len(pages), INDEX_CHUNK):
        chunk = pages[start : start + INDEX_CHUNK]
        for backend in backends:
            backend.add_bulk(model, chunk)
        if progress:
            progress(len(chunk))


def write_many_to_many(pages, name):
    """Write the through rows of the many-to-many field ``name`` from what each of the
    inserted ``pages`` holds in memory (modelcluster keeps assigned values there)."""
    field = type(pages[0])._meta.get_field(name) if pages else None
    if field is None:
        return
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = [
        through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
        for page in pages
        for item in getattr(page, name).all()
    ]
    through.objects.bulk_create(rows, batch_size=500)
    new_content_version()
