"""Pages an anonymous visitor may see, in the SQL query that lists them.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction in a query
of its own, on every call: a page that lists villages, homestays and its menu paid
that query five to nine times. ``live_public(queryset)`` keeps the same rule (no
draft, nothing at or below a restricted page) with the restricted paths read once
per content version (``portal.cache``: any save or delete of a restriction gives a
new version, at once and again when its transaction commits).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from portal.cache import cached_for_content, memoized

# Bounds only what a change made outside Django (raw SQL) could leave stale.
RESTRICTIONS_SECONDS = 5 * 60


def _outermost(paths):
    """The paths no other path in ``paths`` is a prefix of, sorted (a restriction
    below a restricted page adds nothing)."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def restricted_paths():
    """Tree paths (Wagtail's materialised ``path``) of the outermost pages with a
    view restriction of any kind (password, login, groups): what is at or below
    them is private. One query per content version, none after; one read of the
    shared cache per request."""

    def read():
        return _outermost(PageViewRestriction.objects.values_list("page__path", flat=True))

    return memoized(
        "portal:restricted-paths",
        lambda: cached_for_content("portal:restricted-paths", read, RESTRICTIONS_SECONDS),
    )


def live_public(queryset):
    """``queryset.live().public()`` with no query of its own once the restrictions
    are cached: a page is left out when a view restriction sits on it or on one of
    its ancestors (its path starts with the restricted page's path)."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    queryset = queryset.live()
    return queryset.exclude(private) if private else queryset
