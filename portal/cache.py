"""Clearing the shared page cache whenever published content changes.

Whole anonymous responses (pages, API, feeds) are cached by wagtail-cache in the
"pages" cache. Any change to a page, a snippet, an image or a site setting may
show on many URLs (menus, listings, feeds), so the whole page cache is cleared:
simple, and correct for every instance that shares the cache.

The same change gives the site's content a new version (``content_version()``, a
token in the default cache, shared by every instance through Redis): what is derived
from the page tree for every request (the header's sections and menu,
``portal.navigation``) is cached under that version, so a change is seen at once.
"""

import hashlib
import threading
import uuid

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtailcache.cache import clear_cache

CONTENT_VERSION_KEY = "portal:content-version"

# Models whose saving says nothing about what visitors see.
_IGNORED_APPS = {"sessions", "admin", "contenttypes", "auth", "wagtailusers", "taggit"}
_IGNORED_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "rendition",
    "redirect",
    "indexentry",
    "pagesubscription",
    "workflowstate",
    "taskstate",
    "comment",
    "commentreply",
    "pagelock",
    "uploadedfile",
    # Stored event occurrences follow their event's publish (a change of its own) or
    # the daily job, which announces what it writes (events.models.occurrence.extend);
    # one clear per row would cost two Redis calls for each of a weekly market's
    # ≈ 360 rows.
    "eventoccurrence",
}


_request = threading.local()


def request_memo():
    """A dict that lives as long as the request being answered (from Django's
    ``request_started`` to ``request_finished``, on this thread), emptied when this
    process changes content; None outside a request (commands, tests that call
    functions directly), where nothing is memoised."""
    return getattr(_request, "memo", None)


def memoized(key, compute):
    """``compute()``, computed once per request under ``key`` (every time outside
    a request). For values a request may read many times and must not change during
    it: the content version, the restricted paths, the sites' root paths."""
    memo = request_memo()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _start_request(**kwargs):
    _request.memo = {}


def _end_request(**kwargs):
    _request.memo = None


def content_version():
    """A token (32 hex characters) that changes whenever content visitors see may
    have changed; the key of anything cached from the page tree. Read from the
    shared cache once per request (a home page asked twelve times)."""
    return memoized(CONTENT_VERSION_KEY, _shared_content_version)


def _shared_content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(CONTENT_VERSION_KEY) or uuid.uuid4().hex
    return version


def cached_for_content(key, compute, seconds=60 * 60):
    """``compute()``, cached under ``key`` for the current content version: recomputed
    after any change to content; ``seconds`` only bounds what a change made outside
    Django (a bulk SQL update) could leave stale. A result of None is cached too."""
    versioned = f"{key}:{content_version()}"
    stored = cache.get(versioned)  # (value,), so that None is an answer, not a miss
    if not isinstance(stored, tuple):
        stored = (compute(),)
        cache.set(versioned, stored, seconds)
    return stored[0]


def cached_for_query(prefix, queryset, compute, seconds=60 * 60):
    """``compute()``, cached per content version under ``prefix`` and the SQL and
    parameters of ``queryset`` (so under every filter, ordering and date it holds):
    for answers read from one query that are the same for every visitor (a count,
    the ids of a page of results). Computed uncached when the query can match
    nothing (Django then builds no SQL) or is in random order (``order_by("?")``, the
    API's ``?order=random``: the same SQL each time, a different answer wanted)."""
    if "?" in queryset.query.order_by:
        return compute()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return compute()
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    return cached_for_content(f"{prefix}:{digest}", compute, seconds)


class CachedSlices:
    """``queryset`` for a paginator (Django's, or the Wagtail API's): its count and
    each slice's primary keys are cached per content version (cached_for_query), and
    a slice is read again by those keys through ``queryset`` itself, so its filters
    (live, public) and order still apply: one query over at most a page of rows, not
    a count and a sort of every match on each request."""

    def __init__(self, queryset, prefix):
        self.queryset = queryset
        self.prefix = prefix

    def count(self):
        return cached_for_query(f"{self.prefix}:count", self.queryset, self.queryset.count)

    def __len__(self):
        return self.count()

    def slice_queryset(self, index):
        """The rows of ``index`` (a slice) as a queryset."""
        if index.step is not None:
            raise TypeError("CachedSlices takes slices without a step")
        start, stop = index.start or 0, index.stop
        keys = self.queryset.values_list("pk", flat=True)
        ids = cached_for_query(
            f"{self.prefix}:{start}:{stop}", self.queryset, lambda: list(keys[start:stop])
        )
        return self.queryset.filter(pk__in=ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self.slice_queryset(slice(index, index + 1))[0]
        return list(self.slice_queryset(index))


# Changes made by this process (each new_content_version, and its commit): the front
# cache (portal.front_cache) re-reads the shared version at once when it moves.
local_changes = 0


def _forget_version():
    global local_changes
    local_changes += 1
    cache.delete(CONTENT_VERSION_KEY)
    memo = request_memo()
    if memo is not None:
        memo.clear()


def _content_changed_now():
    """Clear the page cache and forget the content version."""
    clear_cache()
    _forget_version()


def _queued(connection):
    # Django drops a rolled-back savepoint's callbacks from this list, so a
    # transaction whose queued clear was rolled back queues it again.
    return any(entry[1] is _content_changed_now for entry in connection.run_on_commit)


def new_content_version(using=None):
    """Clear the page cache and forget the version now and, inside a transaction,
    once more when it commits: an anonymous request answered between a save and its
    commit read the old rows and may have stored them. One callback per transaction,
    however many rows it writes (a publish writes about ten)."""
    _content_changed_now()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not _queued(connection):
        transaction.on_commit(_content_changed_now, using=using)


def _content_changed(sender, using=None, **kwargs):
    meta = sender._meta
    if meta.app_label in _IGNORED_APPS or meta.model_name in _IGNORED_MODELS:
        return
    new_content_version(using)


def connect_signals():
    request_started.connect(_start_request, dispatch_uid="portal_request_memo_start")
    request_finished.connect(_end_request, dispatch_uid="portal_request_memo_end")
    post_save.connect(_content_changed, dispatch_uid="portal_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="portal_cache_post_delete")
