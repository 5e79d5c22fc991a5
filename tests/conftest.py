"""Shared fixtures: every test database starts with the test site of
tests/factories/site.py (built once per worker), never with the demo content.

Tests run inside a transaction on top of that site (pytest-django rolls it back),
so they can change it freely. Only the demo smoke tests (``tests/demo/``) load the
demo, through the package-scoped ``demo_site`` fixture of tests/demo/conftest.py,
inside a transaction that is rolled back when their package ends.
"""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from portal.models import HomePage
from tests.factories.site import TestSite, build_site


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook; runs without it too
def pytest_xdist_make_scheduler(config, log):
    """Tests sharing data built once run on one worker (tests/scheduling.py); only
    for the default ``--dist load``, any other mode asked for is left to xdist."""
    if config.getoption("dist") == "load":
        from tests.scheduling import SharedDataScheduling

        return SharedDataScheduling(config, log)
    return None


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
