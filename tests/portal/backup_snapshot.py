"""What a backup must preserve, as plain JSON: every page's fields (both languages),
snippets, site settings, images and documents with their files' SHA-256.

Run in the test process and in a process on the restored database; the two must
be equal. Content types are compared by name (their ids differ between databases),
StreamFields as data (PostgreSQL's jsonb reorders keys).
"""

import hashlib
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from modeltranslation.manager import get_translatable_fields_for_model
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models


def _row(obj):
    values = {}
    # A translated field's own column (Page.title), as stored: reading it through
    # django-modeltranslation would answer the active language's value instead.
    translated = get_translatable_fields_for_model(type(obj)) or []
    for name in translated:
        field, value = obj._meta.get_field(name), obj.__dict__.get(name)
        if isinstance(field, StreamField):
            value = json.loads(json.dumps(field.get_prep_value(value), sort_keys=True))
        values[name] = value if value is None or isinstance(value, str | list) else str(value)
    for field in obj._meta.concrete_fields:
        if field.name in translated:
            continue
        if field.is_relation and field.related_model is ContentType:
            content_type = getattr(obj, field.name)
            values[field.name] = content_type and f"{content_type.app_label}.{content_type.model}"
        elif isinstance(field, StreamField):
            values[field.attname] = json.loads(field.value_to_string(obj) or "[]")
        else:
            values[field.attname] = field.value_to_string(obj)
    return values


def _rows(model):
    return {str(obj.pk): _row(obj) for obj in model.objects.order_by("pk")}


def _file_sha256(field_file):
    with field_file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def snapshot():
    settings_models = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    ]
    return {
        "pages": {str(page.pk): _row(page) for page in Page.objects.order_by("pk").specific()},
        "snippets": {model._meta.label: _rows(model) for model in get_snippet_models()},
        "settings": {model._meta.label: _rows(model) for model in settings_models},
        "images": {
            str(image.pk): {**_row(image), "sha256": _file_sha256(image.file)}
            for image in get_image_model().objects.order_by("pk")
        },
        "documents": {
            str(doc.pk): {**_row(doc), "sha256": _file_sha256(doc.file)}
            for doc in get_document_model().objects.order_by("pk")
        },
    }
