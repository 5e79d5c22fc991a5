"""The floor for a cached page: a WSGI app that answers fixed bytes (bench only).

Serves every file under $BENCH_COPIES at /<relative path> (read once at start-up),
with the Content-Type bench/run.py recorded in $BENCH_COPIES/types.json; 404
otherwise. Run by gunicorn exactly like the project (same workers, same loopback).
"""

import json
import os
from pathlib import Path

ROOT = Path(os.environ["BENCH_COPIES"])
TYPES = json.loads((ROOT / "types.json").read_text())
FILES = {
    "/" + str(path.relative_to(ROOT)): path.read_bytes()
    for path in ROOT.rglob("*")
    if path.is_file() and path.name != "types.json"
}


def application(environ, start_response):
    body = FILES.get(environ.get("PATH_INFO", ""))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    content_type = TYPES.get(environ["PATH_INFO"], "text/html; charset=utf-8")
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
