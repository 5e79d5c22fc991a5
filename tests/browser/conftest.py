"""Browser tests: Playwright for Python driving Debian's chromium.

A real server is started once per session on a throwaway SQLite database holding
the test site of tests/factories/site.py (not the demo), served as `make run`
serves it; ``site_pages`` gives the paths of its pages in each language. Without chromium the tests
are skipped with a message saying how to enable them; with
PORTAL_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser is a failure.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HOW_TO_ENABLE = (
    "Browser tests need Debian's chromium at /usr/bin/chromium "
    "(sudo apt-get install -y chromium), or PORTAL_CHROMIUM=/path/to/chromium."
)


def _missing_browser():
    if not Path(CHROMIUM).exists():
        return HOW_TO_ENABLE
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Browser tests need playwright: pip install -r requirements-dev.txt."
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing_browser()
    if reason is None:
        return
    browser_items = [item for item in items if "browser" in item.keywords]
    if browser_items and os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"PORTAL_REQUIRE_BROWSER=1 but: {reason}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The test server did not answer at {url}")


BUILD_TEST_SITE = (
    "import json; from tests.factories.site import build_site, page_urls; "
    "build_site(); print(json.dumps(page_urls()))"
)


@pytest.fixture(scope="session")
def _served_site():
    """(base URL, page paths) of the test site served by `manage.py runserver` on its
    own SQLite file."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-browser-"))
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(workdir),
        "PORTAL_MEDIA_ROOT": str(workdir / "media"),
        # The public address is the one this server answers on (portal/address.py).
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
    }
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["ensure_admin"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True)
    built = subprocess.run(
        manage + ["shell", "-v", "0", "-c", BUILD_TEST_SITE],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    paths = json.loads(built.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/healthz")
        yield url, paths
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url(_served_site):
    """Base URL of the served test site, e.g. ``http://127.0.0.1:41234``."""
    return _served_site[0]


@pytest.fixture(scope="session")
def site_pages(_served_site):
    """Paths of the served test site's pages: ``site_pages["village"]["vi"]``
    (names as in tests/factories/site.py)."""
    return _served_site[1]


@pytest.fixture(scope="module")
def browser():
    """Chromium, launched per test module: Playwright's sync API keeps an asyncio loop
    running in this thread while it is open, and Django refuses database work under a
    running loop (SynchronousOnlyOperation), so it must be closed before the next
    module's database tests run on the same worker."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (no cookies, no cache) on a small phone screen, that
    never reaches the internet (map tiles and other hosts are refused)."""
    from tests.browser.network import block_the_internet

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    block_the_internet(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
