"""python manage.py import_homestays FILE [--user NAME] [--check]

Imports a homestay spreadsheet (.xlsx or CSV; columns in docs/IMPORT.md). Without
--user the import publishes; with --user it follows that user's permissions, and
an editor's rows go to moderation. Nothing is written if any row is bad.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.i18n import language_codes
from villages.importing import FileRefused, import_homestays


def progress_bar(stream, width=30):
    """A ``progress(done, total)`` callback drawing a text bar on ``stream`` (a
    command's OutputWrapper)."""
    last = [-1]

    def show(done, total):
        percent = done * 100 // total
        if percent == last[0]:
            return
        last[0] = percent
        filled = width * done // total
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {percent:3d}%", ending="")
        if done == total:
            stream.write("")
        stream.flush()

    return show


class Command(BaseCommand):
    help = "Import homestays from an .xlsx or CSV spreadsheet (see docs/IMPORT.md)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="import as this user (editors go to moderation)")
        parser.add_argument("--check", action="store_true", help="validate only, write nothing")
        parser.add_argument("--language", default=language_codes()[0], choices=language_codes())

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"No such user: {options['user']}") from None
        show = progress_bar(self.stderr) if options["verbosity"] > 0 else None
        with translation.override(options["language"]):
            try:
                result = import_homestays(
                    path.read_bytes(), path.name, user=user, progress=show, dry_run=options["check"]
                )
            except FileRefused as refused:
                raise CommandError(str(refused.message)) from None
            if result.errors:
                for error in result.errors:
                    self.stderr.write(f"{error.row}\t{error.column}\t{error.message}")
                raise CommandError(f"{len(result.errors)} problem(s): nothing was imported.")
        self.stdout.write(
            f"rows {result.rows}, new {len(result.created)}, updated {len(result.updated)}, "
            f"unchanged {result.unchanged}, published {result.published}, "
            f"awaiting moderation {result.moderation}"
        )
