from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import cache, i18n, normalisation, redirects, search
        from .collation import register_sqlite_collations

        i18n.route_by_default_language_slugs()
        search.index_empty_translations_as_nothing()
        redirects.connect_signals()
        cache.connect_signals()
        normalisation.connect_signals()
        connection_created.connect(register_sqlite_collations, dispatch_uid="portal_collations")
