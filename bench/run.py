"""Side-by-side benchmark (issue 16): this project against Wagtail's bakerydemo, a
trivial WSGI app and nginx, in interleaved rounds in one run, on loopback.

    .venv/bin/python bench/run.py                       # small (demo) data
    .venv/bin/python bench/run.py --large               # and the issue's large data
    .venv/bin/python bench/run.py --seconds 3 --rounds 1 --bakerydemo /path/to/checkout

For each data size it builds its own SQLite database (migrate, load_demo; for
``--large`` a copy plus ``generate_bench_data``), starts its own Redis
(bench/servers.py: free loopback port) and, each with gunicorn 2 sync workers on
loopback: the project uncached (wagtail-cache off) and cached (wagtail-cache in
its own Redis), a trivial WSGI app answering the same bytes (bench/trivial_wsgi.py),
nginx serving those bytes as static files and nginx in front of the cached project
with deploy/nginx/portal.conf's proxy_cache. bakerydemo (bench/bakery.py) runs
uncached and cached (Django's per-site cache) once. Then, round after round, wrk
(-t2 -c8 by default, --seconds each) hits every page on every server in turn, so
all see the same machine load. Prints medians over rounds of req/s, p50, p99,
SQL queries per request (X-Bench-Queries, bench_settings only), bytes, and the
issue's ratios. Everything it creates is removed at the end: it never touches a
database or a Redis it did not create, whatever DATABASE_URL and REDIS_URL say.
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bakery import Bakerydemo, BakerydemoUnavailable  # noqa: E402
from report import report  # noqa: E402
from servers import (  # noqa: E402
    CACHE_PURGE_MODULE,
    RedisServer,
    ensure_debian_packages,
    free_port,
    get,
    wait_for,
)
from wrk import measure  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf"
IGNORED_ENVIRONMENT = ("DATABASE_URL", "REDIS_URL", "REDIS_PAGE_CACHE_URL", "PAGE_CACHE")
LARGE = ["--villages", "50", "--homestays", "5000", "--events", "10000", "--routes", "300"]
FIXED_PATHS = {
    "search": "/en/search/?q=homestay",
    "feed .ics": "/feeds/events.ics",
    "API events": "/api/v2/events/?lang=en",
    "GeoJSON": "/api/places.geojson",
}
DISCOVER = """
import json
from django.utils import translation
from events.models import EventIndexPage, EventPage
from portal.models import HomePage, StandardPage
from villages.models import HomestayFinderPage, HomestayPage, VillagePage
from villages.routes.models import RoutePage
translation.activate("en")
models = {"home": HomePage, "village": VillagePage, "homestay": HomestayPage,
          "finder": HomestayFinderPage, "event index": EventIndexPage, "event": EventPage,
          "route": RoutePage, "text page": StandardPage}
found = {}
for name, model in models.items():
    page = model.objects.live().public().order_by("path").first()
    found[name] = page.get_url() if page else None
print("BENCH-PATHS " + json.dumps(found))
"""


class Run:
    """Processes and folders of one bench run; ``close()`` stops and removes them."""

    def __init__(self, args):
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
        self.work.chmod(0o755)  # nginx's workers read the static copies
        self.processes = []
        self.redis = None

    def spawn(self, name, argv, env, cwd=ROOT):
        log = (self.work / f"{name}.log").open("wb")
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def gunicorn(self, name, app, env, cwd=ROOT):
        port = free_port()
        argv = [PYTHON, "-m", "gunicorn", app, "-b", f"127.0.0.1:{port}", "-w", "2"]
        self.spawn(name, [*argv, "--timeout", "120"], env, cwd)
        return f"http://127.0.0.1:{port}"

    def close(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.redis:
            self.redis.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    # -- this project ------------------------------------------------------------
    def portal_env(self, database, cached, redis_db):
        env = {k: v for k, v in os.environ.items() if k not in IGNORED_ENVIRONMENT}
        env.update(
            DJANGO_SETTINGS_MODULE="bench_settings",
            PYTHONPATH=f"{BENCH}:{ROOT}",
            DJANGO_SECRET_KEY="bench-only-" + os.urandom(8).hex(),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_HSTS_SECONDS="0",
            PORTAL_VAR_DIR=str(self.work),
            PORTAL_MEDIA_ROOT=str(self.work / "media"),
            DATABASE_URL=f"sqlite:///{database}",
            REDIS_URL=f"redis://127.0.0.1:{self.redis.port}/{redis_db}",
            BENCH_PAGE_CACHE="1" if cached else "0",
            # No edits during a run: cached answers (wagtail-cache and, through
            # Django's max-age, nginx) must not expire between warm-up and wrk.
            PAGE_CACHE_SECONDS="86400",
        )
        return env

    def manage(self, env, *args, quiet=True):
        done = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.PIPE if quiet else None,
            text=True,
        )
        return done.stdout or ""

    def databases(self):
        """{size: SQLite path}: the demo, and with --large a copy grown to the issue's size."""
        small = self.work / "small.sqlite3"
        env = self.portal_env(small, False, 0)
        print("bench: migrate, catalogues, demo content, collectstatic…", flush=True)
        for args in (["migrate", "--noinput"], ["compile_catalogues"], ["load_demo", "--force"]):
            self.manage(env, *args)
        self.manage(env, "collectstatic", "--noinput")
        found = {"small": small}
        if self.args.large:
            large = self.work / "large.sqlite3"
            shutil.copyfile(small, large)
            print("bench: generate_bench_data " + " ".join(LARGE), flush=True)
            started = time.monotonic()
            env = self.portal_env(large, False, 0)
            self.manage(env, "generate_bench_data", *LARGE, "--force", quiet=False)
            print(f"bench: generated in {time.monotonic() - started:.0f} s", flush=True)
            found["large"] = large
        return found

    def paths(self, env):
        out = self.manage(env, "shell", "-c", DISCOVER)
        import json

        line = next(x for x in out.splitlines() if x.startswith("BENCH-PATHS "))
        found = json.loads(line.removeprefix("BENCH-PATHS "))
        return {**{k: v for k, v in found.items() if v}, **FIXED_PATHS}

    def nginx(self, name, upstream, copies):
        """deploy/nginx/portal.conf in front of ``upstream``; STATIC_ROOT holds
        ``copies`` under /static/bench/. Returns the base URL."""
        port = free_port()
        folder = self.work / name
        folder.mkdir()
        static = folder / "static"
        shutil.copytree(self.work / "static", static)
        shutil.copytree(copies, static / "bench")
        values = {
            "UPSTREAM_SERVERS": f"server {upstream.removeprefix('http://')};",
            "LISTEN": f"127.0.0.1:{port}",
            "SERVER_NAME": "127.0.0.1 localhost",
            "STATIC_ROOT": str(static),
            "MEDIA_ROOT": str(self.work / "media"),
            "CACHE_DIR": str(folder / "cache"),
            "PAGE_CACHE_SECONDS": "300",
            "FORWARDED_PROTO": "https",
            "PURGE_LISTEN": f"127.0.0.1:{free_port()}",
        }
        # Entries unused for 10 minutes are dropped in production; a run is longer.
        site = NGINX_TEMPLATE.read_text().replace("inactive=10m", "inactive=1d")
        for key, value in values.items():
            site = site.replace("{{" + key + "}}", value)
        temp = " ".join(
            f"{kind}_temp_path {folder}/{kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"load_module {CACHE_PURGE_MODULE};\nworker_processes 1;\ndaemon off;\n"
            f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http { include /etc/nginx/mime.types; default_type application/octet-stream;\n"
            f"access_log off; sendfile on; keepalive_timeout 30; {temp}\n{site}\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = ["-p", str(folder), "-c", str(folder / "nginx.conf")]
        subprocess.run([nginx, "-t", "-q", *conf], check=True)
        self.spawn(name, [nginx, *conf], None)
        return f"http://127.0.0.1:{port}"


def single_client_ms(url, n=3):
    """Median wall time of n sequential GETs (one client), in ms."""
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        get(url, timeout=180)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


# Headers the server adds itself (gunicorn's Date, Server, Connection) or that
# describe one transfer rather than the answer.
OWN_HEADERS = {"date", "server", "connection", "transfer-encoding", "keep-alive", "age"}


def copy_pages(base, paths, folder):
    """The cached project's answer for every path, saved as folder/<n>.html, and its
    headers (all but OWN_HEADERS, in order) in folder/headers.json; returns
    {page: (copy path, bytes, Content-Type)}."""
    import json

    folder.mkdir(parents=True)
    copies, kept = {}, {}
    for index, (page, path) in enumerate(paths.items()):
        get(base + path)
        status, headers, body = get(base + path)
        (folder / f"{index}.html").write_bytes(body)
        copies[page] = (f"/{index}.html", len(body), headers.get("Content-Type", ""))
        kept[f"/{index}.html"] = [
            [name, value] for name, value in headers.items() if name.lower() not in OWN_HEADERS
        ]
    (folder / "headers.json").write_text(json.dumps(kept))
    return copies


def prepare(run):
    """Servers for every size and bakerydemo; returns (targets, meta): targets are
    (size, variant, page, url) in measuring order."""
    args = run.args
    run.redis = RedisServer().start()
    targets, meta = [], {"bytes": {}, "queries": {}, "paths": {}, "latency": {}}
    for n, (size, database) in enumerate(run.databases().items()):
        uncached_env = run.portal_env(database, 0, 2 * n)
        uncached = run.gunicorn(f"{size}-uncached", "portal.wsgi", uncached_env)
        cached_env = run.portal_env(database, 1, 2 * n)
        cached = run.gunicorn(f"{size}-cached", "portal.wsgi", cached_env)
        for base in (uncached, cached):
            wait_for(f"{base}/healthz")
        paths = run.paths(cached_env)
        if args.pages:
            paths = {k: v for k, v in paths.items() if k in args.pages}
        meta["paths"][size] = paths
        copies_folder = run.work / f"copies-{size}"
        copies = copy_pages(cached, paths, copies_folder)
        trivial_env = {**cached_env, "BENCH_COPIES": str(copies_folder)}
        trivial = run.gunicorn(f"{size}-trivial", "trivial_wsgi", trivial_env, cwd=BENCH)
        proxy = run.nginx(f"nginx-{size}", cached, copies_folder)
        wait_for(f"{trivial}/")
        wait_for(f"{proxy}/healthz")
        for page, path in paths.items():
            copy = copies[page][0]
            variants = {
                "project uncached": uncached + path,
                "project cached": cached + path,
                "trivial WSGI": trivial + copy,
                "nginx static": f"{proxy}/static/bench{copy}",
                "nginx proxy_cache": proxy + path,
            }
            for variant, url in variants.items():
                status, headers, body = get(url)
                if variant == "project uncached":
                    meta["latency"][(size, page)] = single_client_ms(url)
                # Queries at steady state: the first request fills per-process and
                # per-content-version caches (renditions, key sections, site root).
                status, headers, body = get(url)
                if status != 200:
                    print(f"warning: {size} {variant} {page} answered {status}: {url}")
                meta["bytes"][(size, variant, page)] = len(body)
                meta["queries"][(size, variant, page)] = headers.get("X-Bench-Queries", "")
                targets.append((size, variant, page, url))
    meta["bakerydemo"] = bakerydemo(run, targets, meta)
    return targets, meta


def bakerydemo(run, targets, meta):
    """Installs and starts bakerydemo uncached and cached; adds its home page to
    ``targets``. Returns None, or why it could not be measured."""
    if run.args.no_bakerydemo:
        return "skipped (--no-bakerydemo)"
    site = Bakerydemo(run.work / "bakerydemo", run.args.bakerydemo)
    try:
        site.install()
    except (BakerydemoUnavailable, subprocess.TimeoutExpired) as error:
        return str(error)
    for cached, variant in ((False, "bakerydemo uncached"), (True, "bakerydemo cached")):
        port = free_port()
        run.spawn(variant, site.gunicorn_command(port), site.env(cached), cwd=site.folder)
        url = f"http://127.0.0.1:{port}/"
        wait_for(url)
        status, headers, body = get(url)
        status, headers, body = get(url)
        if status != 200:
            print(f"warning: {variant} home answered {status}: {url}")
        meta["bytes"][("-", variant, "home")] = len(body)
        meta["queries"][("-", variant, "home")] = headers.get("X-Bench-Queries", "")
        targets.append(("-", variant, "home", url))
    return None


def commit():
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True)
    return done.stdout.decode().strip() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run (at most 30)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--large", action="store_true", help="also the issue's large data")
    parser.add_argument("--bakerydemo", help="a bakerydemo checkout or git directory")
    parser.add_argument("--no-bakerydemo", action="store_true")
    parser.add_argument("--pages", nargs="*", help="only these pages (e.g. home 'API events')")
    args = parser.parse_args()
    seconds = max(1, min(args.seconds, 30))
    ensure_debian_packages("nginx", "redis-server", "wrk", cache_purge=True)
    code = commit()  # the code measured, whatever is committed during the run
    run = Run(args)
    results = {}
    try:
        targets, meta = prepare(run)
        load = os.getloadavg()
        started = datetime.datetime.now(datetime.UTC)
        print(f"bench: {len(targets)} targets x {args.rounds} rounds x {seconds} s", flush=True)
        for round_ in range(args.rounds):
            for size, variant, page, url in targets:
                if variant != "project uncached":
                    get(url)  # still cached (nginx drops entries unused for a while)
                result = measure(url, seconds, args.connections)
                results.setdefault((size, variant, page), []).append(result)
                if variant == "project uncached":
                    # Let its workers finish the requests wrk left queued (seconds
                    # each on large data) before the next server is measured.
                    parts = urllib.parse.urlsplit(url)
                    get(f"{parts.scheme}://{parts.netloc}/healthz", timeout=600)
            print(f"bench: round {round_ + 1} done", flush=True)
    finally:
        run.close()
    medians = {
        key: {m: statistics.median(r[m] for r in runs) for m in runs[0]}
        for key, runs in results.items()
    }
    print(
        f"\n{started:%Y-%m-%d %H:%M} UTC, commit {code}, {platform.machine()} "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"before {load[0]:.1f}; wrk -t2 -c{args.connections} {seconds} s x {args.rounds} "
        f"rounds (medians); gunicorn 2 sync workers; SQLite"
    )
    if meta["bakerydemo"]:
        print(f"bakerydemo NOT MEASURED: {meta['bakerydemo']}")
    report(medians, meta)


if __name__ == "__main__":
    main()
