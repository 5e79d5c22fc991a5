"""Page routing in one query per request, not two per level of the page tree.

Wagtail finds the page for ``/vi/villages/ban-x/homestay-y/`` by asking each page on
the way for its child with the next slug. wagtail-modeltranslation replaces every
translated page type's ``route`` with one that, to honour slug fallbacks, reads
*every* child of each page on the way and compares their slugs in Python, then reads
the matching child's specific page: two queries per level, and a homestay among 500
siblings costs reading all 500 (issue 16: 64 ms of routing per request in the
query-count tests; a village of the large bench data holds 100 homestays).

:func:`route_from_site_root` replaces ``route`` on the site root's page type
(:class:`portal.models.HomePage`): one query reads the pages the path can name (at
each depth below the root, those whose slug as a visitor of the active language
reads it, fallback included, is that path component), the chain from the root is
followed in Python, and the last page's own ``route`` finishes (it answers 404 if the
page is not live). Where a page on the way routes in its own way (a RoutablePage, or
a page type with its own ``route``), that page's ``route`` takes over with the rest
of the path, as before. The result is the same page as the slug-by-slug walk.
"""

from django.db.models import Q
from django.http import Http404
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# wagtail-modeltranslation's ``route``, as installed on the translated page types.
_translated_route = None


def slug_lookup(slug, language):
    """A filter for the pages whose slug, as a visitor of ``language`` reads it, is
    ``slug``: their slug in ``language``, or where that is empty the slug in its
    fallback languages in order (``Page.slug``'s own fallback, which
    portal.i18n.route_by_default_language_slugs sets to the default language)."""
    matches, empty_so_far = Q(pk__in=[]), Q()
    if not slug:  # no page's slug reads as empty
        return matches
    fallbacks = Page.__dict__["slug"].fallback_languages
    for lang in resolution_order(language, fallbacks):
        field = build_localized_fieldname("slug", lang)
        matches |= empty_so_far & Q(**{field: slug})
        empty_so_far &= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return matches


def pages_on_path(root, components, language):
    """[Page, …]: the pages below ``root`` that ``components`` (slugs) name in
    ``language``, one per component, as far as the path leads (shorter when a
    component names no child). Plain ``Page`` objects, read in one query."""
    by_depth = {}
    for page in candidates_on_path(root, components, language):
        by_depth.setdefault(page.depth, []).append(page)
    chain, parent = [], root
    for level in range(1, len(components) + 1):
        child = next(
            (p for p in by_depth.get(root.depth + level, ()) if p.path.startswith(parent.path)),
            None,
        )
        if child is None:
            break
        chain.append(child)
        parent = child
    return chain


def candidates_on_path(root, components, language):
    """The query of :func:`pages_on_path`: the pages below ``root`` whose depth and
    slug (in ``language``, with fallbacks) match a component, by depth and path. It
    reads the translated slug columns through their indexes
    (``portal.page_indexes``), not every page of the site."""
    lookup = Q(pk__in=[])
    for level, slug in enumerate(components, start=1):
        lookup |= Q(depth=root.depth + level) & slug_lookup(slug, language)
    candidates = Page.objects.filter(path__startswith=root.path).filter(lookup)
    return candidates.order_by("depth", "path")


def _routes_its_own_way(page_class):
    return issubclass(page_class, RoutablePageMixin) or page_class.route is not _translated_route


def route_from_site_root(self, request, path_components):
    """``Page.route`` for the site root: a RouteResult for the page (or RoutablePage
    view) ``path_components`` name below ``self``; raises Http404 when none does."""
    if not path_components or isinstance(self, RoutablePageMixin):
        return _translated_route(self, request, path_components)
    chain = pages_on_path(self, path_components, get_language())
    for level, page in enumerate(chain, start=1):
        page_class = page.specific_class or Page
        if _routes_its_own_way(page_class):
            return page.specific.route(request, path_components[level:])
    if len(chain) < len(path_components):
        raise Http404
    return chain[-1].specific.route(request, [])


def route_in_one_query():
    """Install :func:`route_from_site_root` on the home page type (the root of every
    site). Runs in PortalConfig.ready, after wagtail-modeltranslation's app (listed
    before ``portal`` in INSTALLED_APPS) has installed its ``route``."""
    global _translated_route
    from portal.models import HomePage

    if HomePage.route is not route_from_site_root:
        _translated_route = HomePage.route
        HomePage.route = route_from_site_root
