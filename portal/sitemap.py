"""The sitemap lists every live public page once per language, with alternates.

Up to PAGES_PER_FILE pages, ``/sitemap.xml`` is that list. Beyond, it is a sitemap
index (sitemaps.org protocol) naming ``/sitemap.xml?p=1`` … ``?p=N``, each a list
of PAGES_PER_FILE pages in tree order: at the bench's 15,600 pages the one file was
15 MB, built in 5.4 s with a query count growing with the site.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from portal import languages
from portal.address import absolute_url
from portal.i18n import default_language, language_codes, page_url
from portal.specific import as_specific, joined

PAGES_PER_FILE = 2000  # each page gives one URL per language, with its alternates


def sitemap_urls(page, request):
    lastmod = page.last_published_at or page.latest_revision_created_at
    urls = {code: page_url(page, code, request, absolute=True) for code in language_codes()}
    alternates = [
        {"lang_code": languages.info(code).hreflang, "location": url} for code, url in urls.items()
    ]
    alternates.append({"lang_code": "x-default", "location": urls[default_language()]})
    return [
        {"location": url, "lastmod": lastmod, "alternates": alternates} for url in urls.values()
    ]


class PortalSitemap(Sitemap):
    i18n = False
    alternates = True

    @property
    def limit(self):
        return PAGES_PER_FILE

    def items(self):
        """Wagtail's (the site's live, public pages in tree order, StreamFields left
        out), each page type's columns joined in the same query (portal.specific):
        Wagtail's ``.specific()`` read one more query per page type."""
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return joined(pages.live().public().order_by("path"))

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            urls.extend(sitemap_urls(as_specific(item), self.request))
        lastmods = [u["lastmod"] for u in urls if u["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap_response(request):
    """``/sitemap.xml``: the list of pages when they fit in one file, else the index
    of its ``?p=`` files; ``?p=N`` is the N-th file (404 past the last)."""
    sitemap = PortalSitemap(request)
    files = 1 if "p" in request.GET else sitemap.paginator.num_pages
    if files <= 1:
        return sitemap_views.sitemap(request, sitemaps={"pages": sitemap})
    location = absolute_url(reverse("sitemap"))
    items = [sitemap_views.SitemapIndexItem(f"{location}?p={n}") for n in range(1, files + 1)]
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's files
    return response
