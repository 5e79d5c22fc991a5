"""One-file backups of the whole site: database content and media files.

Archive (``.tar.gz``) layout::

    manifest.json   format, version, date, source database vendor, applied
                    migrations, and the SHA-256 and size of every other member
    data.json       every table's rows as Django JSON fixtures (portable between
                    SQLite and PostgreSQL): natural keys for content types and
                    permissions, primary keys elsewhere, so page links stored in
                    rich text and StreamField stay right (portal.backup_format)
    media/<name>    every file of the default storage (original images, renditions,
                    documents), local disk or S3 alike

Left out and rebuilt on restore: content types and permissions (re-created by
Django), sessions, the admin log, login-attempt records, the search index and
Wagtail's reference index.
"""

import hashlib
import io
import json
import tarfile
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import translation

from portal.i18n import default_language

FORMAT = "binhlieu-portal-backup"
VERSION = 1
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "wagtailsearch",
    "modelsearch",
    "wagtailcore.referenceindex",
    "axes",
]


class BackupError(Exception):
    """The archive is unreadable, altered, from an unknown schema, or the target
    database is not empty."""


def sha256_of(fileobj, chunk=1024 * 1024):
    digest = hashlib.sha256()
    for block in iter(lambda: fileobj.read(chunk), b""):
        digest.update(block)
    return digest.hexdigest()


def _excluded_labels():
    """EXCLUDED, limited to what is installed (dumpdata refuses unknown labels)."""
    installed = {config.label for config in apps.get_app_configs()}
    labels = []
    for label in EXCLUDED:
        app_label, _, model = label.partition(".")
        if app_label not in installed:
            continue
        if model and not any(
            m._meta.model_name == model for m in apps.get_app_config(app_label).get_models()
        ):
            continue
        labels.append(label)
    return labels


def _storage_files(storage, folder=""):
    """Every file name in ``storage`` under ``folder``, recursively, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += _storage_files(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _applied_migrations():
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def write_backup(path, storage=None):
    """Write the archive to ``path``; return its manifest (a dict)."""
    storage = storage or default_storage
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        data_path = Path(work) / "data.json"
        serializers.register_serializer("portable_json", "portal.backup_format")
        # Serializers read fields through django-modeltranslation, which answers a
        # translated field's own column (Page.title) in the *active* language: under
        # the default language that column keeps the value the database holds.
        with translation.override(default_language()):
            call_command(
                "dumpdata",
                format="portable_json",
                natural_foreign=True,
                exclude=_excluded_labels(),
                output=str(data_path),
                verbosity=0,
            )
        with data_path.open("rb") as data:
            data_sha = sha256_of(data)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database_vendor": connection.vendor,
            "migrations": _applied_migrations(),
            "files": {"data.json": {"sha256": data_sha, "bytes": data_path.stat().st_size}},
        }
        tmp = path.with_name(path.name + ".part")
        with tarfile.open(tmp, "w:gz") as tar:
            tar.add(data_path, arcname="data.json")
            for name in _storage_files(storage):
                with storage.open(name, "rb") as source:
                    content = source.read()
                member = f"media/{name}"
                manifest["files"][member] = {
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "bytes": len(content),
                }
                _add_bytes(tar, member, content)
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
        tmp.replace(path)
    return manifest


def _safe_member(name):
    return not (name.startswith("/") or ".." in Path(name).parts)


def read_archive(path, into):
    """Extract ``path`` into the folder ``into`` and check every checksum; return
    the manifest. Raises BackupError on any mismatch."""
    into = Path(into)
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.isfile()]
            if not all(_safe_member(m.name) for m in members):
                raise BackupError("The archive holds paths outside its folder.")
            tar.extractall(into, members=members, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"Unreadable archive: {exc}") from exc
    try:
        manifest = json.loads((into / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise BackupError("The archive has no readable manifest.json.") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("Not a portal backup of a version this code can read.")
    for name, expected in manifest["files"].items():
        member = into / name
        if not member.is_file():
            raise BackupError(f"{name} is listed in the manifest but missing.")
        with member.open("rb") as handle:
            if sha256_of(handle) != expected["sha256"]:
                raise BackupError(f"{name} does not match its SHA-256 checksum.")
    return manifest


def unknown_migrations(manifest):
    """Migrations the archive's database had that this code does not know."""
    from django.db.migrations.loader import MigrationLoader

    known = {
        f"{app}.{name}"
        for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    }
    return sorted(set(manifest["migrations"]) - known)


def database_is_empty():
    """True when the database holds only what migrations create: no user account,
    image or document, and at most Wagtail's root and welcome pages."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return (
        not get_user_model().objects.exists()
        and not get_image_model().objects.exists()
        and not get_document_model().objects.exists()
        and Page.objects.count() <= 2
    )


def restore_backup(path, storage=None, replace=False, log=print):
    """Load the archive at ``path`` into the current (migrated) database and storage.

    Refuses (BackupError) a database that is not empty unless ``replace``: then its
    content is deleted first. Returns the manifest."""
    storage = storage or default_storage
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        manifest = read_archive(path, work)
        unknown = unknown_migrations(manifest)
        if unknown:
            raise BackupError(
                "The backup comes from newer code (unknown migrations: "
                + ", ".join(unknown[:5])
                + "). Deploy that code first."
            )
        if not replace and not database_is_empty():
            raise BackupError(
                "The database is not empty. Restore into a new database, or pass "
                "--replace to delete its content first."
            )
        log("Loading the database content…")
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(Path(work) / "data.json"), verbosity=0)
        media = [name for name in manifest["files"] if name.startswith("media/")]
        log(f"Copying {len(media)} media files…")
        for member in media:
            name = member.removeprefix("media/")
            if storage.exists(name):
                storage.delete(name)
            with (Path(work) / member).open("rb") as source:
                saved = storage.save(name, File(source))
            if saved != name:
                raise BackupError(f"The storage renamed {name} to {saved}.")
    log("Rebuilding the search and reference indexes…")
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
    return manifest
