from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.urls import register_converter

        from . import (  # noqa: F401 - login_throttle registers hooks
            cache,
            expiry,
            i18n,
            login_throttle,
            normalisation,
            page_indexes,
            purge,
            redirects,
            routing,
            search,
            slugs,
            uploads,
        )
        from .collation import register_sqlite_collations
        from .converters import IdConverter
        from .srcset import one_source_per_width

        register_converter(IdConverter, "id")
        uploads.bound_pillow_memory()

        i18n.route_by_default_language_slugs()
        i18n.memoize_site_root_paths()
        routing.route_in_one_query()
        search.index_empty_translations_as_nothing()
        one_source_per_width()
        redirects.connect_signals()
        cache.connect_signals()
        purge.connect_signals()
        normalisation.connect_signals()
        connection_created.connect(register_sqlite_collations, dispatch_uid="portal_collations")
        expiry.connect_signals()
        slugs.register_slug_widget()
        self._connect_staff_signals()
        post_migrate.connect(_sync_site_address, sender=self)
        post_migrate.connect(page_indexes.index_translated_slugs, sender=self)

    def _connect_staff_signals(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_migrate, post_save

        from villages.models import VillagePage
        from villages.staff import village_saved

        from . import staff

        post_migrate.connect(staff.run_after_migrate, dispatch_uid="portal_staff_roles")
        post_save.connect(
            staff.prefer_vietnamese, sender=get_user_model(), dispatch_uid="portal_staff_language"
        )
        post_save.connect(village_saved, sender=VillagePage, dispatch_uid="portal_commune_group")


def _sync_site_address(**kwargs):
    """After every migrate (deploys, `make run`): the Site record names PORTAL_BASE_URL."""
    from portal.address import sync_site

    sync_site()
