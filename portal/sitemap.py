"""The sitemap lists every live public page once per language, with alternates."""

from wagtail.contrib.sitemaps import Sitemap

from portal import languages
from portal.i18n import default_language, language_codes, page_url


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

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            urls.extend(sitemap_urls(item, self.request))
        lastmods = [u["lastmod"] for u in urls if u["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
