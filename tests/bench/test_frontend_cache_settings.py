"""Production settings purge nginx's proxy cache only when told where it is (issue 16)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'apps': 'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS,"
    "'cache': getattr(settings, 'WAGTAILFRONTENDCACHE', None),"
    "'languages': getattr(settings, 'WAGTAILFRONTENDCACHE_LANGUAGES', None)}))"
)


def production_settings(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WAGTAILFRONTENDCACHE")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="test-only",
        PORTAL_LANGUAGES="vi,en",
        **environment,
    )
    done = subprocess.run(
        [sys.executable, "-c", PRINT], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_without_a_purge_location_no_frontend_cache_is_configured():
    found = production_settings()
    assert found == {"apps": False, "cache": None, "languages": None}


def test_a_purge_location_sends_purges_to_nginx_once_per_encoding_without_swapping_prefixes():
    """portal/purge.py sends each language's own URL (slugs differ per language), and
    its backend purges nginx's gzip and identity entries of each."""
    found = production_settings(
        WAGTAILFRONTENDCACHE_LOCATION="http://127.0.0.1:8079",
        WAGTAILFRONTENDCACHE_HOSTNAMES="binhlieu.example.vn,www.binhlieu.example.vn",
    )
    assert found["apps"] is True
    assert found["cache"] == {
        "nginx": {
            "BACKEND": "portal.purge.EncodingsHTTPBackend",
            "LOCATION": "http://127.0.0.1:8079",
            "HOSTNAMES": ["binhlieu.example.vn", "www.binhlieu.example.vn"],
        }
    }
    assert found["languages"] == []
