"""The production topology on loopback: nginx, two gunicorn instances, PostgreSQL
and Redis, with media on local disk (README, "Production").

    .venv/bin/python bench/topology.py            # start, check, stop
    .venv/bin/python bench/topology.py --serve 60 # …and keep it up for 60 s

Checks that a page, an image rendition and a static file answer 200 through
nginx; that while its database refuses connections, uncached requests answer
503 with Retry-After, cached pages are still served, and the site recovers by
itself; and that the site keeps serving uncached (200, /healthz "degraded") once
its Redis is stopped.

Everything it uses it creates and removes: a folder under /tmp, a Redis server
on a free port (no persistence), a database named portal_topology_<pid> on the
PostgreSQL server at PG_SERVER (default postgres://postgres@127.0.0.1:5432), an
nginx master in the foreground. It never touches another database or Redis.
Needs Debian's nginx and redis-server (installed with apt-get if missing, as root).
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import (  # noqa: E402, F401
    CACHE_PURGE_MODULE,
    RedisServer,
    ensure_debian_packages,
    free_port,
    get,
    wait_for,
)

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf"


def _psql(server, sql):
    subprocess.run(
        ["psql", f"{server}/postgres", "-qc", sql], check=True, stdout=subprocess.DEVNULL
    )


class Topology:
    """Context manager: ``with Topology() as t: get(t.url + "/vi/")``."""

    def __init__(self, workers=2, page_cache_seconds=60, log=print):
        self.workers = workers
        self.page_cache_seconds = page_cache_seconds
        self.log = log
        self.processes = {}
        self.pg_server = os.environ.get("PG_SERVER", "postgres://postgres@127.0.0.1:5432")
        self.database = f"portal_topology_{os.getpid()}"
        self.database_created = False

    # -- start -----------------------------------------------------------------
    def __enter__(self):
        ensure_debian_packages("nginx", "redis-server", cache_purge=True)
        self.work = Path(tempfile.mkdtemp(prefix="portal-topology-"))
        self.work.chmod(0o755)  # nginx's workers read static and media files
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _spawn(self, name, args, env=None):
        log = (self.work / f"{name}.log").open("wb")
        self.processes[name] = subprocess.Popen(
            args, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )

    def _start(self):
        self.redis = RedisServer().start()
        self.redis_port = self.redis.port
        self.port = free_port()  # nginx
        _psql(self.pg_server, f"CREATE DATABASE {self.database}")
        self.database_created = True
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": "topology-only-" + os.urandom(8).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"{self.pg_server}/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "PORTAL_VAR_DIR": str(self.work),
            "PORTAL_MEDIA_ROOT": str(self.work / "media"),
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            # Plain HTTP on loopback: no TLS to redirect to (production turns both on).
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
        }
        self.env.pop("AWS_STORAGE_BUCKET_NAME", None)
        self.log("topology: migrate, catalogues, demo content, collectstatic…")
        for args in (
            ["migrate", "--noinput"],
            ["compile_catalogues"],
            ["load_demo", "--force"],
            ["collectstatic", "--noinput"],
        ):
            self.manage(*args)
        # From now on Wagtail purges nginx's proxy cache on publish (deploy/nginx).
        self.purge_port = free_port()
        self.env["WAGTAILFRONTENDCACHE_LOCATION"] = f"http://127.0.0.1:{self.purge_port}"
        self.app_ports = [free_port(), free_port()]
        for index, port in enumerate(self.app_ports):
            self._spawn(
                f"gunicorn{index + 1}",
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "portal.wsgi",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    str(self.workers),
                    "--timeout",
                    "60",
                ],
                env=self.env,
            )
        for port in self.app_ports:
            wait_for(f"http://127.0.0.1:{port}/healthz", statuses=(200, 503))
        self._start_nginx()
        self.url = f"http://127.0.0.1:{self.port}"
        wait_for(f"{self.url}/healthz", statuses=(200, 503))
        self.log(
            f"topology: nginx {self.url} -> gunicorn {self.app_ports} "
            f"({self.workers} workers each), redis :{self.redis_port}, database {self.database}"
        )

    def _start_nginx(self):
        site = NGINX_TEMPLATE.read_text()
        values = {
            "UPSTREAM_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in self.app_ports),
            "LISTEN": f"127.0.0.1:{self.port}",
            "SERVER_NAME": "127.0.0.1 localhost",
            "STATIC_ROOT": str(self.work / "static"),
            "MEDIA_ROOT": str(self.work / "media"),
            "CACHE_DIR": str(self.work / "nginx-cache"),
            "PAGE_CACHE_SECONDS": str(self.page_cache_seconds),
            # Plain HTTP on loopback stands for a TLS-terminating proxy in front,
            # so the production settings' HTTPS redirect does not apply.
            "FORWARDED_PROTO": "https",
            "PURGE_LISTEN": f"127.0.0.1:{self.purge_port}",
        }
        for key, value in values.items():
            site = site.replace("{{" + key + "}}", value)
        (self.work / "portal-site.conf").write_text(site)
        work = self.work
        (work / "nginx.conf").write_text(
            f"""load_module {CACHE_PURGE_MODULE};
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 30;
    gzip on;
    gzip_types text/css application/javascript application/json text/calendar
               application/rss+xml application/geo+json image/svg+xml;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    include {work}/portal-site.conf;
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = ["-p", str(work), "-c", str(work / "nginx.conf")]
        subprocess.run(
            [nginx, "-t", "-q", *conf], check=True, stderr=(work / "nginx-test.log").open("wb")
        )
        self._spawn("nginx", [nginx, *conf])

    def manage(self, *args, check=True):
        subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            check=check,
            stdout=subprocess.DEVNULL,
        )

    def stop_redis(self):
        self.redis.stop()

    # -- stop ------------------------------------------------------------------
    def __exit__(self, *exc):
        for process in reversed(list(self.processes.values())):
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        if getattr(self, "redis", None) is not None:
            self.redis.stop()
        keep = os.environ.get("PORTAL_TOPOLOGY_LOGS")
        if keep:  # a folder to keep nginx's, gunicorn's and Redis's logs in
            Path(keep).mkdir(parents=True, exist_ok=True)
            for log in self.work.glob("*.log"):
                shutil.copy(log, keep)
        if self.database_created:
            _psql(self.pg_server, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        shutil.rmtree(self.work, ignore_errors=True)
        return False


def database_outage(topology):
    """Its own database refuses connections for a while: uncached requests answer
    503 with Retry-After (HTML, JSON), cached pages are still served, and the site
    recovers by itself once connections are allowed again."""
    base, app = topology.url, f"http://127.0.0.1:{topology.app_ports[0]}"
    get(f"{base}/en/about/")  # in nginx's proxy_cache and wagtail-cache
    name = topology.database
    _psql(topology.pg_server, f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    _psql(
        topology.pg_server,
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
    )
    try:
        page = get(f"{app}/vi/?outage=1")
        api = get(f"{app}/api/v2/pages/?lang=en&outage=1")
        health = get(f"{base}/healthz")
        cached = get(f"{base}/en/about/")
    finally:
        _psql(topology.pg_server, f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    after = get(f"{app}/vi/?after=1")
    return [
        (
            "database down: uncached page 503 with Retry-After, in Vietnamese",
            page[0] == 503 and page[1].get("Retry-After") and b'lang="vi"' in page[2],
            f"{page[0]} Retry-After {page[1].get('Retry-After')}",
        ),
        (
            "database down: API 503 JSON",
            api[0] == 503 and api[1].get("Content-Type") == "application/json",
            f"{api[0]} {api[1].get('Content-Type')}",
        ),
        ("database down: /healthz 503", health[0] == 503, f"{health[0]}"),
        ("database down: cached page still served", cached[0] == 200, f"{cached[0]}"),
        ("database back: served again without a restart", after[0] == 200, f"{after[0]}"),
    ]


PUBLISH_INTRODUCTION = """
from django.utils import translation
from portal.models import StandardPage
translation.activate("vi")
page = StandardPage.objects.get(slug_en="about")
page.introduction_vi = {marker!r}
page.save_revision().publish()
"""


GZIP_BROWSERS = ("gzip, deflate, br", "gzip, deflate, br, zstd", "gzip, deflate")


def _status(answer):
    return answer[1].get("X-Cache-Status")


def _text(answer):
    """The body as a visitor reads it (urllib does not undo Content-Encoding)."""
    body = answer[2]
    if answer[1].get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def proxy_cache(topology):
    """nginx's proxy cache answers an anonymous page (X-Cache-Status HIT), never one
    for a visitor with a session cookie; browsers sending different Accept-Encoding
    lists share one gzip entry; a publish purges it through
    wagtail.contrib.frontend_cache for gzip and identity clients alike: the new text
    is served at once to both."""
    url = f"{topology.url}/vi/gioi-thieu/"
    first = get(url)
    second = get(url)
    editor = get(url, headers={"Cookie": "sessionid=abc"})
    browsers = [get(url, headers={"Accept-Encoding": value}) for value in GZIP_BROWSERS]
    marker = f"Purged at {time.time():.0f}"
    topology.manage("shell", "-c", PUBLISH_INTRODUCTION.format(marker=marker))
    after = get(url)
    again = get(url)
    after_gzip = get(url, headers={"Accept-Encoding": GZIP_BROWSERS[1]})
    again_gzip = get(url, headers={"Accept-Encoding": GZIP_BROWSERS[0]})
    return [
        (
            "proxy cache: second anonymous request is a HIT",
            first[0] == second[0] == 200 and _status(second) == "HIT",
            f"{_status(first)} then {_status(second)}",
        ),
        (
            "proxy cache: bypassed with a session cookie",
            _status(editor) == "BYPASS",
            f"{_status(editor)}",
        ),
        (
            "proxy cache: browsers' different Accept-Encoding lists share one gzip entry",
            [_status(b) for b in browsers[1:]] == ["HIT", "HIT"]
            and all(b[1].get("Content-Encoding") == "gzip" for b in browsers)
            and len({_text(b) for b in browsers} | {_text(first)}) == 1,
            f"{[_status(b) for b in browsers]}, {[b[1].get('Content-Encoding') for b in browsers]}",
        ),
        (
            "proxy cache: a publish purges the page (new text at once, then cached again)",
            marker in _text(after) and _status(after) == "MISS" and _status(again) == "HIT",
            f"new text seen: {marker in _text(after)}; {_status(after)} then {_status(again)}",
        ),
        (
            "proxy cache: a publish purges the gzip entry too (browsers see it at once)",
            marker in _text(after_gzip)
            and _status(after_gzip) == "MISS"
            and _status(again_gzip) == "HIT",
            f"new text seen: {marker in _text(after_gzip)}; "
            f"{_status(after_gzip)} then {_status(again_gzip)}",
        ),
    ]


def proxy_cache_variants(topology):
    """What nginx keeps once for everyone and what it never keeps: a language-neutral
    feed for every Accept-Language, the API's JSON but not its HTML view for browsers
    (the GeoJSON, no HTML view, is kept whatever Accept says), not a 404 page or the
    redirect of / that Accept-Language chooses."""
    base = topology.url
    feed = [
        get(f"{base}/feeds/events.rss", headers={"Accept-Language": value})
        for value in ("vi", "en", "fr, en;q=0.5")
    ]
    html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    api = f"{base}/api/v2/events/?lang=en"
    api_json = [get(api, headers={"Accept": "application/json"}) for _ in range(2)]
    api_html = [get(api, headers={"Accept": html}) for _ in range(2)]
    root = [
        get(f"{base}/", headers={"Accept-Language": value}, follow_redirects=False)
        for value in ("en", "en", "vi")
    ]
    missing = [
        get(f"{base}/feeds/events/999999.ics", headers={"Accept-Language": value})
        for value in ("en", "en", "vi")
    ]
    geojson = [get(f"{base}/api/places.geojson", headers={"Accept": html}) for _ in range(2)]
    return [
        (
            "proxy cache: a language-neutral feed is one entry for every Accept-Language",
            [_status(f) for f in feed[1:]] == ["HIT", "HIT"] and len({f[2] for f in feed}) == 1,
            f"{[_status(f) for f in feed]}",
        ),
        (
            "proxy cache: the API's JSON is kept, its HTML view for browsers never",
            _status(api_json[1]) == "HIT"
            and api_json[1][1].get("Content-Type", "").startswith("application/json")
            and [_status(a) for a in api_html] == ["BYPASS", "BYPASS"]
            and api_html[1][1].get("Content-Type", "").startswith("text/html"),
            f"JSON {[_status(a) for a in api_json]}, HTML {[_status(a) for a in api_html]}",
        ),
        (
            "proxy cache: a 404 in the visitor's language is never kept",
            [m[0] for m in missing] == [404, 404, 404]
            and "HIT" not in [_status(m) for m in missing]
            and [m[1].get("Content-Language") for m in missing] == ["en", "en", "vi"],
            f"{[(m[0], m[1].get('Content-Language'), _status(m)) for m in missing]}",
        ),
        (
            "proxy cache: a browser opening the GeoJSON (Accept: text/html) gets it cached",
            [_status(g) for g in geojson] == ["MISS", "HIT"]
            and geojson[1][1].get("Content-Type", "").startswith("application/geo+json"),
            f"{[_status(g) for g in geojson]} {geojson[1][1].get('Content-Type')}",
        ),
        (
            "proxy cache: / redirects each visitor by Accept-Language, never from the cache",
            [r[1].get("Location") for r in root] == ["/en/", "/en/", "/vi/"]
            and "HIT" not in [_status(r) for r in root],
            f"{[(r[0], r[1].get('Location'), _status(r)) for r in root]}",
        ),
    ]


def check(topology):
    """Page, rendition, static file and the Redis outage through nginx; list of
    (what, ok, detail)."""
    base = topology.url
    results = []
    status, headers, body = get(f"{base}/vi/")
    results.append(("page /vi/", status == 200, f"{status}"))
    html = body.decode()
    rendition = re.search(r'src="(/media/images/[^"]+)"', html)
    if rendition:
        status, headers, _ = get(base + rendition.group(1))
        ok = status == 200 and headers.get("Content-Type", "").startswith("image/")
        results.append(("image rendition", ok, f"{status} {rendition.group(1)}"))
    else:
        results.append(("image rendition", False, "no /media/images/ src on /vi/"))
    static = re.search(r'href="(/static/[^"]+\.css)"', html)
    if static:
        status, _, _ = get(base + static.group(1))
        results.append(("static file", status == 200, f"{status} {static.group(1)}"))
    else:
        results.append(("static file", False, "no stylesheet on /vi/"))
    results += proxy_cache(topology)
    results += proxy_cache_variants(topology)
    results += database_outage(topology)
    topology.stop_redis()
    status, _, _ = get(f"{base}/en/about/?redis=down")
    health_status, _, health = get(f"{base}/healthz")
    results.append(
        (
            "Redis stopped: page served uncached",
            status == 200 and health_status == 200 and b'"degraded"' in health,
            f"page {status}; healthz {health_status} {health.decode()}",
        )
    )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", type=int, default=0, help="then keep serving N seconds")
    args = parser.parse_args()
    with Topology() as topology:
        if args.serve:
            print(f"serving {topology.url}/vi/ for {args.serve} s")
            time.sleep(min(args.serve, 3600))
        results = check(topology)
    for what, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {what}: {detail}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


if __name__ == "__main__":
    main()
