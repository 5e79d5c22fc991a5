"""Idempotent page creation for demo content: a second run changes nothing."""

import json

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

from portal.i18n import default_language


def stream(blocks):
    """StreamField raw data from (type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _comparable(value):
    if hasattr(value, "raw_data"):  # StreamValue: compare content, not block ids
        return [{"type": b["type"], "value": b["value"]} for b in value.raw_data]
    if hasattr(value, "pk"):
        return value.pk
    return value


def _wanted(model, name, value):
    """The value as the model will hold it after saving (so "12.0" equals Decimal("12.0"))."""
    if isinstance(value, str) and value.startswith('[{"type"'):
        return json.loads(value)
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return _comparable(value)
    if getattr(field, "concrete", False) and not field.is_relation:
        value = field.to_python(value)
    return _comparable(value)


def upsert_page(parent, model, fields):
    """Create the child of ``parent`` whose Vietnamese slug is fields["slug_vi"],
    or bring it up to date; publish only when something changed.

    Pages are saved with Vietnamese active so that Wagtail's base title and
    slug columns hold the default language.
    """
    with translation.override(default_language()):
        page = model.objects.child_of(parent).filter(slug_vi=fields["slug_vi"]).first()
        created = page is None
        if created:
            page = model(title=fields["title_vi"], slug=fields["slug_vi"])
        changed = created
        for name, value in fields.items():
            if _comparable(getattr(page, name)) != _wanted(model, name, value):
                setattr(page, name, value)
                changed = True
        if created:
            parent.add_child(instance=page)
        if changed:
            page.save_revision().publish()
            page.refresh_from_db()
        return page
