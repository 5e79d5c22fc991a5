"""python manage.py export_homestays OUT.xlsx|OUT.csv [--language vi]

Writes every homestay in the import format (docs/IMPORT.md), so the file can be
edited and imported again.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.i18n import language_codes
from villages.importing.exporting import export_file


class Command(BaseCommand):
    help = "Export the homestays as .xlsx or CSV in the import format."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--language", default=language_codes()[0], choices=language_codes())

    def handle(self, *args, **options):
        path = Path(options["file"])
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            raise CommandError("The file name must end in .xlsx or .csv")
        content, _type, _name = export_file(fmt, options["language"])
        path.write_bytes(content)
        self.stdout.write(f"{path} ({len(content)} bytes)")
