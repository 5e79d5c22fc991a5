"""URLs of a route's downloads (language-neutral paths with ?lang=)."""

from django.urls import reverse
from django.utils.http import urlencode

from portal.address import absolute_url


def _with_language(path, language):
    return f"{path}?{urlencode({'lang': language})}" if language else path


def _absolute(request, path):
    return absolute_url(path)


def gpx_path(page, language):
    return _with_language(reverse("route_gpx", args=[page.pk]), language)


def geojson_path(page, language):
    return _with_language(reverse("route_geojson", args=[page.pk]), language)


def gpx_url(request, page, language):
    return _absolute(request, gpx_path(page, language))


def geojson_url(request, page, language):
    return _absolute(request, geojson_path(page, language))


def page_absolute_url(request, page):
    return absolute_url(page.get_url(request))
