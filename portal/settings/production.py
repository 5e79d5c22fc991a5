"""Production: N instances behind a proxy, sharing PostgreSQL, Redis and object storage."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY in the environment.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Media on S3-compatible storage when a bucket is configured.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_QUERYSTRING_AUTH = False

# Moderation e-mails go out through SMTP, configured from the environment.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL


# --- Hardening (issue 9, harden9a): HTTPS ------------------------------------
# On by default. Behind a TLS-terminating proxy that redirects to HTTPS itself, set
# DJANGO_SECURE_SSL_REDIRECT=0; on a host that must also answer plain HTTP, set
# DJANGO_SECURE_HSTS_SECONDS=0. /healthz stays reachable over plain HTTP for probes.
def _env_flag(name, default):
    return os.environ.get(name, default).strip().lower() not in ("0", "false", "no", "off", "")


SECURE_SSL_REDIRECT = _env_flag("DJANGO_SECURE_SSL_REDIRECT", "1")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = _env_flag("DJANGO_SECURE_HSTS_PRELOAD", "1")


# --- Reverse-proxy cache purge (issue 16, item 4) -------------------------------
# With WAGTAILFRONTENDCACHE_LOCATION set (e.g. http://127.0.0.1:8079, the purge server of
# deploy/nginx/portal.conf), portal/purge.py sends "PURGE <path>" there for every URL
# that shows a page published, unpublished, moved or deleted (its URL in every
# language, old URLs, ancestors, feeds/API/GeoJSON; see docs/CONVENTIONS.md,
# "Hook: portal_purge_paths"), and for the listings on a snippet edit.
# WAGTAILFRONTENDCACHE_HOSTNAMES (comma-separated) limits it to those sites. nginx keeps
# each answer once per encoding (gzip or not), so each path is purged once per encoding
# (portal.purge.EncodingsHTTPBackend, Wagtail's HTTPBackend otherwise).
if os.environ.get("WAGTAILFRONTENDCACHE_LOCATION"):
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "portal.purge.EncodingsHTTPBackend",
            "LOCATION": os.environ["WAGTAILFRONTENDCACHE_LOCATION"],
        }
    }
    if os.environ.get("WAGTAILFRONTENDCACHE_HOSTNAMES"):
        WAGTAILFRONTENDCACHE["nginx"]["HOSTNAMES"] = [
            h for h in os.environ["WAGTAILFRONTENDCACHE_HOSTNAMES"].split(",") if h
        ]
    # No prefix swapping: slugs differ per language (/vi/gioi-thieu/, /en/about/), so
    # "/en/gioi-thieu/" is no page; portal/purge.py sends each language's own URL.
    # Wagtail's own handler still purges the page's URL in the active language
    # (a duplicate of one of ours, harmless).
    WAGTAILFRONTENDCACHE_LANGUAGES = []
