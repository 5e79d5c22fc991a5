"""The serializer behind `manage.py backup`'s data.json (format "portable_json").

Django's JSON with natural keys only where ids differ between databases: content
types and permissions, which Django re-creates with new ids. Every other
reference keeps its primary key (Wagtail's page natural key is a URL path, which
modeltranslation makes per-language). Times keep their microseconds. Read back
by the plain "json" deserializer.
"""

import datetime

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import (
    Deserializer,  # noqa: F401 - the format's reader
    DjangoJSONEncoder,
)
from django.core.serializers.json import Serializer as JSONSerializer

NATURAL_KEY_MODELS = (ContentType, Permission)


class PreciseJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds; a backup keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            value = o.isoformat()
            return value[:-6] + "Z" if value.endswith("+00:00") else value
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseJSONEncoder

    def _natural_for(self, field):
        return self.use_natural_foreign_keys and issubclass(
            field.remote_field.model, NATURAL_KEY_MODELS
        )

    def handle_fk_field(self, obj, field):
        natural, self.use_natural_foreign_keys = (
            self.use_natural_foreign_keys,
            self._natural_for(field),
        )
        try:
            super().handle_fk_field(obj, field)
        finally:
            self.use_natural_foreign_keys = natural

    def handle_m2m_field(self, obj, field):
        natural, self.use_natural_foreign_keys = (
            self.use_natural_foreign_keys,
            self._natural_for(field),
        )
        try:
            super().handle_m2m_field(obj, field)
        finally:
            self.use_natural_foreign_keys = natural
