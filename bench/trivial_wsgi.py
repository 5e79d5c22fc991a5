"""The floor for a cached page: a WSGI app that answers fixed bytes (bench only).

Serves every file under $BENCH_COPIES at /<relative path> (read once at start-up)
with the headers the cached project sent for it ($BENCH_COPIES/headers.json, recorded
by bench/run.py: Content-Type, the security headers, ETag, Cache-Control, …), so the
bytes on the wire are the project's own; 404 otherwise. Run by gunicorn exactly like
the project (same workers, same loopback). Each header costs gunicorn work: with only
Content-Type and Content-Length this floor answered ≈ 10 % more requests a second
than with 15 more headers (wrk, 2026-12-01, see bench/README.md).
"""

import json
import os
from pathlib import Path

ROOT = Path(os.environ["BENCH_COPIES"])
HEADERS = {
    path: [tuple(pair) for pair in pairs]
    for path, pairs in json.loads((ROOT / "headers.json").read_text()).items()
}
FILES = {
    "/" + str(path.relative_to(ROOT)): path.read_bytes()
    for path in ROOT.rglob("*")
    if path.is_file() and path.name != "headers.json"
}


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    body = FILES.get(path)
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response("200 OK", HEADERS[path])
    return [body]
