"""How pytest-xdist shares the tests out between its workers.

Most tests are handed out one by one, as ``--dist load`` does. The tests of a module
or package listed in ``SHARED_DATA`` go whole to one worker: they share data built
once by a module-, package- or session-scoped fixture (500 items of every kind, the
demo content, the browser tests' served site), and split between workers that data
would be built once per worker.

pytest-xdist's own way to say this, ``xdist_group`` marks with ``--dist loadgroup``,
does not keep the groups together with this pytest (pytest-dev/pytest-xdist#1295,
#1241), so the grouping is done here, through its ``pytest_xdist_make_scheduler`` hook
and the ``_split_scope`` extension point that its ``loadfile`` mode also uses.
"""

from xdist.scheduler import LoadScopeScheduling

# Paths (relative to the repository) of the modules and packages whose tests share
# data built once; tests/portal/test_scheduling.py checks that every module- or
# package-scoped fixture outside the browser tests is covered.
SHARED_DATA = (
    # The served test site (a migrated SQLite database and runserver, ≈ 23 s) is
    # session-wide: split between workers it would be built by each of them.
    "tests/browser/",
    "tests/demo/",
    "tests/events/",  # the calendar of tests/events/conftest.py, built once per module
    "tests/portal/test_page_query_counts.py",
    "tests/portal/test_english_and_nfc.py",
    "tests/portal/test_faults.py",
    "tests/portal/test_privacy_sweep.py",
    "tests/search/test_query_table.py",
)


def shared_data_group(nodeid):
    """The group a test belongs to: its ``SHARED_DATA`` entry, or its own node id."""
    for path in SHARED_DATA:
        if nodeid.startswith(path) and (path.endswith("/") or nodeid[len(path) :][:2] == "::"):
            return path
    return nodeid


class SharedDataScheduling(LoadScopeScheduling):
    """``--dist loadscope`` with one scope per test, except the SHARED_DATA groups.

    The groups, the largest first (xdist orders scopes by their number of tests), go
    to the workers before the single tests, which then even out the workers' loads."""

    def _split_scope(self, nodeid):
        return shared_data_group(nodeid)
