"""Bulk copies of a page, for query-count tests that need hundreds of pages fast.

``clone_pages(page, count)`` adds ``count`` live copies of ``page`` (any specific page
type) beside it, under the same parent, each with its own title, slug and URL path in
every language: the base page rows with one bulk insert, the specific rows with one
multi-row insert; no revisions, no signals (the search index is not updated).
"""

import itertools
import uuid

from django.db import connection
from django.db.models import F
from wagtail.models import Page

_counter = itertools.count(1)

# Page columns a copy must not share with its model.
_FRESH = {"id", "path", "translation_key", "latest_revision_id", "live_revision_id"}


def _next_step(parent):
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def clone_pages(page, count, **specific):
    """``count`` copies of ``page`` under its parent; ``specific`` sets specific fields
    (``image_id=…`` or a callable of the copy's number, e.g. ``image_id=lambda n: …``).
    Returns the copies' ids in order."""
    model = type(page)
    base = Page.objects.get(pk=page.pk)
    parent = base.get_parent()
    step = _next_step(parent)
    languages = [
        f.attname.removeprefix("slug_")
        for f in Page._meta.concrete_fields
        if f.attname.startswith("slug_")
    ]
    copies = []
    for i in range(count):
        n = next(_counter)
        row = {
            f.attname: getattr(base, f.attname)
            for f in Page._meta.concrete_fields
            if f.attname not in _FRESH
        }
        row["path"] = Page._get_path(parent.path, parent.depth + 1, step + i)
        row["translation_key"] = uuid.uuid4()
        row["title"] = row["draft_title"] = f"{base.title} · {n}"
        row["slug"] = f"{base.slug}-{n}"
        for code in languages:
            for name in ("title", "draft_title"):
                key = f"{name}_{code}"
                if row.get(key):
                    row[key] = f"{row[key]} · {n}"
            slug = row.get(f"slug_{code}")
            if slug:
                row[f"slug_{code}"] = f"{slug}-{n}"
                parent_path = getattr(parent, f"url_path_{code}", None)
                if parent_path and row.get(f"url_path_{code}"):
                    row[f"url_path_{code}"] = f"{parent_path}{slug}-{n}/"
        row["url_path"] = f"{parent.url_path}{row['slug']}/"
        copies.append((n, Page(**row)))
    created = Page.objects.bulk_create([copy for _n, copy in copies])
    if any(copy.pk is None for copy in created):  # backends that give no ids back
        paths = [copy.path for copy in created]
        ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
        for copy in created:
            copy.pk = ids[copy.path]
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)

    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = []
    for (n, _copy), copy in zip(copies, created, strict=True):
        values = []
        for f in fields:
            if f.attname == model._meta.pk.attname:
                value = copy.pk
            elif f.attname in specific:
                value = specific[f.attname]
                value = value(n) if callable(value) else value
            else:
                value = getattr(page, f.attname)
            values.append(f.get_db_prep_save(value, connection))
        rows.append(values)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    return [copy.pk for copy in created]
