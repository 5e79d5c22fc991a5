from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, redirects

        redirects.connect_signals()
        cache.connect_signals()
        post_migrate.connect(_sync_site_address, sender=self)


def _sync_site_address(**kwargs):
    """After every migrate (deploys, `make run`): the Site record names PORTAL_BASE_URL."""
    from portal.address import sync_site

    sync_site()
