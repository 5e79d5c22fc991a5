from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "villages.routes"
    label = "routes"
    verbose_name = _("Routes")
    default_auto_field = "django.db.models.BigAutoField"
