"""Demo content: one entry point, extended by each app's own ``demo`` module.

`python manage.py load_demo` calls :func:`load_demo`. It runs portal's own
content first, then ``<app>.demo.load(context)`` for every installed project app
that has such a module, in INSTALLED_APPS order.

Content belongs to the staff: loaders build pages with
:func:`portal.demo.pages.upsert_page`, snippets with ``ensure_object`` and images
with ``demo_image``, which create what is missing and change nothing that exists;
a loader writes to an existing object only when ``may_change(obj)`` says so (the
object was created in this run, or ``load_demo --reset`` restores the demo).
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


def has_content():
    """True when the database holds pages beyond Wagtail's root and welcome page."""
    from wagtail.models import Page

    from portal.models import DemoRecord

    if DemoRecord.objects.exists():
        return True
    return Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists()


@transaction.atomic
def load_demo(reset=False):
    """Create the missing demo content; with ``reset``, restore the demo as shipped."""
    from portal.demo import numbers, site, trip
    from portal.demo.pages import demo_session

    context = DemoContext()
    # Pages that existed before the translation columns (Wagtail's root) get
    # their default-language columns filled from Wagtail's base columns.
    call_command("update_translation_fields", "wagtailcore", "page", verbosity=0)
    with translation.override(default_language()), demo_session(reset=reset):
        site.load(context)
        trip.load(context)
        for module in app_demo_modules():
            module.load(context)
        numbers.load(context)
    return context
