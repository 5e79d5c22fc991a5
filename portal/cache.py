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

import uuid

from django.core.cache import cache
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


def content_version():
    """A token (32 hex characters) that changes whenever content visitors see may
    have changed; the key of anything cached from the page tree."""
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


# Changes made by this process (each new_content_version, and its commit): the front
# cache (portal.front_cache) re-reads the shared version at once when it moves.
local_changes = 0


def _forget_version():
    global local_changes
    local_changes += 1
    cache.delete(CONTENT_VERSION_KEY)


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
    post_save.connect(_content_changed, dispatch_uid="portal_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="portal_cache_post_delete")
