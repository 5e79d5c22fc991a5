from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import register_converter

        from . import cache, login_throttle, redirects, uploads  # noqa: F401 - hooks
        from .converters import IdConverter

        register_converter(IdConverter, "id")
        uploads.bound_pillow_memory()

        redirects.connect_signals()
        cache.connect_signals()
