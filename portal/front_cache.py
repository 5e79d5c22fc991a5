"""Cached answers served in front of Django: before sessions, CSRF, locale and auth.

wagtail-cache keeps whole anonymous answers in the "pages" cache (Redis in
production), but a hit still walks Django's whole middleware chain (sessions, locale,
CSRF, authentication, gzip, ETag, NFC) and unpickles the response from Redis: about
5 ms a hit through gunicorn against 0.8 ms for a WSGI app that returns bytes from
memory (bench/README.md, issue 16). :class:`FrontCache` wraps the WSGI application
(``portal.wsgi``) and keeps, in each worker process's memory, the answers
wagtail-cache itself chose to cache, keyed by the site's content version
(``portal.cache.content_version``): any content change makes every kept answer
unreachable, in every process of every instance, when wagtail-cache's own store is
cleared (within ``PORTAL_FRONT_CACHE_CHECK_SECONDS``, below). A hit costs no Django
middleware and, at most every 0.1 s, one cache read (the content version and the next
page expiry, one MGET in Redis).

What is served from here: ``GET``/``HEAD`` without a session, CSRF or messages cookie
and without an ``Authorization`` header, for which Django answered 200 with
``X-Wagtail-Cache: miss``/``hit`` (cacheable by wagtail-cache's rules and hooks), no
``Set-Cookie`` and a ``Vary`` of request headers only (kept per URL, as Django's own
cache does; ``Cookie`` is ignored as wagtail-cache ignores it). Never once a live
page's ``expire_at`` has passed (``portal.expiry`` unpublishes it on the next request
through Django), never past the answer's ``max-age``. ``If-None-Match`` /
``If-Modified-Since`` get 304. Any failure here passes the request to Django.

Settings: ``PORTAL_FRONT_CACHE`` (on with ``WAGTAIL_CACHE`` unless False; environment
``PORTAL_FRONT_CACHE=0``),
``PORTAL_FRONT_CACHE_CHECK_SECONDS`` (how often a process re-reads the shared content
version, default 0.1: a change made by another process or instance is served from
here for at most that long; one made by this process, at once), ``PORTAL_FRONT_CACHE_BYTES``
(bodies kept per process, default 64 MiB, least recently used dropped first) and
``PORTAL_FRONT_CACHE_MAX_ENTRY_BYTES`` (larger answers are not kept, default 4 MiB).
"""

import logging
import time
from collections import OrderedDict
from http.cookies import CookieError, SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import cc_delim_re
from django.utils.http import parse_http_date_safe

from portal import cache as portal_cache
from portal import expiry
from portal.cache import CONTENT_VERSION_KEY
from portal.expiry import NEXT_EXPIRY_KEY

logger = logging.getLogger(__name__)

BYPASS_COOKIES = ("sessionid", "csrftoken", "messages")
STATUS_HEADER = "X-Wagtail-Cache"
# Recomputed on every answer: the WSGI server adds its own Date; Age is ours.
_DROPPED = {"date", "age", "set-cookie", STATUS_HEADER.lower()}


class _Entry:
    __slots__ = ("version", "stored_at", "expires_at", "headers", "body", "etag", "modified")

    def __init__(self, version, max_age, headers, body):
        self.version = version
        self.stored_at = time.time()
        self.expires_at = self.stored_at + max_age
        self.headers = [(k, v) for k, v in headers if k.lower() not in _DROPPED]
        self.body = body
        lowered = {k.lower(): v for k, v in headers}
        self.etag = lowered.get("etag")
        self.modified = parse_http_date_safe(lowered.get("last-modified", ""))


def _bypass_cookies():
    return {
        getattr(settings, "SESSION_COOKIE_NAME", "sessionid"),
        getattr(settings, "CSRF_COOKIE_NAME", "csrftoken"),
        *BYPASS_COOKIES,
    }


def is_anonymous_read(environ, bypass_cookies):
    """True for a GET/HEAD carrying no credentials or session (what may be shared)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("HTTP_AUTHORIZATION"):
        return False
    raw = environ.get("HTTP_COOKIE")
    if not raw:
        return True
    try:
        names = set(SimpleCookie(raw))
    except CookieError:
        return False
    return not names & bypass_cookies


def url_key(environ):
    """("https", "example.org", "/en/villages/?page=2"): what the answer is kept under."""
    path = environ.get("PATH_INFO", "")
    if environ.get("QUERY_STRING"):
        path = f"{path}?{environ['QUERY_STRING']}"
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    # Behind nginx the scheme Django uses for absolute URLs is the forwarded one.
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
    return (scheme, host.lower(), path)


def variant_key(environ, vary):
    """The request's values of the ``vary`` headers (Accept-Encoding reduced to gzip or not)."""
    values = []
    for name in vary:
        value = environ.get("HTTP_" + name.upper().replace("-", "_"), "")
        values.append("gzip" in value if name == "accept-encoding" else value)
    return tuple(values)


def not_modified(environ, entry):
    """True when the client's validators match the kept answer (RFC 9110 §13.1)."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if not entry.etag:
            return False
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or entry.etag.removeprefix("W/") in tags
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    return bool(since and entry.modified and entry.modified <= since)


class FrontCache:
    """WSGI middleware: ``FrontCache(get_wsgi_application())`` (see module docstring)."""

    def __init__(self, application, max_bytes=None, max_entry_bytes=None):
        self.application = application
        self.max_bytes = max_bytes or getattr(settings, "PORTAL_FRONT_CACHE_BYTES", 64 << 20)
        self.max_entry_bytes = max_entry_bytes or getattr(
            settings, "PORTAL_FRONT_CACHE_MAX_ENTRY_BYTES", 4 << 20
        )
        self.bypass_cookies = _bypass_cookies()
        self.vary = {}  # url key -> lower-case header names the answer varies on
        self.entries = OrderedDict()  # (url key, variant) -> _Entry, oldest first
        self.size = 0
        self.check_seconds = getattr(settings, "PORTAL_FRONT_CACHE_CHECK_SECONDS", 0.1)
        self.clock = time.monotonic
        # (monotonic time of the last read, local changes then, version, next expiry)
        self._checked = (float("-inf"), None, None, None)

    def __call__(self, environ, start_response):
        if not is_anonymous_read(environ, self.bypass_cookies):
            return self.application(environ, start_response)
        try:
            version = self._current_version()
            key = self._key(environ)
            entry = self._fresh(key, version)
        except Exception:  # never worse than no cache
            logger.exception("Front cache lookup failed; answering through Django.")
            return self.application(environ, start_response)
        if entry is not None:
            return self._serve(environ, start_response, entry)
        if version is None or environ["REQUEST_METHOD"] != "GET":
            return self.application(environ, start_response)
        return self._fill(environ, start_response, version)

    # --- lookup ------------------------------------------------------------------

    def _current_version(self):
        """The content version, or None when it is unknown or a page expiry is due.

        Read from the shared cache at most every ``check_seconds`` (one MGET, about
        0.4 ms on loopback Redis here, the whole cost of a hit otherwise), and at
        once after a change made in this process (``portal.cache.local_changes``)."""
        now = self.clock()
        checked_at, changes, version, due = self._checked
        if now - checked_at >= self.check_seconds or changes != portal_cache.local_changes:
            changes = portal_cache.local_changes
            values = cache.get_many([CONTENT_VERSION_KEY, NEXT_EXPIRY_KEY])
            if NEXT_EXPIRY_KEY in values:
                due = values[NEXT_EXPIRY_KEY]
                due = None if due == "none" else float(due)
            else:  # forgotten (a change, a flushed cache): computed and stored again
                due = expiry.next_expiry()
            version = values.get(CONTENT_VERSION_KEY) or portal_cache.content_version()
            self._checked = (now, changes, version, due)
        if due is not None and due <= expiry.now().timestamp():
            self._checked = (float("-inf"), None, None, None)
            return None  # Django's ExpiredPagesMiddleware unpublishes it first
        return version

    def _key(self, environ):
        url = url_key(environ)
        vary = self.vary.get(url)
        return (url, None if vary is None else variant_key(environ, vary))

    def _fresh(self, key, version):
        entry = self.entries.get(key)
        if entry is None:
            return None
        if version is None or entry.version != version or entry.expires_at <= time.time():
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def _serve(self, environ, start_response, entry):
        age = str(max(0, int(time.time() - entry.stored_at)))
        headers = [*entry.headers, ("Age", age), (STATUS_HEADER, "hit")]
        if not_modified(environ, entry):
            keep = {"etag", "last-modified", "cache-control", "expires", "vary"}
            start_response("304 Not Modified", [h for h in headers if h[0].lower() in keep])
            return []
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [entry.body]

    # --- storing -----------------------------------------------------------------

    def _fill(self, environ, start_response, version):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        lowered = _lowered(captured.get("headers", ()))
        if not _may_keep(captured.get("status", ""), lowered):
            return result  # untouched: files keep streaming (wsgi.file_wrapper)
        try:
            chunks = list(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            self._store(environ, version, captured["headers"], lowered, chunks)
        except Exception:
            logger.exception("Front cache could not keep an answer.")
        return chunks

    def _store(self, environ, version, headers, lowered, chunks):
        body = b"".join(chunks)
        if len(body) > self.max_entry_bytes:
            return
        vary = tuple(
            sorted(
                {
                    name.strip().lower()
                    for value in lowered.get("vary", [])
                    for name in cc_delim_re.split(value)
                    if name.strip()
                }
                - {"cookie"}
            )
        )
        if "*" in vary:
            return
        max_age = _max_age(headers)
        if not max_age:
            return
        url = url_key(environ)
        if self.vary.get(url, vary) != vary:
            self._drop_url(url)
        key = (url, variant_key(environ, vary))
        self._drop(key)
        self.entries[key] = _Entry(version, max_age, headers, body)
        self.size += len(body)
        while self.size > self.max_bytes and len(self.entries) > 1:
            self._drop(next(iter(self.entries)))
        if self.size > self.max_bytes:
            self._drop(key)  # larger than the whole budget
        else:
            self.vary[url] = vary

    def _drop(self, key):
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry.body)
            # Bounded with the entries (any number of URLs may be asked for); another
            # variant of the URL is found again after its next pass through Django.
            self.vary.pop(key[0], None)

    def _drop_url(self, url):
        for key in [key for key in self.entries if key[0] == url]:
            self._drop(key)


def _lowered(headers):
    """{lower-case header name: [values]} of a WSGI header list."""
    lowered = {}
    for name, value in headers:
        lowered.setdefault(name.lower(), []).append(value)
    return lowered


def _may_keep(status, lowered):
    """A 200 that wagtail-cache kept (so not streamed, not private) and sets no cookie."""
    return (
        status.startswith("200")
        and lowered.get(STATUS_HEADER.lower(), [""])[0] in ("miss", "hit")
        and "set-cookie" not in lowered
    )


def _max_age(headers):
    """Seconds from the answer's Cache-Control ``max-age`` (None without one)."""
    for name, value in headers:
        if name.lower() != "cache-control":
            continue
        for directive in cc_delim_re.split(value):
            key, _, argument = directive.strip().partition("=")
            if key.lower() == "max-age" and argument.strip().isdigit():
                return int(argument)
    return None


def wrap(application):
    """``application`` behind a :class:`FrontCache` when the page cache is on."""
    enabled = getattr(settings, "WAGTAIL_CACHE", True) and getattr(
        settings, "PORTAL_FRONT_CACHE", True
    )
    return FrontCache(application) if enabled else application
