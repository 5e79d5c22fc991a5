from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, expiry, redirects, slugs

        redirects.connect_signals()
        cache.connect_signals()
        expiry.connect_signals()
        slugs.register_slug_widget()
