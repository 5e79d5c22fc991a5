"""Test settings: fast hashing, no manifest, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# As roomy as production's Redis (which evicts nothing at this size): LocMem's default
# of 300 entries would push out per-site entries once a test lists 500 renditions,
# and query counts would measure the cache's size, not the page.
_ROOMY = {"MAX_ENTRIES": 1_000_000}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": _ROOMY},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": _ROOMY,
    },
}
# The page cache outlives each test's rolled-back transaction; tests that check
# caching switch it on themselves.
WAGTAIL_CACHE = False
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
