"""Search latency, small data against large data (issue #10, DESIGN.md budget 1.5×).

Runs on a database of its own, never on one it did not create: by default a new
SQLite file in a new temporary directory; with ``--postgres postgres://user@host:port``
a new database ``search_bench_<random>`` on that server, dropped at the end. Any
DATABASE_URL, REDIS_URL, page-cache or search-engine setting in the environment is
ignored (the page cache is off, so every search is computed). Steps: migrate, load
the demo, time the queries (``/vi/search/?q=…`` through Django's test client, in
process), run ``generate_bench_data`` at the given sizes (bulk insert and bulk
index), time the same queries again, print medians, SQL query counts and the ratio.

    .venv/bin/python bench/search_latency.py                # the issue's sizes
    .venv/bin/python bench/search_latency.py --homestays 500 --events 1000
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["dinh luc na", "homestay luc hon", "le hoi", "san chi", "cao xi", "rằm tháng Giêng"]
IGNORED_ENVIRONMENT = (
    "DATABASE_URL",
    "REDIS_URL",
    "REDIS_PAGE_CACHE_URL",
    "PAGE_CACHE",
    "WAGTAILSEARCH_URLS",
    "WAGTAILSEARCH_BACKEND",
)


def bench_environment(workdir, database_url=None):
    env = {k: v for k, v in os.environ.items() if k not in IGNORED_ENVIRONMENT}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    env["PORTAL_VAR_DIR"] = str(workdir)
    env["PORTAL_MEDIA_ROOT"] = str(workdir / "media")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env, *command):
    """Run ``manage.py command`` in the bench environment; returns seconds taken."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command], env=env, cwd=ROOT, check=True
    )
    return time.perf_counter() - started


def time_queries(client, rounds):
    """{query: [ms, …]} over ``rounds`` rounds of every query, and SQL queries each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = {query: [] for query in QUERIES}
    sql = {}
    for _ in range(rounds):
        for query in QUERIES:
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get("/vi/search/", {"q": query})
                timings[query].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (query, response.status_code)
            sql[query] = len(captured.captured_queries)
    return timings, sql


def median_of(timings):
    return statistics.median([ms for values in timings.values() for ms in values])


class PostgresDatabase:
    """A database created on ``server`` (postgres://user@host:port) and dropped on exit."""

    def __init__(self, server):
        self.server = server.rstrip("/")
        self.name = f"search_bench_{secrets.token_hex(4)}"

    def _run(self, statement):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def __enter__(self):
        self._run(f'CREATE DATABASE "{self.name}"')
        return f"{self.server}/{self.name}"

    def __exit__(self, *exc):
        from django.db import connections

        connections.close_all()
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def run(args, database_url=None):
    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        measure(args, bench_environment(workdir, database_url))
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)


def measure(args, env):
    print(f"load average at start: {' / '.join(f'{n:.1f}' for n in os.getloadavg())}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    for name in IGNORED_ENVIRONMENT:
        os.environ.pop(name, None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Page

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    time_queries(client, 1)  # warm up
    small_pages = Page.objects.count()
    small, small_sql = time_queries(client, args.rounds)
    sizes = ["--villages", str(args.villages), "--homestays", str(args.homestays)]
    sizes += ["--events", str(args.events), "--routes", str(args.routes)]
    generated = manage(env, "generate_bench_data", *sizes)
    again = manage(env, "generate_bench_data", *sizes)
    large_pages = Page.objects.count()
    time_queries(client, 1)
    large, large_sql = time_queries(client, args.rounds)
    added = large_pages - small_pages
    print(f"generated {added} pages in {generated:.0f} s (second run: {again:.0f} s)")
    print(f"{'query':<20} {'small ms':>9} {'large ms':>9} {'SQL':>7}")
    for query in QUERIES:
        print(
            f"{query:<20} {statistics.median(small[query]):9.1f} "
            f"{statistics.median(large[query]):9.1f} {small_sql[query]:>3}/{large_sql[query]:<3}"
        )
    small_ms, large_ms = median_of(small), median_of(large)
    print(f"median search latency: {small_pages} pages {small_ms:.1f} ms, ", end="")
    print(f"{large_pages} pages {large_ms:.1f} ms")
    print(f"ratio {large_ms / small_ms:.2f} (budget 1.5)")
    print(f"load average at end: {' / '.join(f'{n:.1f}' for n in os.getloadavg())}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=50)
    parser.add_argument("--homestays", type=int, default=5000)
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--routes", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--postgres",
        metavar="SERVER_URL",
        help="Measure on a new database on this PostgreSQL server (dropped at the end).",
    )
    args = parser.parse_args()
    if args.postgres:
        with PostgresDatabase(args.postgres) as url:
            run(args, url)
    else:
        run(args)


if __name__ == "__main__":
    main()
