"""`manage.py backup` then `manage.py restore` into an empty database gives back
the same site: every page's fields in both languages, snippets, site settings,
and image and document files byte for byte."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.backup import BackupError, restore_backup
from tests.factories import add_page
from tests.factories.pages import add_partners_page
from tests.factories.site import VILLAGE
from tests.portal.backup_snapshot import snapshot

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

_RESTORE_AND_SNAPSHOT = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("restore", sys.argv[1], stdout=sys.stderr)
from tests.portal.backup_snapshot import snapshot
print(json.dumps({"media_root": str(settings.MEDIA_ROOT), "snapshot": snapshot()}))
"""


DOCUMENT = b"%PDF-1.4\n% a made-up timetable for the backup test\n"


@pytest.fixture(autouse=True)
def content(home):
    """Besides the test site: a document file and pages whose bodies are StreamFields
    in both languages, so the round trip has every kind of content to keep."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    get_document_model().objects.create(
        title="Lịch xe thử", file=ContentFile(DOCUMENT, name="lich-xe-thu.pdf")
    )
    add_partners_page(home)
    add_page(
        home,
        title_vi="Trang có nội dung thử",
        title_en="Test page with a body",
        body_vi=[("heading", {"text": "Tiêu đề thử", "level": "h2"})],
        body_en=[("heading", {"text": "Test heading", "level": "h2"})],
    )


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "site.tar.gz"
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def _restore_in_a_new_process(archive, database_url):
    result = subprocess.run(
        [sys.executable, "-c", _RESTORE_AND_SNAPSHOT, str(archive)],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    shutil.rmtree(out["media_root"], ignore_errors=True)
    return out["snapshot"]


def _assert_same_site(restored, original):
    assert restored["pages"].keys() == original["pages"].keys()
    for pk, fields in original["pages"].items():
        assert restored["pages"][pk] == fields, f"page {pk} ({fields.get('title')}) differs"
    assert restored["snippets"] == original["snippets"]
    assert restored["settings"] == original["settings"]
    assert restored["images"] == original["images"]
    assert restored["documents"] == original["documents"]


def test_the_site_has_what_a_round_trip_must_keep():
    """Guards the round trip against comparing two empty sites."""
    original = snapshot()
    english_titles = [p["title_en"] for p in original["pages"].values() if p.get("title_en")]
    assert len(english_titles) >= 10
    assert VILLAGE["title_vi"] in [p.get("title_vi") for p in original["pages"].values()]
    assert [p["body_en"] for p in original["pages"].values() if p.get("body_en")]
    assert get_image_model().objects.count() >= 1
    assert all(len(image["sha256"]) == 64 for image in original["images"].values())
    assert [doc["sha256"] for doc in original["documents"].values()] == [
        hashlib.sha256(DOCUMENT).hexdigest()
    ]
    assert any(original["snippets"].values()) and any(original["settings"].values())


def test_a_backup_restored_into_an_empty_sqlite_database_gives_back_the_same_site(
    archive, tmp_path
):
    original = snapshot()
    restored = _restore_in_a_new_process(archive, f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    _assert_same_site(restored, original)


def _contents(path):
    """{member: bytes} of an archive, the manifest's creation time left out."""
    with tarfile.open(path) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    manifest = json.loads(members.pop("manifest.json"))
    del manifest["created"]
    return {**members, "manifest.json": manifest}


def test_a_backup_taken_while_english_is_active_holds_the_same_data_byte_for_byte(
    archive, tmp_path
):
    # A command run from the English admin or a test leaves English active; what is
    # stored must not depend on it. The archive taken with the default language active
    # is restored above; an identical archive restores the same site.
    with translation.override("en"):
        path = tmp_path / "site-en.tar.gz"
        call_command("backup", output=str(path), stdout=io.StringIO())
    english, default = _contents(path), _contents(archive)
    assert VILLAGE["title_vi"].encode() in default["data.json"]
    assert english.keys() == default.keys()
    for member, content in default.items():
        assert english[member] == content, f"{member} differs"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the PostgreSQL round trip runs when the tests run on PostgreSQL",
)
def test_a_backup_restored_into_an_empty_postgresql_database_gives_back_the_same_site(
    archive,
):
    import psycopg

    settings = connection.settings_dict
    server = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    name = f"{settings['NAME']}_restore"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        original = snapshot()
        restored = _restore_in_a_new_process(archive, f"{server}/{name}")
        _assert_same_site(restored, original)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_restoring_over_a_site_with_content_is_refused_without_replace(archive):
    pages_before = Page.objects.count()
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive, log=lambda *a: None)
    assert Page.objects.count() == pages_before


def test_an_altered_archive_is_refused_before_anything_is_touched(archive, tmp_path):
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    data = unpacked / "data.json"
    text = data.read_text()
    assert VILLAGE["slug_en"] in text
    data.write_text(text.replace(VILLAGE["slug_en"], "an-altered-slug", 1))
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(altered, "w:gz") as tar:
        for member in sorted(unpacked.rglob("*")):
            tar.add(member, arcname=str(member.relative_to(unpacked)), recursive=False)
    pages_before = Page.objects.count()
    with pytest.raises(BackupError, match="data.json does not match its SHA-256"):
        restore_backup(altered, replace=True, log=lambda *a: None)
    assert Page.objects.count() == pages_before
