"""Checkers that run outside Python (Java's Nu Html Checker, node's ical.js).

On a fresh machine with only python3, make and git, `make test` skips the tests that
need them and says how to enable them; under CI (CI=true, set by .ci/run, which
installs them) a missing checker is a failure, never a silent skip.
"""

import os

import pytest


def require(available, how):
    """Skip (locally) or fail (in CI) unless ``available``; ``how`` tells the fix."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs this checker: {how}")
    pytest.skip(f"checker not installed: {how}")
