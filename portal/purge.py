"""Purging the reverse-proxy cache precisely when published content changes.

nginx keeps anonymous answers (deploy/nginx/portal.conf) and Wagtail's frontend
cache sends it PURGE requests. Wagtail alone purges only the published page's own
path with each language prefix swapped, which is wrong with per-language slugs
(/vi/gioi-thieu/ and /en/about/). Here, for a page that is published, unpublished
(or deleted) or moved, :func:`urls_affected_by` lists every path that shows it:

- the page in every public language, and its old paths after a slug change or a move
  (with its live descendants' old paths, whose URLs changed with it);
- its ancestors in every language (index pages and the home page list children);
- language-neutral data paths: the sitemap, the pages API, and whatever apps add
  with the ``portal_purge_paths`` hook (feeds, embeds, GeoJSON, their API), bare and
  with ``?lang=`` for every language (other query strings follow nginx's micro-cache).

A snippet edit purges the listings: every site's home page and every hook path
(hooks called with ``page=None``). Other pages that show a snippet follow within
nginx's micro-cache (5 s). Nothing is computed or sent unless WAGTAILFRONTENDCACHE
(or WAGTAILFRONTENDCACHE_LOCATION) is set; URLs are sent after the transaction
commits, so nginx never re-caches the old version in between.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail import __version__ as wagtail_version
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from portal.address import absolute_url
from portal.i18n import language_codes, page_url

HOOK = "portal_purge_paths"

logger = logging.getLogger("wagtail.frontendcache")

# Seconds to wait for the purge server (loopback nginx) per PURGE; purges run in the
# editor's request after the commit, so a hung purge server must not hold it long.
TIMEOUT = 3

# Paths of a page before a publish or a move changed them: {page pk: {path, …}}.
_old_paths = {}


def is_configured():
    """True when a frontend cache (nginx purge server, CDN) is configured."""
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _path(url):
    return urlsplit(url).path if url else None


def page_paths(page):
    """{"/vi/gioi-thieu/", "/en/about/"}: the page's path in every public language."""
    paths = {_path(page_url(page, language)) for language in language_codes()}
    paths.discard(None)
    return paths


def _live_descendants(page):
    from wagtail.models import Page

    return Page.objects.descendant_of(page).live()


def _renamed_descendant_paths(page, old_page_paths):
    """Old paths of the live descendants of ``page``, whose own paths moved with it.

    ``old_page_paths``: {language: old path of ``page``}. Each descendant's old path
    is its new path with the page's new prefix swapped for the old one.
    """
    paths = set()
    new_page_paths = {language: _path(page_url(page, language)) for language in language_codes()}
    changed = {
        language: (new, old_page_paths[language])
        for language, new in new_page_paths.items()
        if new and old_page_paths.get(language) and new != old_page_paths[language]
    }
    if not changed:
        return paths
    for descendant in _live_descendants(page):
        for language, (new_prefix, old_prefix) in changed.items():
            path = _path(page_url(descendant, language))
            if path and path.startswith(new_prefix):
                paths.add(old_prefix + path[len(new_prefix) :])
    return paths


def hook_paths(page):
    """Language-neutral paths the apps say show ``page`` (None: a snippet edit), each
    also with ``?lang=<code>`` for every public language (the links the site shows)."""
    paths = set()
    for fn in hooks.get_hooks(HOOK):
        paths.update(fn(page) or ())
    return paths | {f"{path}?lang={code}" for path in paths for code in language_codes()}


def urls_affected_by(page, old_paths=()):
    """Every path (e.g. "/en/about/", "/feeds/events.ics") that shows ``page``.

    ``page``: a page (any class) that was published, unpublished, moved or deleted.
    ``old_paths``: its paths before the change (slug change or move), added as they are.
    Returns a set of absolute paths (no scheme or host).
    """
    page = page.specific_deferred
    paths = set(old_paths) | page_paths(page)
    for ancestor in page.get_ancestors().filter(depth__gt=1).live():
        paths |= page_paths(ancestor)
    paths |= {"/sitemap.xml", "/api/v2/pages/", f"/api/v2/pages/{page.pk}/"}
    paths |= hook_paths(page)
    return paths


def urls_affected_by_snippet(instance=None):
    """Paths of the listings a snippet may show in: every site's home page and hook paths."""
    from wagtail.models import Site

    paths = {"/sitemap.xml", "/api/v2/pages/"}
    for site in Site.objects.select_related("root_page"):
        paths |= page_paths(site.root_page)
    paths |= hook_paths(None)
    return paths


def purge_paths(paths):
    """Send ``paths`` (on the public address) to every configured frontend cache,
    once the current transaction commits."""
    if not paths or not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch(absolute_url(path) for path in sorted(paths))
    transaction.on_commit(batch.purge)


class EncodingsHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, sending one PURGE per encoding nginx keeps.

    deploy/nginx/portal.conf keys an answer by its URI and by the client's
    Accept-Encoding reduced to ``gzip`` or ``identity`` (one entry each, whatever list a
    browser sends), and its purge server reads the PURGE's own Accept-Encoding the same
    way. So ``purge("https://binhlieu.example.vn/en/about/")`` sends
    ``PURGE /en/about/`` to LOCATION twice, with ``Accept-Encoding: gzip`` and with
    ``identity``, each with the page's Host, waiting at most TIMEOUT (3) seconds for
    each. nginx answers 200 (dropped) or 204 (was not kept); an HTTP or network error
    is logged (logger ``wagtail.frontendcache``), never raised, as Wagtail's own
    backend does. (Wagtail's ``purge`` builds its request headers inside, so this one
    builds the same request itself.)

    Settings: as HTTPBackend (``LOCATION``, ``HOSTNAMES``), e.g. in
    ``WAGTAILFRONTENDCACHE = {"nginx": {"BACKEND": "portal.purge.EncodingsHTTPBackend",
    "LOCATION": "http://127.0.0.1:8079"}}``.
    """

    ENCODINGS = ("gzip", "identity")

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
        )
        for encoding in self.ENCODINGS:
            headers = {
                "Host": host,
                "Accept-Encoding": encoding,
                "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
            }
            try:
                urlopen(PurgeRequest(url=target, headers=headers), timeout=TIMEOUT).close()
            except HTTPError as error:
                logger.error(
                    "Couldn't purge '%s' (%s) from HTTP cache. HTTPError: %d %s",
                    url,
                    encoding,
                    error.code,
                    error.reason,
                )
            except (URLError, OSError) as error:
                logger.error(
                    "Couldn't purge '%s' (%s) from HTTP cache. URLError: %s",
                    url,
                    encoding,
                    getattr(error, "reason", error),
                )


# --- Signal handlers ---------------------------------------------------------------


def _remember_old_paths(sender, instance, update_fields=None, **kwargs):
    """Before a page is saved: remember its live paths, in case its slug changes."""
    from wagtail.models import Page

    if not isinstance(instance, Page) or instance.pk is None or not is_configured():
        return
    if update_fields is not None and not any(
        name.startswith(("slug", "url_path")) for name in update_fields
    ):
        return  # a draft save, lock, etc.: the paths cannot change
    stored = Page.objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        _old_paths[instance.pk] = {
            language: _path(page_url(stored, language)) for language in language_codes()
        }


def _old_paths_of(page, key=None):
    """Paths remembered before the change: the page's own and its descendants'."""
    old = _old_paths.pop(key or page.pk, None)
    if not old:
        return set()
    return {path for path in old.values() if path} | _renamed_descendant_paths(page, old)


def _page_published(sender, instance, **kwargs):
    if is_configured():
        purge_paths(urls_affected_by(instance, _old_paths_of(instance)))


def _page_unpublished(sender, instance, **kwargs):
    if is_configured():
        # Unpublishing and deleting: the live descendants went with it.
        old = set()
        for descendant in _live_descendants(instance):
            old |= page_paths(descendant)
        purge_paths(urls_affected_by(instance, old))


def _before_move(sender, instance, **kwargs):
    if not is_configured():
        return
    _old_paths[("move", instance.pk)] = {
        language: _path(page_url(instance, language)) for language in language_codes()
    }
    # The old parent's listings, gone after the move.
    for ancestor in instance.get_ancestors().filter(depth__gt=1).live():
        _old_paths.setdefault(("ancestors", instance.pk), set()).update(page_paths(ancestor))


def _after_move(sender, instance, **kwargs):
    if not is_configured():
        return
    _old_paths.pop(instance.pk, None)  # remembered by the save inside the move
    old = _old_paths_of(instance, ("move", instance.pk))
    old |= _old_paths.pop(("ancestors", instance.pk), set())
    if instance.live:
        purge_paths(urls_affected_by(instance, old))
    else:
        purge_paths(old)


def _snippet_changed(sender, instance, **kwargs):
    from wagtail.snippets.models import get_snippet_models

    if is_configured() and sender in get_snippet_models():
        purge_paths(urls_affected_by_snippet(instance))


def connect_signals():
    pre_save.connect(_remember_old_paths, dispatch_uid="portal_purge_pre_save")
    page_published.connect(_page_published, dispatch_uid="portal_purge_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="portal_purge_unpublished")
    pre_page_move.connect(_before_move, dispatch_uid="portal_purge_pre_move")
    post_page_move.connect(_after_move, dispatch_uid="portal_purge_post_move")
    post_save.connect(_snippet_changed, dispatch_uid="portal_purge_snippet_saved")
    post_delete.connect(_snippet_changed, dispatch_uid="portal_purge_snippet_deleted")
