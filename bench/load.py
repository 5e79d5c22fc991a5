"""Bounded load on the production topology (bench/topology.py), loopback only.

    .venv/bin/python bench/load.py [--connections 50] [--seconds 60]

wrk (Debian's package) sends --connections concurrent keep-alive clients for
--seconds (at most 60) over pages, the API, feeds and search, while an editor
process publishes a page every 2 s (each publish clears the page cache). Prints
requests per second, p50/p90/p99/max latency, errors (socket errors, timeouts and
non-2xx/3xx answers) and the requests that took over 5 s, with machine, date and
commit; copy them into bench/README.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from topology import ROOT, Topology, ensure_debian_packages, get  # noqa: E402

MAX_SECONDS = 60
DATA_PATHS = [
    "/api/v2/pages/?lang=en",
    "/api/v2/places/?lang=vi",
    "/api/v2/places/?lang=en&type=homestay",
    "/api/v2/events/?lang=vi",
    "/api/places.geojson?lang=en",
    "/feeds/events.ics",
    "/feeds/events.rss?lang=en",
    "/embed/events/?lang=vi",
]
SEARCHES = ["Bình Liêu", "homestay", "lễ hội", "Sán Chỉ", "festival", "thác", "Dao", "route"]

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
init = function(args)
  statuses = {}
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local tally = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      tally[status] = (tally[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(tally) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  io.write("WRK-STATUSES {", table.concat(parts, ", "), "}\\n")
  local over = 0
  if latency.max >= 5000000 then
    -- the share of requests at or above 5 s, to 0.1 %% of the total
    for p = 0, 1000 do
      if latency:percentile(p / 10) >= 5000000 then
        over = math.floor(summary.requests * (1000 - p) / 1000 + 0.5)
        break
      end
    end
  end
  io.write("WRK-JSON ", string.format(
    '{"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50": %%d, "p90": %%d, "p99": %%d, "max": %%d, ' ..
    '"mean": %%.0f, "over_5s": %%d}',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, over), "\\n")
end
"""

EDITOR = """
import sys, time
import django
django.setup()
from django.utils import translation
from portal.models import StandardPage
translation.activate("vi")
page = StandardPage.objects.get(slug_en="about")
deadline = time.monotonic() + float(sys.argv[1])
count, slowest = 0, 0.0
while time.monotonic() < deadline:
    start = time.monotonic()
    page.introduction_en = f"Edited during the load test ({count})"
    page.save_revision().publish()
    count += 1
    slowest = max(slowest, time.monotonic() - start)
    time.sleep(max(0.0, 2.0 - (time.monotonic() - start)))
print(f"EDITOR {count} {slowest:.3f}")
"""


def page_paths(base, limit=24):
    """Public page paths from the sitemap (both languages)."""
    sitemap = get(f"{base}/sitemap.xml")[2].decode()
    paths = sorted(
        {urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    )
    return paths[:limit]


def search_paths():
    return [
        f"/{lang}/search/?q={urllib.parse.quote(term)}"
        for term in SEARCHES
        for lang in ("vi", "en")
    ]


def commit():
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def run(topology, paths, connections, seconds):
    script = Path(topology.work) / "load.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
    editor = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(seconds)],
        env=topology.env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    wrk = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            topology.url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    editor_out = editor.communicate(timeout=seconds + 60)[0]
    line = next(line for line in wrk.stdout.splitlines() if line.startswith("WRK-JSON "))
    stats = json.loads(line.removeprefix("WRK-JSON "))
    line = next(line for line in wrk.stdout.splitlines() if line.startswith("WRK-STATUSES "))
    stats["statuses"] = json.loads(line.removeprefix("WRK-STATUSES "))
    publishes = re.search(r"EDITOR (\d+) ([\d.]+)", editor_out or "")
    stats["publishes"] = int(publishes.group(1)) if publishes else 0
    stats["slowest_publish_s"] = float(publishes.group(2)) if publishes else None
    return stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    args = parser.parse_args()
    seconds = min(args.seconds, MAX_SECONDS)
    ensure_debian_packages("wrk")
    with Topology(workers=args.workers) as topology:
        paths = page_paths(topology.url) + DATA_PATHS + search_paths()
        failing = [(p, get(topology.url + p)[0]) for p in paths]
        failing = [(p, status) for p, status in failing if status != 200]
        if failing:
            print(f"before the load, not 200: {failing}")
        load_before = os.getloadavg()[0]
        started = datetime.datetime.now(datetime.UTC)
        stats = run(topology, paths, args.connections, seconds)
    errors = sum(stats[k] for k in ("connect", "read", "write", "status", "timeout"))
    rps = stats["requests"] / (stats["duration_us"] / 1e6)
    print(
        f"{started:%Y-%m-%d %H:%M} UTC, commit {commit()}, {platform.machine()} "
        f"{os.cpu_count()} cores, load average before {load_before:.1f}\n"
        f"{args.connections} connections, {seconds} s, {len(paths)} paths "
        f"(pages, API, feeds, search), 2 gunicorn instances x {args.workers} workers, "
        f"nginx proxy_cache (Django max-age, purged on publish), editor publishes: "
        f"{stats['publishes']} "
        f"(slowest {stats['slowest_publish_s']} s)\n"
        f"requests {stats['requests']}, {rps:.0f} req/s; latency p50 "
        f"{stats['p50'] / 1000:.1f} ms, p90 {stats['p90'] / 1000:.1f} ms, p99 "
        f"{stats['p99'] / 1000:.1f} ms, max {stats['max'] / 1000:.0f} ms; errors {errors} "
        f"(connect {stats['connect']}, read {stats['read']}, write {stats['write']}, "
        f"non-2xx/3xx {stats['status']}, timeout {stats['timeout']}); "
        f"over 5 s: {stats['over_5s']}; statuses {stats['statuses']}"
    )
    sys.exit(0 if errors == 0 and stats["p99"] < 1_000_000 else 1)


if __name__ == "__main__":
    main()
