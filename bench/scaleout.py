"""Benchmarks for DESIGN.md's scale-out budgets, on loopback only.

1. Two gunicorn instances share one database and one Redis: a page cached on
   both is edited through a third process, and both serve the edit at once.
2. A cached anonymous page is served within 2x the time of the same bytes served
   as a static file (WhiteNoise), median of N sequential requests.
3. The home page weighs at most 100 KB of HTML + CSS + JS.

Usage: .venv/bin/python bench/scaleout.py [--requests 300]
Starts its own Redis server (redis-server on a free loopback port, no
persistence) and uses a throwaway SQLite file: it never touches a database or a
Redis it did not create, whatever DATABASE_URL and REDIS_URL say. Results are
printed; copy them into bench/README.md with the date and machine.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import RedisServer, free_port  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if get(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"no answer from {url}")


def manage(env, *args):
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def median_ms(url, n):
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    redis = RedisServer().start()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_VAR_DIR": str(work),
        "PORTAL_MEDIA_ROOT": str(work / "media"),
        "REDIS_URL": redis.url,
    }
    servers = []
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "compile_catalogues")
        manage(env, "load_demo", "--force")
        manage(env, "collectstatic", "--noinput")
        ports = [free_port(), free_port()]
        for port in ports:
            servers.append(
                subprocess.Popen(
                    [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
                    env=env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_for(f"{base}/healthz")

        # 1. Consistency across instances.
        for base in bases:
            get(f"{base}/en/about/")
        cached = [get(f"{base}/en/about/")[1].get("X-Wagtail-Cache") for base in bases]
        marker = f"Edited at {time.time():.0f}"
        manage(
            env,
            "shell",
            "-c",
            (
                "from portal.models import StandardPage\n"
                "from django.utils import translation\n"
                "translation.activate('vi')\n"
                "p = StandardPage.objects.get(slug_en='about')\n"
                f"p.introduction_en = {marker!r}\n"
                "p.save_revision().publish()\n"
            ),
        )
        seen = [marker in get(f"{base}/en/about/")[2].decode() for base in bases]
        print(f"consistency: cached before edit {cached}; edit seen on both instances: {seen}")

        # 2. Cached page vs the same bytes as a static file.
        status, headers, body = get(f"{bases[0]}/en/about/")
        static_copy = work / "static" / "bench-copy.html"
        static_copy.write_bytes(body)
        servers[1].terminate()
        servers[1].wait()
        servers[1] = subprocess.Popen(  # WhiteNoise indexes static files at start-up
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{ports[1]}", "-w", "1"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(f"{bases[1]}/healthz")
        page = median_ms(f"{bases[1]}/en/about/", args.requests)
        static = median_ms(f"{bases[1]}/static/bench-copy.html", args.requests)
        print(
            f"cached page: median {page:.2f} ms; same {len(body)} bytes as a static file: "
            f"median {static:.2f} ms; ratio {page / static:.2f} (budget 2.0)"
        )

        # 3. Home page weight.
        html = get(f"{bases[1]}/vi/")[2]
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
        weight = len(html) + sum(len(get(bases[1] + a.decode())[2]) for a in assets)
        print(
            f"home page: {len(html)} bytes of HTML + {len(assets)} CSS/JS files = "
            f"{weight} bytes (budget 102400)"
        )
    finally:
        for server in servers:
            server.terminate()
        redis.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
