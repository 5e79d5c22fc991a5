"""Demo page and snippet creation that never overwrites staff content.

``load_demo`` runs the loaders inside a :func:`demo_session`. In the default mode a
loader creates what is missing and leaves everything that exists exactly as staff
left it (no new revision, no publish). What it creates is recorded
(:class:`portal.models.DemoRecord`), so a page an editor deleted is not created again.
With ``reset=True`` (``load_demo --reset``) the demo is restored on purpose: pages
and snippets are brought back to the demo's values and deleted pages come back.
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.models import Page

from portal.i18n import default_language


@dataclass
class DemoSession:
    """The mode of one ``load_demo`` run and the objects it created."""

    reset: bool = False
    created: set = field(default_factory=set)


_session = ContextVar("demo_session", default=None)


@contextmanager
def demo_session(reset=False):
    """Run demo loaders in create-only mode (default) or restore mode (``reset``)."""
    token = _session.set(DemoSession(reset=reset))
    try:
        yield _session.get()
    finally:
        _session.reset(token)


def current_session():
    """The running session; outside ``load_demo``, create-only."""
    return _session.get() or DemoSession()


def _identity(obj):
    label = "wagtailcore.page" if isinstance(obj, Page) else obj._meta.label_lower
    return label, obj.pk


def _mark_created(obj):
    session = _session.get()
    if session is not None:
        session.created.add(_identity(obj))


def may_change(obj):
    """True when the demo may write to ``obj``: created in this run, or ``--reset``.

    ``None`` (a page staff deleted) may never be changed.
    """
    if obj is None:
        return False
    session = current_session()
    return session.reset or _identity(obj) in session.created


def recorded(key, model):
    """(was created by the demo before, the object if it still exists)."""
    from portal.models import DemoRecord

    record = DemoRecord.objects.filter(key=key).first()
    if record is None:
        return False, None
    return True, model.objects.filter(pk=record.object_id).first()


def record(key, obj):
    """Remember that the demo made ``obj`` under ``key``."""
    from portal.models import DemoRecord

    DemoRecord.objects.update_or_create(key=key, defaults={"object_id": obj.pk})


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


def page_key(parent, model, slug_vi):
    """The demo key of the child page of ``parent`` with this Vietnamese slug."""
    return f"page:{model._meta.label_lower}:{parent.pk}:{slug_vi}"


def _find_page(parent, model, key, slug_vi):
    """(page or None, whether the demo created it once and staff deleted it)."""
    was_made, page = recorded(key, model)
    if page is not None:
        return page, False
    page = model.objects.child_of(parent).filter(slug_vi=slug_vi).first()
    if page is not None:
        record(key, page)  # made before records existed, or found again after --reset
        return page, False
    return None, was_made


def upsert_page(parent, model, fields):
    """The demo's child of ``parent`` whose Vietnamese slug is fields["slug_vi"].

    Creates and publishes it when missing. An existing page is returned untouched,
    wherever staff moved it and whatever they changed; a page staff deleted stays
    deleted and ``None`` is returned (so is it when ``parent`` is ``None``). Under
    ``--reset`` the page is recreated or brought back to ``fields`` and published
    when something differs. Pages are saved with Vietnamese active so that Wagtail's
    base title and slug columns hold the default language.
    """
    if parent is None:
        return None
    session = current_session()
    key = page_key(parent, model, fields["slug_vi"])
    with translation.override(default_language()):
        page, deleted = _find_page(parent, model, key, fields["slug_vi"])
        if page is None and deleted and not session.reset:
            return None
        if page is not None and not session.reset:
            return page
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
            record(key, page)
            _mark_created(page)
        if changed:
            page.save_revision().publish()
            page.refresh_from_db()
        return page


def ensure_object(model, lookup, fields):
    """The snippet matching ``lookup``: created with ``fields`` when missing,
    left as staff left it otherwise, brought back to ``fields`` under ``--reset``."""
    obj, created = model.objects.get_or_create(**lookup, defaults=fields)
    if created:
        _mark_created(obj)
    elif current_session().reset and any(getattr(obj, k) != v for k, v in fields.items()):
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
    return obj
