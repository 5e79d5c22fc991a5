"""Local development: `make run`."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
# Editors previewing their changes at once matter more than speed on a laptop.
WAGTAIL_CACHE = os.environ.get("PAGE_CACHE", "") == "1"
# Moderation e-mails (submitted, approved, rejected) are printed on the console.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
