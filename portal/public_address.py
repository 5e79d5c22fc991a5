"""Full URLs for what visitors scan or copy (QR codes, the partners page), built on
the one public address, ``settings.PORTAL_BASE_URL`` (see :mod:`portal.address`).
"""

from django.utils import translation

from portal.address import base_url


def public_base_url(request=None):
    """``"https://host[:port]"`` without a trailing slash: the configured public
    address (``request`` is accepted for callers' convenience and not used: the
    address a visitor should keep is the public one, not the one a proxy used)."""
    return base_url()


def public_url(path, request=None):
    """An absolute URL for a site path such as ``/feeds/events.ics?lang=vi``."""
    return public_base_url(request) + path


def public_page_url(page, language, request=None):
    """The page's absolute URL as a visitor of ``language`` sees it."""
    with translation.override(language):
        _site_id, _root, path = page.get_url_parts(request)
    return public_url(path, request)
