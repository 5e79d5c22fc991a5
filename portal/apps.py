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
        self._connect_staff_signals()

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
