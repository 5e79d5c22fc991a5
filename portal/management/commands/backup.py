"""manage.py backup [--output FILE]: database content and media in one archive."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from portal.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write one .tar.gz archive with the database content (portable JSON) and every "
        "media file, with a manifest of SHA-256 checksums. Restore with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="archive path (default: binhlieu-backup-<UTC date-time>.tar.gz here)",
        )

    def handle(self, *args, **options):
        output = options["output"] or datetime.now(UTC).strftime(
            "binhlieu-backup-%Y%m%d-%H%M%S.tar.gz"
        )
        manifest = write_backup(Path(output))
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {output}: database content and {media} media files.")
        )
