"""The Nu Html Checker (npm vnu-jar, run with Java) finds no error on any page type,
in either language: every page of the test site (one or more of every page type), a
page with the partners' addresses block, the search page, the events calendar month,
the embed and the 404 page, checked in one batch."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page, get_page_models

from portal.i18n import page_url
from tests.external_tools import require
from tests.factories.pages import add_partners_page
from tests.factories.site import KEYS

PROJECT_APPS = {"portal", "villages", "routes", "events"}
VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


NOT_FOUND = "/en/no-such-page/"  # the 404 page is checked too


def pages_to_check():
    """Every page of the test site and a partners page (the addresses block brings a
    form, a select and a frame), in both languages, and the pages that are views."""
    home = Page.objects.get(pk=KEYS.pages["home"])
    pages = [Page.objects.get(pk=pk).specific for pk in KEYS.pages.values()]
    pages.append(add_partners_page(home))
    project_types = {m for m in get_page_models() if m._meta.app_label in PROJECT_APPS}
    assert {type(page) for page in pages} == project_types
    paths = [page_url(page, language) for page in pages for language in ("vi", "en")]
    events = Page.objects.get(pk=KEYS.pages["events"]).specific
    paths += ["/vi/search/?q=lễ+hội", "/en/search/?q=festival", NOT_FOUND]
    paths += [page_url(events, "vi") + "?month=2027-04", "/embed/events/?lang=en"]
    return paths


def vnu_errors(files):
    java = shutil.which("java")
    require(java, "Java for the Nu Html Checker: apt-get install default-jre-headless")
    require(VNU.exists(), "run `npm ci` for the Nu Html Checker (vnu-jar)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


@pytest.mark.django_db
def test_the_nu_html_checker_finds_no_error_on_any_page_type(client, tmp_path):
    files = {}
    for n, path in enumerate(pages_to_check()):
        response = client.get(path)
        assert response.status_code == (404 if path == NOT_FOUND else 200), path
        file = tmp_path / f"page-{n}.html"
        file.write_bytes(response.content)
        files[file.name] = (file, path)
    errors = vnu_errors([file for file, _path in files.values()])
    report = [
        f"{files.get(Path(e.get('url', '')).name, ('', e.get('url')))[1]}"
        f":{e.get('lastLine')}: {e['message']}"
        for e in errors
    ]
    assert report == []
