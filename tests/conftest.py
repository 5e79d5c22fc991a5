"""Shared fixtures: every test database starts with the test site of
tests/factories/site.py (built once per worker), never with the demo content.

Tests run inside a transaction on top of that site (pytest-django rolls it back),
so they can change it freely. Only the demo smoke tests (``tests/demo/``) load the
demo, through the module-scoped ``demo_site`` fixture, inside a transaction that is
rolled back when their module ends.
"""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from portal.models import HomePage
from tests.factories import rolled_back
from tests.factories.site import TestSite, build_site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_site()


@pytest.fixture(autouse=True)
def _default_language_at_the_start():
    """Every test starts with the site's default language active, whatever the test
    before it left active (the test client's requests switch languages and Django
    never switches back), so no result depends on the order tests run in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _caches_forget_each_test():
    """The database is rolled back after every test, so whatever the caches derived
    from it (pages, renditions, site root paths, lists of villages) goes too."""
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def test_site(db):
    """The test site's pages and snippets, read fresh: ``test_site.village``."""
    return TestSite()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def vietnamese():
    """Run the test body with Vietnamese active, as code that saves pages must."""
    with translation.override("vi"):
        yield


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content instead of the test site, for one module's tests.

    The test site's pages and snippets are removed and the demo loaded inside an
    outer transaction; each test nests in it, and the whole is rolled back after the
    module, so the next module finds the test site again.
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
