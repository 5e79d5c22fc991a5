"""Security headers: a Content-Security-Policy on every response (no inline script or
style on public pages, framing only for /embed/), Permissions-Policy, Referrer-Policy,
documents as sandboxed attachments, and `check --deploy` clean with production
settings (HSTS and SSL redirect from the environment)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.portal.test_templates_have_no_inline_styles import inline_code_in_html

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def policy(response):
    """The CSP header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


PUBLIC_PATHS = [
    "/vi/",
    "/en/",
    "/en/test-festivals/",  # the test site's events index
    "/vi/search/?q=Đồi+Mây",
    "/en/no-such-page/",
    "/feeds/events.rss",
    "/api/v2/pages/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_response_forbids_inline_code_and_framing(client, path):
    response = client.get(path)
    csp = policy(response)
    assert "'unsafe-inline'" not in csp["script-src"] + csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_only_the_embed_may_be_framed_by_partners(client):
    embed = client.get("/embed/events/")
    assert policy(embed)["frame-ancestors"] == ["*"]
    assert "'unsafe-inline'" not in policy(embed)["style-src"]


def test_the_admin_gets_the_relaxed_policy_it_needs_but_is_not_frameable(client):
    csp = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]


def _public_page_paths(client):
    from wagtail.models import Page

    paths = []
    for page in Page.objects.live().public().specific().filter(depth__gt=1):
        for language in ("vi", "en"):
            from django.utils import translation

            with translation.override(language):
                paths.append(page.get_url())
    return paths + ["/embed/events/", "/vi/search/?q=b%E1%BA%A3n", "/en/nowhere/"]


def test_no_public_page_carries_an_inline_style_or_script(client, home):
    """What CSP would block without 'unsafe-inline': style= attributes, <style>, and
    <script> without src (JSON-LD data blocks are not scripts and stay allowed), on
    every page of the test site and a partners page (its picker has a script)."""
    from tests.factories.pages import add_partners_page

    add_partners_page(home)
    offenders = []
    for path in _public_page_paths(client):
        response = client.get(path)
        if response.status_code != 200 and path != "/en/nowhere/":
            continue
        policy = response.get("Content-Security-Policy", "")
        offenders += [(path, found) for found in inline_code_in_html(response.content, policy)]
    assert offenders == []


def test_documents_are_sandboxed_attachments(client, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    polyglot = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"
    document = Document(title="Lịch lễ hội")
    document.file.save("lich.pdf", ContentFile(polyglot))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert policy(response) == {"default-src": ["'none'"]}  # Wagtail's: nothing runs


def _check_deploy(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "binhlieu.example.org",
        **extra,
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_gives_no_warning():
    result = _check_deploy()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_ssl_redirect_can_be_switched_off_behind_a_tls_proxy_and_is_reported():
    result = _check_deploy(DJANGO_SECURE_SSL_REDIRECT="0")
    assert "security.W008" in result.stdout + result.stderr
