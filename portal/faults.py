"""Serving through dependency failures: Redis down → uncached, database down → 503.

- ``FaultTolerantRedisCache``: django-redis with connection errors ignored (a get
  is a miss, a set does nothing), so pages, the API and feeds are served uncached
  while Redis is unreachable. One WARNING per cache location per
  ``PORTAL_CACHE_WARNING_SECONDS`` (default 60 s) says so, instead of a traceback
  per request.
- ``database_unavailable_response``: what a request gets when the database cannot
  be reached (``OperationalError``/``InterfaceError`` from any layer, turned into a
  response by ``handler500``): 503 with ``Retry-After``, as JSON under /api/, plain
  text under /feeds/, else a translated HTML page rendered without any database
  lookup. Django opens a new connection on the next request, so the site recovers
  by itself when the database is back.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_redis.cache import RedisCache

logger = logging.getLogger("portal.faults")

DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)

_last_warning = {}
_last_warning_lock = threading.Lock()


def warn_once_per_interval(key, message, *args, interval=None):
    """Log ``message`` at WARNING unless the same ``key`` was logged less than
    ``interval`` seconds ago (default PORTAL_CACHE_WARNING_SECONDS) in this process.
    Returns True when it logged."""
    interval = (
        getattr(settings, "PORTAL_CACHE_WARNING_SECONDS", 60) if interval is None else interval
    )
    now = time.monotonic()
    with _last_warning_lock:
        last = _last_warning.get(key)
        if last is not None and now - last < interval:
            return False
        _last_warning[key] = now
    logger.warning(message, *args)
    return True


class _OutageLogger:
    """Stands in for django-redis's logger: its ``exception()`` becomes one warning
    per interval, without the traceback."""

    def __init__(self, location):
        self.location = location

    def exception(self, msg, *args, **kwargs):
        warn_once_per_interval(
            ("cache", self.location),
            "Cache unreachable at %s: serving without it (repeated at most once a minute).",
            self.location,
        )


class FaultTolerantRedisCache(RedisCache):
    """django-redis's RedisCache that never raises on connection errors."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        location = server if isinstance(server, str) else ",".join(server)
        self.logger = _OutageLogger(_without_password(location))


def _without_password(url):
    head, at, tail = url.rpartition("@")
    return f"{head.split('://')[0]}://…@{tail}" if at else url


def is_database_unavailable(exc):
    return isinstance(exc, DATABASE_UNAVAILABLE_ERRORS)


def _language_for(request):
    languages = [code for code, _name in settings.LANGUAGES]
    language = translation.get_language_from_path(request.path_info)
    if language in languages:
        return language
    return translation.get_language_from_request(request, check_path=False)


def database_unavailable_response(request):
    """503 + Retry-After for a request that needed the unreachable database."""
    retry_after = int(getattr(settings, "PORTAL_RETRY_AFTER_SECONDS", 30))
    warn_once_per_interval(
        ("database",), "Database unreachable: answering 503 (Retry-After %s s).", retry_after
    )
    with translation.override(_language_for(request)):
        message = gettext("The site is briefly unavailable. Please try again in a minute.")
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"error": "service_unavailable", "message": message, "retry_after": retry_after},
                status=503,
            )
        elif request.path_info.startswith("/feeds/"):
            response = HttpResponse(
                message + "\n", status=503, content_type="text/plain; charset=utf-8"
            )
        else:
            html = render_to_string(
                "503.html",
                {"LANGUAGE_CODE": translation.get_language(), "retry_after": retry_after},
            )
            response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
