"""Shared fixtures: the demo site is loaded once per test database.

Every test that uses the database runs inside a transaction on top of the demo
content (pytest-django rolls it back), so tests can read the demo pages and
change them freely.
"""

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", force=True, verbosity=0)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def vietnamese():
    """Run the test body with Vietnamese active, as code that saves pages must."""
    with translation.override("vi"):
        yield
