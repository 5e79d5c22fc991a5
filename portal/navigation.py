"""The key sections a visitor comes for, one tap from every page.

Villages, homestays (the finder), festivals, routes and the map are pages of
other apps: portal finds them by their Wagtail page type (``app_label.Model``),
never by importing those apps, so a site without an app simply shows fewer
sections. Search is a view of portal itself.

``key_sections(request)`` returns ``[KeySection]`` in the order below; it costs
one SQL query (the first live, public page of each type under the site's root),
none while the site's content has not changed (cached per ``content_version``).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portal.cache import cached_for_content
from portal.models.visibility import live_public

# (key, page type, short label for a phone's bottom bar); the templates draw the
# icon of each key (includes/nav_icon.html).
SECTIONS = (
    ("villages", "villages.VillageIndexPage", _("Villages")),
    ("homestays", "villages.HomestayFinderPage", _("Homestays")),
    ("festivals", "events.EventIndexPage", _("Festivals")),
    ("routes", "routes.RouteIndexPage", _("Routes")),
    ("map", "villages.MapPage", _("Map")),
)


@dataclass
class KeySection:
    """One entry of the key-section bar: ``url`` is a path such as "/vi/ban-do/";
    ``current`` is true on that page and on every page below it."""

    key: str
    label: str
    url: str
    current: bool = False


def _content_types():
    """{content type id: (key, label)} of the section types that are installed."""
    found = {}
    for key, label_path, label in SECTIONS:
        try:
            model = apps.get_model(label_path)
        except (LookupError, ValueError):
            continue
        found[ContentType.objects.get_for_model(model).pk] = (key, label)
    return found


def _current_path(context_page):
    return context_page.path if isinstance(context_page, Page) else ""


def key_sections(request, page=None):
    """The key sections of the request's site, each with its URL in the active language.

    ``page`` (the page being shown, or None on views such as search) marks the
    section it belongs to as current. A section whose page is missing, a draft or
    private is left out.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    found = _section_pages(request, site)
    here = _current_path(page)
    sections = []
    for key, _path, label in SECTIONS:
        if key in found:
            section_page = found[key]
            sections.append(
                KeySection(
                    key=key,
                    label=str(label),
                    url=section_page.get_url(request),
                    current=bool(here) and here.startswith(section_page.path),
                )
            )
    return sections


def _section_pages(request, site):
    """{key: the first live, public page of that type}, looked up once per request."""
    return _site_pages(request, site)[0]


def section_page(request, site, key):
    """The first live, public page of section ``key`` (see SECTIONS) under the
    site's root, or None."""
    return _section_pages(request, site).get(key)


def section_for_request(request, key):
    """The first live, public page of section ``key`` of the request's site (a plain
    Wagtail ``Page``), or None: what a "see all" link leads to, at no query while the
    content has not changed."""
    site = Site.find_for_request(request) if request is not None else None
    return section_page(request, site, key) if site is not None else None


def menu_pages(request):
    """[Page]: live, public children of the site's home page marked 'show in menus',
    in tree order (looked up with the key sections, once per request)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return _site_pages(request, site)[1]


def _site_pages(request, site):
    """({key: first page of that section type}, [menu pages]) from one SQL query,
    cached on the request: the header asks for both on every page."""
    cached = getattr(request, "_portal_site_pages", None)
    if cached is not None:
        return cached
    types = _content_types()
    root = site.root_page
    pages = cached_for_content(
        f"portal:site-pages:{site.pk}",
        lambda: list(
            live_public(root.get_descendants())
            .filter(
                Q(content_type_id__in=list(types)) | Q(depth=root.depth + 1, show_in_menus=True)
            )
            .order_by("path")
        ),
    )
    first, menu = {}, []
    for found in pages:
        if found.depth == root.depth + 1 and found.show_in_menus:
            menu.append(found)
        if found.content_type_id in types:
            first.setdefault(types[found.content_type_id][0], found)
    request._portal_site_pages = (first, menu)
    return request._portal_site_pages


def ancestors(page, request=None):
    """[Page] above ``page``, the tree's root first (Wagtail's ``get_ancestors``),
    looked up once per request and page (the breadcrumbs and the BreadcrumbList
    both need them) and cached between requests per content version (not for a
    preview of a page not yet saved, which has no key of its own)."""

    def read():
        if page.pk is None:
            return list(page.get_ancestors())
        return cached_for_content(f"portal:ancestors:{page.pk}", lambda: list(page.get_ancestors()))

    if request is None:
        return read()
    cache = request.__dict__.setdefault("_portal_ancestors", {})
    if page.pk not in cache:
        cache[page.pk] = read()
    return cache[page.pk]


def search_section(request):
    """The search page as a key section (a view of portal, not a page)."""
    path = reverse("search")
    current = request is not None and request.path == path
    return KeySection(key="search", label=str(_("Search")), url=path, current=current)


# The home page's first links: (key of a section, or "trip", and what the button says).
HOME_ACTIONS = (
    ("homestays", _("Find a homestay")),
    ("festivals", _("Festival calendar")),
    ("routes", _("Routes to walk and ride")),
    ("map", _("Map")),
    ("trip", _("Plan your trip")),
)


def home_actions(request, trip_page=None):
    """[KeySection] for the home page's calls to action, in HOME_ACTIONS order;
    ``trip_page`` is the live plan-your-trip page or None (then that action is left out)."""
    urls = {section.key: section.url for section in key_sections(request)}
    if trip_page is not None:
        urls["trip"] = trip_page.get_url(request)
    return [
        KeySection(key=key, label=str(label), url=urls[key])
        for key, label in HOME_ACTIONS
        if urls.get(key)
    ]
