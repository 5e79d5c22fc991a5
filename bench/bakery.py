"""Wagtail's bakerydemo, installed into a throwaway folder for bench/run.py.

    site = Bakerydemo(work / "bakerydemo", source=None).install()   # or raises
    site.gunicorn_command(port, cached=True)                           # argv list

Source: ``--bakerydemo <checkout or git directory>``, else the environment variable
BENCH_BAKERYDEMO (a local mirror or checkout), else the public repository
(https://github.com/wagtail/bakerydemo), cloned and checked out at PIN. PIN is
the last commit on Django 5.2 (Wagtail 7.2): from 49cda62 (2026-01-05) on,
bakerydemo requires Django 6.0, which needs Python >= 3.12, and this machine has
Python 3.11. Its requirements (requirements/base.txt) and the project's gunicorn
(and django-tasks 0.8.1, see DJANGO_TASKS) go into a venv of its own from the
package registry; its SQLite database and
media stay in the folder. Errors: BakerydemoUnavailable with what failed.
"""

import os
import subprocess
import sys
from pathlib import Path

PIN = "3c7e3af163175cdf9bd7b5c0c3fb80297b152724"
UPSTREAM = "https://github.com/wagtail/bakerydemo"
GUNICORN = "gunicorn==25.3.0"  # as requirements.txt
# Wagtail 7.2 accepts django-tasks >=0.8,<0.10 and pip picks 0.9.0, whose TaskResult
# (a slotted generic dataclass) raises "TypeError: super(type, obj)" on Python 3.11
# as soon as a task is enqueued (load_initial_data fails); 0.8.1 works.
DJANGO_TASKS = "django-tasks==0.8.1"

SETTINGS = """# Written by bench/run.py: bakerydemo as a production-like site, bench only.
import os

from .base import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = ["bench_querycount.QueryCountMiddleware", *MIDDLEWARE]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("BENCH_PAGE_CACHE") == "1":
    # Django's per-site cache, as bakerydemo's docs suggest for a cached site.
    MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    CACHE_MIDDLEWARE_SECONDS = 300
"""


class BakerydemoUnavailable(Exception):
    """bakerydemo could not be fetched, installed or prepared; str() says why."""


class Bakerydemo:
    def __init__(self, folder, source=None, log=print):
        self.folder = Path(folder)
        self.source = source or os.environ.get("BENCH_BAKERYDEMO") or UPSTREAM
        self.log = log
        self.python = self.folder / ".venv" / "bin" / "python"

    def _run(self, what, args, **kwargs):
        done = subprocess.run(args, capture_output=True, text=True, **kwargs)
        if done.returncode:
            tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
            raise BakerydemoUnavailable(f"{what} failed: {' | '.join(tail)}")
        return done

    def env(self, cached=False):
        return {
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.bench",
            "BENCH_PAGE_CACHE": "1" if cached else "0",
            "PYTHONPATH": str(self.folder),
        }

    def install(self):
        self.log(f"bakerydemo: {self.source} at {PIN[:12]}…")
        self._run("git clone", ["git", "clone", "-q", self.source, str(self.folder)])
        self._run("git checkout", ["git", "-C", str(self.folder), "checkout", "-q", PIN])
        self._run("venv", [sys.executable, "-m", "venv", str(self.folder / ".venv")])
        self._run(
            "pip install (Python {}.{})".format(*sys.version_info[:2]),
            [str(self.python), "-m", "pip", "install", "-q"]
            + ["-r", "requirements/base.txt", GUNICORN, DJANGO_TASKS],
            cwd=self.folder,
            timeout=900,
        )
        (self.folder / "bakerydemo" / "settings" / "bench.py").write_text(SETTINGS)
        querycount = Path(__file__).resolve().parent / "bench_querycount.py"
        (self.folder / "bench_querycount.py").write_text(querycount.read_text())
        # collectstatic: with DEBUG off its ManifestStaticFilesStorage answers 500
        # for every page until the manifest exists.
        steps = (["migrate", "--noinput"], ["load_initial_data"], ["collectstatic", "--noinput"])
        for args in steps:
            self._run(
                f"manage.py {args[0]}",
                [str(self.python), "manage.py", *args],
                cwd=self.folder,
                env=self.env(),
                timeout=900,
            )
        return self

    def gunicorn_command(self, port, workers=2):
        return [
            str(self.python),
            "-m",
            "gunicorn",
            "bakerydemo.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--chdir",
            str(self.folder),
        ]
