"""The site's public address, for anything that shows visitors a full URL (QR codes,
the partners page).

One place to point at the configured public address when it lands (branch seo12
adds a setting); until then: the host the request came in on, else the default
Site record's root URL.
"""

from django.utils import translation
from wagtail.models import Site


def public_base_url(request=None):
    """``"https://host[:port]"`` without a trailing slash."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def public_url(path, request=None):
    """An absolute URL for a site path such as ``/feeds/events.ics?lang=vi``."""
    return public_base_url(request) + path


def public_page_url(page, language, request=None):
    """The page's absolute URL as a visitor of ``language`` sees it."""
    with translation.override(language):
        _site_id, _root, path = page.get_url_parts(request)
    return public_url(path, request)
