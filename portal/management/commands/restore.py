"""manage.py restore FILE [--replace]: load a `backup` archive into an empty database."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Check a backup archive's checksums, migrate the database, and load the "
        "archive's content and media files. Refuses a database that already has "
        "content unless --replace is given (which deletes that content first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the database's current content before restoring",
        )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            restore_backup(options["archive"], replace=options["replace"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Restored {options['archive']}."))
