"""The portal's public address: one setting behind every absolute URL it writes.

``settings.PORTAL_BASE_URL`` (from the environment variable of the same name; in
development ``http://127.0.0.1:$PORT``, the address ``make run`` serves on) is the
one source. Wagtail's own settings (WAGTAILADMIN_BASE_URL for e-mails and image
``full_url``, WAGTAILAPI_BASE_URL for the API's ``detail_url``) are set from it,
page URLs are built on it (``portal.models.BasePage.get_url_parts``), and the
default Site record is kept in step with it by :func:`sync_site` (after every
``migrate`` and in ``prepare``).
"""

from urllib.parse import urlsplit

from django.conf import settings

# Settings that must all hold the same address (set together in settings/base.py).
BASE_URL_SETTINGS = ("PORTAL_BASE_URL", "WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL")
DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url_from_environment(environ, default_port="8000"):
    """``scheme://host[:port]`` without a trailing slash, e.g. "http://127.0.0.1:8000".

    PORTAL_BASE_URL wins, then WAGTAILADMIN_BASE_URL (older deployments), then
    http://127.0.0.1:$PORT (the address ``make run`` serves on).
    """
    url = environ.get("PORTAL_BASE_URL") or environ.get("WAGTAILADMIN_BASE_URL")
    if not url:
        url = f"http://127.0.0.1:{environ.get('PORT') or default_port}"
    return url.rstrip("/")


def base_url():
    """The public address now in force, e.g. "https://dulich.binhlieu.example"."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def absolute_url(url):
    """``url`` on the public address: "/vi/ban/" -> "http://127.0.0.1:8000/vi/ban/".

    URLs that already have a scheme (media on object storage, other sites) and
    empty values are returned unchanged.
    """
    if not url or urlsplit(url).scheme:
        return url
    return f"{base_url()}/{url.lstrip('/')}"


def site_address():
    """(hostname, port) of the public address, as Wagtail's Site record holds them."""
    parts = urlsplit(base_url())
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def sync_site(site=None):
    """Make the default Site record name the public address; True when it changed.

    Only hostname and port change: the root page and the name staff chose stay.
    """
    from wagtail.models import Site

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
