"""The test run shares tests between xdist workers so that data built once for a
module or package (tests/scheduling.py) is built once per run, not once per worker."""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.scheduling import SHARED_DATA, shared_data_group

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def _wide_fixtures(path):
    """Names of the fixtures in ``path`` declared with scope "module", "package" or
    "session"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            for keyword in decorator.keywords:
                if keyword.arg == "scope" and getattr(keyword.value, "value", None) in (
                    "module",
                    "package",
                    "session",
                ):
                    yield node.name


def test_every_module_or_package_wide_fixture_runs_on_a_single_worker():
    """Every fixture built once for a module, a package or (outside tests/conftest.py,
    whose test database every worker needs) a session is covered by SHARED_DATA."""
    uncovered = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "tests/conftest.py":
            continue
        nodeid = relative + "::any"
        if relative.endswith("conftest.py"):
            nodeid = relative.rsplit("/", 1)[0] + "/test_any.py::any"
        for name in _wide_fixtures(path):
            if shared_data_group(nodeid) == nodeid:
                uncovered.append(f"{relative}: {name}")
    assert uncovered == []


def test_every_shared_data_entry_names_an_existing_module_or_package():
    missing = [path for path in SHARED_DATA if not (ROOT / path).exists()]
    assert missing == []


def test_a_group_is_a_whole_package_or_exactly_one_module():
    assert shared_data_group("tests/demo/test_places_demo.py::test_x") == "tests/demo/"
    assert (
        shared_data_group("tests/portal/test_faults.py::test_x[/vi/]")
        == "tests/portal/test_faults.py"
    )
    # A module whose name merely starts like a listed one is not in its group.
    other = "tests/portal/test_faults_other.py::test_x"
    assert shared_data_group(other) == other
    single = "tests/villages/test_finder.py::test_x"
    assert shared_data_group(single) == single


CONFTEST = """
import importlib.util

spec = importlib.util.spec_from_file_location("scheduling", {path!r})
scheduling = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scheduling)


def pytest_xdist_make_scheduler(config, log):
    return scheduling.SharedDataScheduling(config, log)
"""

TEST_BODY = """
import os
import time

import pytest


@pytest.mark.parametrize("n", range({count}))
def test_record_the_worker(n):
    time.sleep(0.05)
    with open(os.environ["WORKERS_FILE"], "a") as out:
        out.write(f"{{os.environ['PYTEST_XDIST_WORKER']}} {module}\\n")
"""


def test_two_workers_run_each_group_whole_on_one_worker(tmp_path):
    """A real `pytest -n 2` run of throwaway tests laid out like ours: the tests of
    the demo package and of one listed module each ran on a single worker."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "conftest.py").write_text(CONFTEST.format(path=str(TESTS / "scheduling.py")))
    modules = {
        "tests/demo/test_one.py": 6,
        "tests/demo/test_two.py": 6,
        "tests/portal/test_page_query_counts.py": 8,
        "tests/portal/test_free.py": 12,
    }
    for module, count in modules.items():
        path = tmp_path / module
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(TEST_BODY.format(count=count, module=module)))
    workers_file = tmp_path / "workers.txt"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "WORKERS_FILE": str(workers_file)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ran = [line.split() for line in workers_file.read_text().splitlines()]
    assert len(ran) == sum(modules.values())

    def workers(prefix):
        return {worker for worker, module in ran if module.startswith(prefix)}

    assert len(workers("tests/demo/")) == 1
    assert len(workers("tests/portal/test_page_query_counts.py")) == 1
    assert {worker for worker, _ in ran} == {"gw0", "gw1"}
