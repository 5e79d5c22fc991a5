"""Settings shared by every environment. Secrets come only from the environment."""

import os
from pathlib import Path

import dj_database_url

from portal import languages as portal_languages
from portal.address import base_url_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps it translates;
    # it pulls in 'modeltranslation' itself, which must not be listed again in front.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "portal",
    "villages",
    "villages.routes",
    "events",
    "wagtailcache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Hardening (issue 9, harden9a): login throttling and security headers.
    "axes",
    "csp",
]

MIDDLEWARE = [
    # Anonymous responses are cached whole (shared by every instance through
    # Redis in production) and the cache is cleared whenever content changes.
    "wagtailcache.cache.UpdateCacheMiddleware",
    # Before the page cache: a page past its expire_at is unpublished at once.
    "portal.expiry.ExpiredPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PublicDataCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside the ETag and gzip steps: every text body leaves in Unicode NFC.
    "portal.nfc.NFCMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    # Hardening (issue 9, harden9a): bad query parameters (NUL…) answer 400, and
    # Content-Security-Policy / Permissions-Policy on every response.
    "portal.middleware.QueryGuardMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # As early as it can be: it needs to know whether the visitor is logged in.
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL points elsewhere (e.g. PostgreSQL).
# --- Faults (issue 9, item 2): a dead persistent connection is dropped at the next
# request (health checks) and PostgreSQL gives up connecting after a few seconds,
# so an unreachable database gives a quick 503 (portal.faults) and the site
# recovers by itself when it is back.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
    )
PORTAL_RETRY_AFTER_SECONDS = int(os.environ.get("PORTAL_RETRY_AFTER_SECONDS", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set (shared by every instance), else local memory.
# "pages" holds whole anonymous responses and is cleared on every content change,
# so in Redis it must live in a database of its own (REDIS_PAGE_CACHE_URL).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))


def _next_redis_database(url):
    """redis://host:6379/0 -> redis://host:6379/1: the page cache's own database."""
    head, _, db = url.rstrip("/").rpartition("/")
    if db.isdigit() and "://" in head:
        return f"{head}/{int(db) + 1}"
    return f"{url.rstrip('/')}/1"


# --- Faults (issue 9, item 2): Redis errors are misses (portal.faults), with one
# warning a minute; short socket timeouts so a hung Redis cannot hold a worker.
# Sessions live in the database with the cache in front (cached_db), so logins
# survive Redis being down or flushed.
PORTAL_CACHE_WARNING_SECONDS = int(os.environ.get("PORTAL_CACHE_WARNING_SECONDS", "60"))
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

if os.environ.get("REDIS_URL"):
    _redis = {
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "portal.faults.FaultTolerantRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            **_redis,
        },
        "pages": {
            "BACKEND": "portal.faults.FaultTolerantRedisCache",
            "LOCATION": os.environ.get("REDIS_PAGE_CACHE_URL")
            or _next_redis_database(os.environ["REDIS_URL"]),
            "KEY_PREFIX": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            **_redis,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
        },
    }
WAGTAIL_CACHE_BACKEND = "pages"
# The page cache's answers also kept in each worker's memory, served before Django's
# middleware (portal/front_cache.py, wrapped around portal.wsgi when WAGTAIL_CACHE is on).
PORTAL_FRONT_CACHE = os.environ.get("PORTAL_FRONT_CACHE", "1") != "0"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one table in portal/languages.py (names, og:locale, hreflang,
# fallback chains). The public site offers PORTAL_LANGUAGES (default "vi,en",
# e.g. "vi,en,zh-hans"); the database always carries the columns of every
# supported language, so migrations never depend on the environment.
LANGUAGE_CODE = portal_languages.DEFAULT
LANGUAGES = [
    (code, portal_languages.SUPPORTED[code].name)
    for code in portal_languages.public_codes(os.environ.get("PORTAL_LANGUAGES"))
]
MODELTRANSLATION_LANGUAGES = tuple(portal_languages.SUPPORTED)
MODELTRANSLATION_DEFAULT_LANGUAGE = portal_languages.DEFAULT
# Per language, where an empty field's text comes from: zh-hans -> en -> vi, en -> vi.
MODELTRANSLATION_FALLBACK_LANGUAGES = portal_languages.fallback_chains(
    [code for code, _name in LANGUAGES]
)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False  # one page tree; languages are per field (modeltranslation)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
# Files served at the site root by WhiteNoise: /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "portal" / "root_files"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("PORTAL_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Bình Liêu"
# Slugs are ASCII, transliterated from each language's title (portal/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Moderation: editors' comments on pages; e-mails in each recipient's admin language.
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Search (docs/SEARCH.md): the database backend with the portal's folding, unless
# WAGTAILSEARCH_BACKEND names another (e.g. wagtail.search.backends.elasticsearch8
# with WAGTAILSEARCH_URLS and WAGTAILSEARCH_INDEX).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": os.environ.get("WAGTAILSEARCH_BACKEND", "portal.search_backend"),
        "SEARCH_CONFIG": os.environ.get("WAGTAILSEARCH_CONFIG", "simple"),
    }
}
if os.environ.get("WAGTAILSEARCH_URLS"):
    WAGTAILSEARCH_BACKENDS["default"].update(
        {
            "URLS": os.environ["WAGTAILSEARCH_URLS"].split(","),
            "INDEX": os.environ.get("WAGTAILSEARCH_INDEX", "binhlieu"),
            "TIMEOUT": 5,
        }
    )
# The public address (scheme://host[:port]) behind every absolute URL: API, feeds,
# sitemap, robots.txt, JSON-LD, Open Graph, canonical/hreflang links, e-mails.
# From PORTAL_BASE_URL; in development http://127.0.0.1:$PORT (see portal/address.py).
PORTAL_BASE_URL = base_url_from_environment(os.environ)
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
WAGTAILAPI_BASE_URL = PORTAL_BASE_URL
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "gpx", "csv", "xlsx", "docx", "odt"]
# Slug changes are redirected by portal.redirects for every language;
# Wagtail's own handler only knows the active language.
WAGTAILREDIRECTS_AUTO_CREATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Read-only paths partners fetch from other origins.
PORTAL_CORS_PATHS = ("/api/", "/feeds/")
# Paths outside /vi/ and /en/: a 404 there is never redirected to a language.
PORTAL_LANGUAGE_NEUTRAL_PATHS = (
    "/api/",
    "/feeds/",
    "/embed/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
)

# Local admin account created by `make run` (dev only; see README).
DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "binhlieu-admin"


# --- Hardening (issue 9, harden9a): uploads, headers, login throttling ----------
# Uploads: images up to 10 MB and 40 megapixels (Pillow refuses to decode more, so
# no rendition of a bigger image can be built either); documents up to 20 MB, from
# WAGTAILDOCS_EXTENSIONS only, always downloaded as attachments.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.PortalDocumentForm"
PORTAL_DOCUMENT_MAX_BYTES = int(os.environ.get("PORTAL_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

# Map background tiles: any XYZ tile server ("https://…/{z}/{x}/{y}.png", loaded by the
# visitor's browser over https) and its attribution, HTML shown on every map. Change
# both together (a district's own tile server, a commercial one). Defaults:
# OpenStreetMap's (villages/conf.py).
if os.environ.get("PORTAL_MAP_TILES_URL"):
    PORTAL_MAP_TILES_URL = os.environ["PORTAL_MAP_TILES_URL"]
if os.environ.get("PORTAL_MAP_TILES_ATTRIBUTION"):
    PORTAL_MAP_TILES_ATTRIBUTION = os.environ["PORTAL_MAP_TILES_ATTRIBUTION"]

# Content-Security-Policy (django-csp 4): no inline script or style on public pages.
# portal.middleware.PortalCSPMiddleware lets /embed/ be framed by any site and gives
# /admin/ (Wagtail's editor: inline styles, preview iframes, image previews) the
# relaxed policy below.
_CSP_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_CSP_SELF],
        "script-src": [_CSP_SELF],
        "style-src": [_CSP_SELF],
        "img-src": [_CSP_SELF, "data:", "blob:", "https:"],
        "font-src": [_CSP_SELF],
        "connect-src": [_CSP_SELF],
        "frame-src": [_CSP_SELF, "https:"],
        "object-src": ["'none'"],
        "base-uri": [_CSP_SELF],
        "form-action": [_CSP_SELF],
        "frame-ancestors": ["'none'"],
        "worker-src": [_CSP_SELF],
        "manifest-src": [_CSP_SELF],
    }
}
PORTAL_CSP_EMBED_PATHS = ("/embed/",)
PORTAL_CSP_ADMIN_PATHS = ("/admin/",)
PORTAL_CSP_ADMIN_REPLACE = {
    "script-src": [_CSP_SELF, "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": [_CSP_SELF, "'unsafe-inline'"],
    "frame-ancestors": [_CSP_SELF],
    "connect-src": [_CSP_SELF, "https:"],
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "geolocation": ["self"],  # "near me" on the map
    "fullscreen": ["self"],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Login throttling (django-axes): five wrong passwords for one user from one address
# are answered by the form; the 6th (AXES_FAILURE_LIMIT) locks that user and
# address out for PORTAL_LOGIN_LOCKOUT_HOURS; attempts live in the
# database (not the cache, which may be down). Unlock: Settings -> Login lock-outs
# in the admin, or `manage.py axes_reset_username <user>` / `axes_reset_ip <ip>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "6"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = int(os.environ.get("PORTAL_LOGIN_LOCKOUT_HOURS", "1"))  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.login_throttle.lockout_response"
# Behind N proxies that append to X-Forwarded-For, set PORTAL_PROXY_COUNT=N.
PORTAL_PROXY_COUNT = int(os.environ.get("PORTAL_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "portal.login_throttle.client_ip"
AXES_VERBOSE = False
