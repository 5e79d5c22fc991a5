"""Search latency, small data against large data (issue #10, DESIGN.md budget 1.5×).

Runs on its own throwaway SQLite database in a new temporary directory (any
DATABASE_URL, REDIS_URL or search-engine URL in the environment is ignored, so no
existing database, cache or index is touched): migrate, demo, time a
set of queries; then add ``--homestays`` homestays and ``--events`` events (both
languages, indexed), time the same queries again, and print the medians and the
ratio. Small on purpose: the project-wide data generator belongs to another bench.

    .venv/bin/python bench/search_latency.py --homestays 500 --events 1000
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["dinh luc na", "homestay luc hon", "le hoi", "san chi", "cao xi", "rằm tháng Giêng"]


def prepare(workdir):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    for name in (
        "DATABASE_URL",
        "REDIS_URL",
        "REDIS_PAGE_CACHE_URL",
        "WAGTAILSEARCH_URLS",
        "WAGTAILSEARCH_BACKEND",
    ):
        env.pop(name, None)
        os.environ.pop(name, None)
    env["PORTAL_VAR_DIR"] = str(workdir)
    env["PORTAL_MEDIA_ROOT"] = str(workdir / "media")
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True)
    os.environ.update(env)


def time_queries(client, rounds):
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            response = client.get("/vi/search/", {"q": query})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return statistics.median(timings)


def add_bulk(homestays, events):
    import datetime

    from django.utils import translation

    from events.models import EventIndexPage, EventPage
    from events.occurrences import Kind
    from villages.models import HomestayPage, VillagePage

    villages = list(VillagePage.objects.all())
    index = EventIndexPage.objects.get()
    with translation.override("vi"):
        for n in range(homestays):
            village = villages[n % len(villages)]
            village.add_child(
                instance=HomestayPage(
                    title=f"Nhà nghỉ thử {n}",
                    title_vi=f"Nhà nghỉ thử {n}",
                    title_en=f"Bench house {n}",
                    slug=f"nha-nghi-thu-{n}",
                    slug_en=f"bench-house-{n}",
                    introduction_vi="Nhà sàn gần suối, có bữa ăn và nước nóng.",
                    introduction_en="A stilt house by the stream with meals and hot water.",
                    capacity=4,
                    price_min=200000,
                    price_max=300000,
                    latitude=village.latitude,
                    longitude=village.longitude,
                )
            )
        for n in range(events):
            index.add_child(
                instance=EventPage(
                    title=f"Sự kiện thử {n}",
                    title_vi=f"Sự kiện thử {n}",
                    title_en=f"Bench event {n}",
                    slug=f"su-kien-thu-{n}",
                    slug_en=f"bench-event-{n}",
                    summary_vi="Giao lưu văn nghệ và chợ phiên.",
                    summary_en="Songs, dances and a market.",
                    schedule_kind=Kind.SINGLE,
                    start_date=datetime.date(2027, 1, 1) + datetime.timedelta(days=n % 300),
                    venue=villages[n % len(villages)],
                )
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homestays", type=int, default=500)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    prepare(Path(tempfile.mkdtemp(prefix="search-bench-")))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    time_queries(client, 1)  # warm up
    small = time_queries(client, args.rounds)
    started = time.perf_counter()
    add_bulk(args.homestays, args.events)
    added = time.perf_counter() - started
    time_queries(client, 1)
    large = time_queries(client, args.rounds)
    print(f"added {args.homestays} homestays + {args.events} events in {added:.0f} s")
    print(f"median search latency: small {small:.1f} ms, large {large:.1f} ms")
    print(f"ratio {large / small:.2f} (budget 1.5)")


if __name__ == "__main__":
    main()
