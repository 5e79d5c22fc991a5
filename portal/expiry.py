"""Expired pages leave the site the moment their ``expire_at`` passes, before any job runs.

Wagtail marks a page not live only when ``publish_scheduled`` runs; until then an
expired page would still be served, listed, searched, fed and cached. Here the
earliest ``expire_at`` among live pages is kept in the default cache (recomputed
whenever a page is saved, published, unpublished or deleted), and
:class:`ExpiredPagesMiddleware` compares it with the clock on every request: a
cache read, no query. Once the moment has passed, the due pages are unpublished
exactly as ``publish_scheduled`` would (``set_expired``, logged as
"wagtail.unpublish.scheduled"), before the page cache is consulted, so every
output (pages, search, sitemap, API, GeoJSON, feeds, embeds, listings, cached
responses) sees them gone from that request on. Go-live times still need the
scheduler (``publish_scheduled``, see README).
"""

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

NEXT_EXPIRY_KEY = "portal:next-page-expiry"
_NONE = "none"


def now():
    """The current time (aware); tests move it."""
    return timezone.now()


def remember_next_expiry(**kwargs):
    """Store the earliest ``expire_at`` of a live page (Unix seconds) or "none"."""
    at = (
        Page.objects.filter(live=True, expire_at__isnull=False)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    cache.set(NEXT_EXPIRY_KEY, at.timestamp() if at else _NONE, timeout=None)


def next_expiry():
    """The earliest ``expire_at`` of a live page as Unix seconds, or None."""
    value = cache.get(NEXT_EXPIRY_KEY)
    if value is None:
        remember_next_expiry()
        value = cache.get(NEXT_EXPIRY_KEY)
    return None if value in (None, _NONE) else float(value)


def expire_due_pages(at=None):
    """Unpublish every live page whose ``expire_at`` has passed; returns how many.

    Rows another process is already unpublishing are skipped (``skip_locked``).
    """
    moment = at or now()
    count = 0
    with transaction.atomic():
        due = (
            Page.objects.select_for_update(skip_locked=True)
            .filter(live=True, expire_at__lte=moment)
            .values_list("pk", flat=True)
        )
        for page in Page.objects.filter(pk__in=list(due)).specific():
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            count += 1
    remember_next_expiry()
    return count


class ExpiredPagesMiddleware:
    """Unpublish due pages before the request is answered (put before the page cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            at = next_expiry()
            if at is not None and at <= now().timestamp():
                expire_due_pages()
        except DatabaseError:
            # The database is down: cached pages are still served, the views answer
            # 503 (portal.faults), and the next request after recovery expires.
            pass
        return self.get_response(request)


def _page_changed(sender, **kwargs):
    if issubclass(sender, Page):
        remember_next_expiry()


def connect_signals():
    post_save.connect(_page_changed, dispatch_uid="portal_expiry_post_save")
    post_delete.connect(_page_changed, dispatch_uid="portal_expiry_post_delete")
    page_published.connect(remember_next_expiry, dispatch_uid="portal_expiry_published")
    page_unpublished.connect(remember_next_expiry, dispatch_uid="portal_expiry_unpublished")
