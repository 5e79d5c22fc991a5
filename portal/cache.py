"""Clearing the shared page cache whenever published content changes.

Whole anonymous responses (pages, API, feeds) are cached by wagtail-cache in the
"pages" cache. Any change to a page, a snippet, an image or a site setting may
show on many URLs (menus, listings, feeds), so the whole page cache is cleared:
simple, and correct for every instance that shares the cache.
"""

from django.db.models.signals import post_delete, post_save
from wagtailcache.cache import clear_cache

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
}


def clear_page_cache(**kwargs):
    clear_cache()


def _content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in _IGNORED_APPS or meta.model_name in _IGNORED_MODELS:
        return
    clear_cache()


def connect_signals():
    post_save.connect(_content_changed, dispatch_uid="portal_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="portal_cache_post_delete")
