"""Every public page type and endpoint, small data against large data (issue 16:
"with the large data every page and endpoint within 1.5× of its small-data latency").

``bench/run.py`` measures twelve pages through gunicorn and wrk; this script covers
the rest in process, the way ``bench/search_latency.py`` does (and with its
helpers): its own SQLite files in a new temporary directory (or, with ``--postgres
postgres://user@host:port``, new databases on that server, dropped at the end), the
demo loaded and copied (small), ``generate_bench_data`` at the issue's sizes on the
original (large); the page cache off, so every answer is computed (the caches keyed
by content version, as in production, stay on). The paths: one live public page of
every page type (the first in tree order, in English), the search, the finder and
the agenda with filters, and every language-neutral endpoint (feeds, embed, GeoJSON,
GPX, the API, sitemap, robots.txt), each found on the small database and requested on
both, interleaved round after round. Prints, per path, the median wall time on each
size, the ratio (budget 1.5), the bytes and the SQL queries.

    .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --rounds 3 --homestays 500 --events 1000
    .venv/bin/python bench/scale.py --postgres postgres://postgres@127.0.0.1:5432
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_latency import (  # noqa: E402 - the bench folder is not a package
    PostgresDatabase,
    loads,
    run,
    size_arguments,
    small_and_large,
    use_database,
)

BUDGET = 1.5
FIXED_PATHS = [
    "/en/search/?q=homestay",
    "/vi/search/?q=le+hoi",
    "/en/search/suggest/?q=hom",
    "/feeds/events.ics?lang=en",
    "/feeds/events.rss?lang=en",
    "/embed/events/?lang=en&limit=20",
    "/api/places.geojson?lang=en",
    "/api/places.geojson?lang=en&type=village",
    "/api/places.geojson?lang=en&bbox=107.35,21.50,107.45,21.60",
    "/api/v2/pages/?lang=en",
    "/api/v2/events/?lang=en",
    "/api/v2/places/?lang=en",
    "/api/v2/images/",
    "/sitemap.xml",
    "/robots.txt",
    "/en/no-such-page/",
]


def discovered_paths():
    """Paths that depend on the content, read from the current database: the first
    live public page of each page type (English), the agenda's month and archive
    views, the finder with a filter, one event's calendar and one route's GPX and
    GeoJSON."""
    from wagtail.models import Page, get_page_models

    from events.models import EventIndexPage, EventPage
    from portal.i18n import page_url
    from villages.models import HomestayFinderPage
    from villages.routes.models import RoutePage

    def first(model):
        return model.objects.live().public().order_by("path").first()

    paths = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        page = first(model)
        if page is not None and page.depth > 1:
            paths.append(page_url(page, "en"))
    index, finder = first(EventIndexPage), first(HomestayFinderPage)
    if index:
        paths += [page_url(index, "en") + "?view=month", page_url(index, "en") + "?past=1"]
    if finder:
        paths.append(page_url(finder, "en") + "?guests=2")
    event, route = first(EventPage), first(RoutePage)
    if event:
        paths.append(f"/feeds/events/{event.pk}.ics?lang=en")
    if route:
        paths += [f"/api/routes/{route.pk}.gpx", f"/api/routes/{route.pk}.geojson"]
    return sorted(set(paths)) + FIXED_PATHS


def time_paths(client, databases, paths, rounds):
    """{(label, path): [wall ms, …]}, {(label, path): (status, bytes, SQL queries)}:
    each path on each database in turn, round after round."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, seen = {}, {}
    for _ in range(rounds):
        for path in paths:
            for label, name in databases:
                use_database(name)
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    content = b"".join(response) if response.streaming else response.content
                    wall = (time.perf_counter() - started) * 1000
                timings.setdefault((label, path), []).append(wall)
                seen[(label, path)] = (response.status_code, len(content), len(captured))
    return timings, seen


def report(paths, timings, seen):
    print(f"| path | small ms | large ms | ratio [<= {BUDGET}] | small bytes | large bytes | SQL |")
    print("|---|---|---|---|---|---|---|")
    over = []
    for path in paths:
        small = statistics.median(timings[("small", path)])
        large = statistics.median(timings[("large", path)])
        ratio = large / small
        (status_s, bytes_s, sql_s), (status_l, bytes_l, sql_l) = (
            seen[("small", path)],
            seen[("large", path)],
        )
        verdict = "ok" if ratio <= BUDGET else "MISSED"
        if ratio > BUDGET:
            over.append(path)
        status = "" if status_s == status_l == 200 else f" ({status_s}/{status_l})"
        print(
            f"| `{path}`{status} | {small:.1f} | {large:.1f} | {ratio:.2f} {verdict} "
            f"| {bytes_s} | {bytes_l} | {sql_s}/{sql_l} |"
        )
    print(f"\n{len(paths) - len(over)} of {len(paths)} within {BUDGET}x; over: {', '.join(over)}")


def measure(args, workdir, postgres):
    client, databases = small_and_large(args, workdir, postgres)
    use_database(databases[0][1])
    paths = discovered_paths()
    time_paths(client, databases, paths, 1)  # warm up: renditions, content caches
    timings, seen = time_paths(client, databases, paths, args.rounds)
    report(paths, timings, seen)
    print(f"load average at end: {loads()}")


def main():
    args = size_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    if args.postgres:
        with PostgresDatabase(args.postgres) as postgres:
            run(args, postgres, measure, prefix="scale-bench-")
    else:
        run(args, None, measure, prefix="scale-bench-")


if __name__ == "__main__":
    main()
