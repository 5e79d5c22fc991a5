"""No inline code that a strict Content-Security-Policy would block (style-src and
script-src are 'self' on public pages): no ``style=`` attribute, no ``<style>``
element (the partner embed links its stylesheet too), no ``on…=`` handler, and no
``<script>`` without ``src`` unless it carries the request's nonce or is a JSON-LD
data block (data, never run).

Checked twice: in the source of every project template (so a branch that is rarely
rendered cannot hide one), and in the HTML of the pages that are not Wagtail pages
(error pages, offline page, filtered listings); tests/portal/test_security_headers.py
checks every Wagtail page the same way."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.template.utils import get_app_template_dirs
from django.test import RequestFactory
from django.utils import translation

BASE_DIR = Path(settings.BASE_DIR).resolve()

STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*?\sstyle\s*=", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*?\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.DOTALL)


def inline_code_in_template(source):
    """What a strict CSP would block in a template's source: a list of short
    descriptions, [] when there is none."""
    source = TEMPLATE_COMMENT.sub("", source)
    found = [f"style attribute: {m.group(0)[:60]}" for m in STYLE_ATTRIBUTE.finditer(source)]
    found += [f"event handler: {m.group(0)[:60]}" for m in HANDLER_ATTRIBUTE.finditer(source)]
    for match in STYLE_ELEMENT.finditer(source):
        found.append(f"<style> element: {match.group(0)[:60]}")
    for match in SCRIPT_TAG.finditer(source):
        attributes = match.group(1)
        if re.search(r"\bsrc\s*=", attributes) or re.search(r"\bnonce\s*=", attributes):
            continue
        if re.search(r"""\btype\s*=\s*["']application/ld\+json["']""", attributes):
            continue
        found.append(f"inline script: {match.group(0)[:60]}")
    return found


def project_templates():
    """Every .html template of the project (its own folders, not installed packages)."""
    folders = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    folders += [Path(d) for d in get_app_template_dirs("templates")]
    templates = set()
    for folder in folders:
        folder = folder.resolve()
        if not folder.is_relative_to(BASE_DIR) or ".venv" in folder.parts:
            continue
        templates.update(folder.rglob("*.html"))
    return sorted(templates)


@pytest.mark.parametrize(
    ("snippet", "kind"),
    [
        ('<p class="a" style="color: red">', "style attribute"),
        ("<div\n    style='margin: 0'>", "style attribute"),
        ("<style>p { color: red; }</style>", "<style> element"),
        ('<style>{% include "events/embed.css" %}</style>', "<style> element"),
        ("<script>alert(1)</script>", "inline script"),
        ('<script type="module">go()</script>', "inline script"),
        ('<button type="button" onclick="go()">', "event handler"),
    ],
)
def test_the_template_check_finds_each_kind_of_inline_code(snippet, kind):
    found = inline_code_in_template(snippet)
    assert len(found) == 1
    assert found[0].startswith(kind)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script src=\"{% static 'portal/js/menu.js' %}\" defer></script>",
        '<script nonce="{{ request.csp_nonce }}">go()</script>',
        '<script type="application/ld+json">{"@type": "Place"}</script>',
        "<p>The style=“plain” words in a sentence are text.</p>",
        '<p class="styled" data-onload="x">',
        "{# <p style='color: red'> in a template comment #}",
    ],
)
def test_the_template_check_lets_allowed_markup_through(snippet):
    assert inline_code_in_template(snippet) == []


def test_the_project_has_templates_to_check():
    names = {path.relative_to(BASE_DIR).as_posix() for path in project_templates()}
    # One from each app's folder and the site-wide folder.
    for name in (
        "portal/templates/base.html",
        "portal/templates/portal/home_page.html",
        "villages/templates/villages/village_page.html",
        "villages/routes/templates/routes/route_page.html",
        "events/templates/events/event_page.html",
    ):
        assert name in names


def test_no_project_template_has_inline_styles_or_scripts():
    offenders = {}
    for path in project_templates():
        found = inline_code_in_template(path.read_text(encoding="utf-8"))
        if found:
            offenders[path.relative_to(BASE_DIR).as_posix()] = found
    assert offenders == {}


def inline_code_in_html(html, policy=""):
    """What the page's own Content-Security-Policy header (``policy``) would block in
    its HTML: a list of short descriptions, [] when there is none."""
    soup = BeautifulSoup(html, "html.parser")
    nonces = set(re.findall(r"'nonce-([^']+)'", policy))
    found = [f"style attribute on <{e.name}>" for e in soup.find_all(style=True)]
    for element in soup.find_all(True):
        found += [f"{a} on <{element.name}>" for a in element.attrs if a.startswith("on")]
    found += ["<style> element" for _element in soup.find_all("style")]
    for element in soup.find_all("script"):
        if element.get("src") or element.get("type") == "application/ld+json":
            continue
        if element.get("nonce") and element["nonce"] in nonces:
            continue
        found.append(f"inline script: {str(element)[:60]}")
    return found


def test_the_html_check_finds_inline_code_the_policy_does_not_allow():
    html = (
        '<p style="color: red">a</p><style>p{}</style><script>go()</script>'
        '<script nonce="abc">go()</script><a href="#" onclick="go()">b</a>'
    )
    assert len(inline_code_in_html(html, policy="script-src 'self' 'nonce-xyz'")) == 5
    assert inline_code_in_html('<script nonce="xyz">go()</script>', "'nonce-xyz'") == []


NON_WAGTAIL_PAGES = [
    # (path, expected status)
    ("/vi/404-preview/", 404),
    ("/en/404-preview/", 404),
    ("/vi/offline/", 200),
    ("/en/offline/", 200),
    ("/vi/search/?q=", 200),
    ("/en/search/?q=zzzzqqq", 200),
    # The test site's events index and homestay finder (tests/factories/site.py).
    ("/vi/le-hoi-thu/?village=%00", 400),
    ("/en/find-a-test-homestay/?commune=" + "x" * 3000, 400),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status"), NON_WAGTAIL_PAGES)
def test_pages_outside_the_page_tree_have_no_inline_styles_or_scripts(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert inline_code_in_html(response.content, policy) == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_error_pages_have_no_inline_styles_or_scripts(language):
    from portal.faults import database_unavailable_response
    from portal.views import server_error

    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        pages = {
            "500": server_error(request).content,
            "503": database_unavailable_response(request).content,
            "login locked": render_to_string("portal/login_locked.html", {"hours": 1}),
        }
    for name, html in pages.items():
        assert BeautifulSoup(html, "html.parser").h1 is not None, name
        assert inline_code_in_html(html) == [], name
