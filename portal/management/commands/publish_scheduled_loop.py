"""Development only: run Wagtail's publish_scheduled every minute beside runserver."""

import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run publish_scheduled every --interval seconds until stopped (make run starts it "
        "beside runserver). In production use the systemd timer or cron line in deploy/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "publish_scheduled_loop is for development; in production use the "
                "systemd timer or the cron line in deploy/."
            )
        parent = os.getppid()
        while os.getppid() == parent:  # stops when the process that started it is gone
            call_command("publish_scheduled", verbosity=0)
            time.sleep(options["interval"])
