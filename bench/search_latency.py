"""Search latency, small data against large data (issue #10, DESIGN.md budget 1.5×).

Runs on databases of its own, never on one it did not create: by default new
SQLite files in a new temporary directory (removed at the end); with ``--postgres
postgres://user@host:port`` new databases ``search_bench_<random>`` and its
``_small`` copy on that server, dropped at the end. Any DATABASE_URL, REDIS_URL,
page-cache or search-engine setting in the environment is ignored (the page cache
is off, so every search is computed). Steps: migrate, load the demo, keep a copy
of that database (small), run ``generate_bench_data`` at the given sizes on the
original (bulk insert and bulk index: large), then time every query
(``/vi/search/?q=…`` through Django's test client, in process) on both databases
in turn, round after round, so both sizes see the same machine load; print medians
of wall and CPU time, SQL query counts and the ratios.

    .venv/bin/python bench/search_latency.py                # the issue's sizes
    .venv/bin/python bench/search_latency.py --homestays 500 --events 1000
    .venv/bin/python bench/search_latency.py --postgres postgres://postgres@127.0.0.1:5432
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


def use_database(name):
    """Point Django's connection at database ``name`` (a SQLite path or a
    PostgreSQL database name) and connect, outside any timing. The caches (in this
    process's memory) get a key prefix of that database's own, so what one database's
    answers left there (content-version caches, cached counts and ids) is never read
    for the other's; the events' stored-horizon memo is dropped."""
    import hashlib

    from django.core.cache import caches
    from django.db import connection

    from events import listing

    connection.close()
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    prefix = "db-" + hashlib.sha256(str(name).encode()).hexdigest()[:12]
    for cache in caches.all():
        cache.key_prefix = prefix
    listing._horizon.clear()


def time_queries(client, databases, rounds):
    """{(database label, query): [(wall ms, cpu ms), …]} and {(label, query): SQL
    queries}: every query on each database in turn, round after round, so that
    both sizes see the same machine load."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, sql = {}, {}
    for _ in range(rounds):
        for query in QUERIES:
            for label, name in databases:
                use_database(name)
                with CaptureQueriesContext(connection) as captured:
                    wall, cpu = time.perf_counter(), time.process_time()
                    response = client.get("/vi/search/", {"q": query})
                    wall = (time.perf_counter() - wall) * 1000
                    cpu = (time.process_time() - cpu) * 1000
                assert response.status_code == 200, (query, response.status_code)
                timings.setdefault((label, query), []).append((wall, cpu))
                sql[(label, query)] = len(captured.captured_queries)
    return timings, sql


def median_of(timings, label, which=0):
    return statistics.median(
        [pair[which] for (size, _q), pairs in timings.items() if size == label for pair in pairs]
    )


class PostgresDatabase:
    """Databases created on ``server`` (postgres://user@host:port) and dropped on exit."""

    def __init__(self, server, name=None):
        self.server = server.rstrip("/")
        self.name = name or f"search_bench_{secrets.token_hex(4)}"
        self.names = [self.name]

    def run(self, statement):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def copy(self, suffix):
        """A copy of the database as it is now (CREATE DATABASE … TEMPLATE)."""
        name = f"{self.name}_{suffix}"
        self.names.append(name)
        self.run(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        return name

    def __enter__(self):
        self.run(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc):
        from django.db import connections

        connections.close_all()
        for name in self.names:
            self.run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args, postgres=None, measure=None, prefix="search-bench-"):
    """``measure(args, workdir, postgres)`` (this script's by default) in a new
    temporary folder, removed afterwards with the connections closed."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        (measure or globals()["measure"])(args, workdir, postgres)
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)


def loads():
    return " / ".join(f"{n:.1f}" for n in os.getloadavg())


def small_and_large(args, workdir, postgres, run_twice=False):
    """Demo database → a copy of it (small) → sample data added to the original
    (large); then Django set up in this process on the bench environment. Returns a
    test client and [("small", name), ("large", name)] for :func:`use_database`.
    ``run_twice`` runs ``generate_bench_data`` a second time (it must add nothing)."""
    database_url = f"{postgres.server}/{postgres.name}" if postgres else None
    env = bench_environment(workdir, database_url)
    print(f"load average at start: {loads()}")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    if postgres:
        small_name, large_name = postgres.copy("small"), postgres.name
    else:
        large_name = str(workdir / "portal.sqlite3")
        small_name = str(workdir / "small.sqlite3")
        shutil.copyfile(large_name, small_name)
    sizes = ["--villages", str(args.villages), "--homestays", str(args.homestays)]
    sizes += ["--events", str(args.events), "--routes", str(args.routes)]
    generated = manage(env, "generate_bench_data", *sizes)
    again = f"; second run {manage(env, 'generate_bench_data', *sizes):.0f} s" if run_twice else ""
    print(f"generate_bench_data: {generated:.0f} s{again}")
    for name in IGNORED_ENVIRONMENT:
        os.environ.pop(name, None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    return Client(), [("small", small_name), ("large", large_name)]


def measure(args, workdir, postgres):
    """The queries timed on the small and the large database, interleaved."""
    client, databases = small_and_large(args, workdir, postgres, run_twice=True)
    from wagtail.models import Page

    pages = {}
    for label, name in databases:
        use_database(name)
        pages[label] = Page.objects.count()
    time_queries(client, databases, 1)  # warm up
    timings, sql = time_queries(client, databases, args.rounds)
    print(f"{'query':<20} {'small ms':>9} {'large ms':>9} {'SQL':>7}")
    for query in QUERIES:
        small = statistics.median(w for w, _c in timings[("small", query)])
        large = statistics.median(w for w, _c in timings[("large", query)])
        counts = f"{sql[('small', query)]}/{sql[('large', query)]}"
        print(f"{query:<20} {small:9.1f} {large:9.1f} {counts:>7}")
    for which, kind in ((0, "wall"), (1, "CPU")):
        small, large = median_of(timings, "small", which), median_of(timings, "large", which)
        print(
            f"median {kind} time: {pages['small']} pages {small:.1f} ms, "
            f"{pages['large']} pages {large:.1f} ms, ratio {large / small:.2f} (budget 1.5)"
        )
    print(f"load average at end: {loads()}")


def size_arguments(parser):
    """The sizes of the large data (the issue's by default), --rounds and --postgres."""
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
    return parser


def main():
    parser = size_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    parser.add_argument(
        "--postgres-name",
        metavar="NAME",
        help="Name of the database to create (default search_bench_<random>); must not exist.",
    )
    args = parser.parse_args()
    if args.postgres:
        with PostgresDatabase(args.postgres, args.postgres_name) as postgres:
            run(args, postgres)
    else:
        run(args)


if __name__ == "__main__":
    main()
