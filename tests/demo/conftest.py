"""The demo smoke tests: the only tests that see the demo content.

Every test here runs on the demo (``demo_site``: loaded once for the package inside a
transaction that is rolled back afterwards); every other test builds its own data.
"""

import pytest
from django.core.cache import caches

from portal.models import HomePage
from tests.factories import rolled_back


@pytest.fixture(autouse=True)
def _on_the_demo(demo_site, db):
    """Each test in tests/demo/ runs on the demo content."""


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content instead of the test site, for the tests of this package.

    The test site's pages and snippets are removed and the demo loaded inside an
    outer transaction; each test nests in it, and the whole is rolled back after the
    package, so the tests after it find the test site again. The package runs whole
    on one xdist worker (tests/scheduling.py), so the demo is loaded once per run.
    """
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from events.models import EventCategory
    from villages.models import Amenity, Commune, EthnicGroup

    with rolled_back(django_db_blocker):
        home = HomePage.objects.get()
        Site.objects.all().delete()
        home.delete()
        for model in (EventCategory, Amenity, Commune, EthnicGroup):
            model.objects.all().delete()
        Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())
        call_command("load_demo", force=True, verbosity=0)
        for cache in caches.all():
            cache.clear()
        yield
