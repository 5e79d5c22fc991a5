"""Demo content: one entry point, extended by each app's own ``demo`` module.

`python manage.py load_demo` calls :func:`load_demo`. It runs portal's own
content first, then ``<app>.demo.load(context)`` for every installed project app
that has such a module, in INSTALLED_APPS order. Every loader is idempotent.
"""

from dataclasses import dataclass, field
from importlib import import_module, util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from portal.i18n import default_language


@dataclass
class DemoContext:
    """What each app's loader gets: the home page, the site and pages by key."""

    home: object = None
    site: object = None
    pages: dict = field(default_factory=dict)


def _in_project(config):
    """Apps whose code lives in this repository, nested ones (villages.routes) included."""
    top_level = Path(import_module(config.name.partition(".")[0]).__file__).parent
    return top_level.parent == Path(settings.BASE_DIR)


def app_demo_modules():
    """The ``demo`` modules of the project's apps other than portal, in order."""
    modules = []
    for config in apps.get_app_configs():
        if config.name == "portal" or not _in_project(config):
            continue
        name = f"{config.name}.demo"
        if util.find_spec(name) is not None:
            modules.append(import_module(name))
    return modules


@transaction.atomic
def load_demo():
    from portal.demo import numbers, site

    context = DemoContext()
    # Pages that existed before the translation columns (Wagtail's root) get
    # their default-language columns filled from Wagtail's base columns.
    call_command("update_translation_fields", "wagtailcore", "page", verbosity=0)
    with translation.override(default_language()):
        site.load(context)
        for module in app_demo_modules():
            module.load(context)
        numbers.load(context)
    return context
