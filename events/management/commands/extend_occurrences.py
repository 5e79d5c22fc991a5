"""``manage.py extend_occurrences``: keep the stored occurrences a rolling horizon ahead.

Run daily (deploy/cron/binhlieu-extend-occurrences). Idempotent: the horizon moves to
YEARS_SHOWN years (plus a margin) after today, repeating events get the rows of the
days added, and live events without rows (e.g. inserted in bulk) get all of theirs.
``--rebuild`` rewrites every live event's rows (after changing how they are computed).
"""

from django.core.management.base import BaseCommand

from events import clock
from events.models import EventOccurrence, EventPage
from events.models.occurrence import extend


class Command(BaseCommand):
    help = "Extend the stored event occurrences to the rolling horizon (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Rewrite every live event's rows."
        )

    def handle(self, *args, **options):
        if options["rebuild"]:
            EventOccurrence.objects.all().delete()
        result = extend(clock.today(), EventPage.objects.live().order_by("pk"))
        first, last = result["horizon"]
        if options["verbosity"]:
            self.stdout.write(
                f"Occurrences stored from {first} to {last}: {result['rows']} rows written, "
                f"{result['filled']} events filled."
            )
