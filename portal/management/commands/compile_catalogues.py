"""Compile locale/*/LC_MESSAGES/*.po into .mo in pure Python (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_catalogues(locale_dirs):
    compiled = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(mo_path))
            compiled.append(mo_path)
    return compiled


class Command(BaseCommand):
    help = "Compile the project's message catalogues without GNU gettext."

    def handle(self, *args, **options):
        try:
            compiled = compile_catalogues(settings.LOCALE_PATHS)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Could not compile a catalogue: {exc}") from exc
        self.stdout.write(f"Compiled {len(compiled)} catalogue(s).")
