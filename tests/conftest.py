"""Shared fixtures: the demo site is loaded once per test database.

Every test that uses the database runs inside a transaction on top of the demo
content (pytest-django rolls it back), so tests can read the demo pages and
change them freely.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from portal.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, verbosity=0)


@pytest.fixture(autouse=True)
def _default_language_at_the_start():
    """Every test starts with the site's default language active, whatever the test
    before it left active (the test client's requests switch languages and Django
    never switches back), so no result depends on the order tests run in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def vietnamese():
    """Run the test body with Vietnamese active, as code that saves pages must."""
    with translation.override("vi"):
        yield
