import unicodedata

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from portal import i18n, languages, navigation, seo
from portal.address import absolute_url
from portal.structured_data import page_graph

register = template.Library()


def _language_urls(context, absolute):
    """{code: url} of the current page or view in every language."""
    request = context.get("request")
    page = context.get("page")
    urls = {}
    for code in i18n.language_codes():
        if isinstance(page, Page) and page.pk:
            urls[code] = i18n.page_url(page, code, request, absolute=absolute)
        elif request is not None:
            path = i18n.path_in_language(request, code)
            urls[code] = absolute_url(path) if absolute else path
    return urls


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher: each language with the URL of this same page in it."""
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    return [
        {
            "code": code,
            "hreflang": languages.info(code).hreflang,
            # Django's own table spells some names decomposed (NFD): "Tiếng Việt".
            "name": unicodedata.normalize("NFC", translation.get_language_info(code)["name_local"]),
            "label": names[code],
            "url": url,
            "current": code == current,
        }
        for code, url in _switcher_urls(context).items()
        if url
    ]


def _switcher_urls(context):
    """{code: path} for the switcher: the same page in each language, keeping the
    visitor's choices (filters, month, page number) from the query string."""
    request = context.get("request")
    urls = _language_urls(context, absolute=False)
    page = context.get("page")
    query = request.GET.urlencode() if request is not None else ""
    if not query or not (isinstance(page, Page) and page.pk):
        return urls  # views that are not pages keep their query already
    return {code: f"{url}?{query}" if url else url for code, url in urls.items()}


@register.simple_tag(takes_context=True)
def key_sections(context):
    """Villages, homestays, festivals, routes, map and search: [navigation.KeySection]."""
    request = context.get("request")
    sections = navigation.key_sections(request, context.get("page"))
    if request is not None:
        sections.append(navigation.search_section(request))
    return sections


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Absolute alternates for every language plus x-default (the default language)."""
    urls = _language_urls(context, absolute=True)
    links = [
        {"hreflang": languages.info(code).hreflang, "url": url} for code, url in urls.items() if url
    ]
    default = urls.get(i18n.default_language())
    if default:
        links.append({"hreflang": "x-default", "url": default})
    return links


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return _language_urls(context, absolute=True).get(translation.get_language(), "")


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live, public children of the site's home page that are marked 'show in menus'."""
    return navigation.menu_pages(context.get("request"))


@register.simple_tag(takes_context=True)
def page_ancestors(context):
    """[Page] above the current page, the tree's root first (once per request)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return navigation.ancestors(page, context.get("request"))


@register.simple_tag(takes_context=True)
def site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.filter
def shows_fallback(page):
    return isinstance(page, Page) and i18n.shows_fallback(page.specific)


@register.simple_tag(takes_context=True)
def fallback_notice(context):
    """{"language": the reader's language, "shown": the languages they read instead},
    both named in the reader's language; None on a fully translated page."""
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    shown = i18n.fallback_languages(page.specific)
    if not shown:
        return None
    return {
        "language": i18n.language_name(translation.get_language(), in_sentence=True),
        "shown": i18n.language_list(shown, in_sentence=True),
    }


@register.filter
def is_within(page, section):
    """True when ``page`` is ``section`` or one of its descendants (menu highlighting)."""
    return isinstance(page, Page) and page.path.startswith(section.path)


@register.filter
def is_editor(user):
    """True for a signed-in member of staff who may use the Wagtail admin: editor
    hints ("replace them in Settings…") are for them, never for visitors."""
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


@register.simple_tag
def default_language_code():
    return i18n.default_language()


@register.simple_tag(takes_context=True)
def open_graph_tags(context):
    """[(property, content)] for the current page; empty on views that are not pages."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return []
    return list(seo.open_graph(page, request, canonical_url(context)).items())


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description in the visitor's language (about 155 characters);
    the site's description on views that are not pages."""
    page = context.get("page")
    if isinstance(page, Page):
        return seo.description(page.specific)
    return seo.site_description()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD (its own nodes and a BreadcrumbList), one
    <script type="application/ld+json">; nothing on views that are not pages."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or not hasattr(page, "structured_data"):
        return ""
    return seo.json_ld_script(page_graph(page, request, context.flatten()))
