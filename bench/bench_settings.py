"""This project's production settings as bench/run.py serves them (bench only).

Adds bench_querycount's X-Bench-Queries header (outermost middleware) and turns
wagtail-cache on or off with BENCH_PAGE_CACHE=1/0. Used only with bench/ on
PYTHONPATH; everything else comes from portal.settings.production and the
environment bench/run.py builds (its own Redis, database copy and folder).
"""

import os

from portal.settings.production import *  # noqa: F403

MIDDLEWARE = ["bench_querycount.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
WAGTAIL_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") == "1"
