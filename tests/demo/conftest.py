"""The demo smoke tests: the only tests that see the demo content.

Every test here runs on the demo (``demo_site``: loaded once per module inside a
transaction that is rolled back afterwards); every other test builds its own data.
"""

import pytest


@pytest.fixture(autouse=True)
def _on_the_demo(demo_site, db):
    """Each test in tests/demo/ runs on the demo content."""
