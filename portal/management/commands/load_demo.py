from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from portal.demo import load_demo


class Command(BaseCommand):
    help = (
        "Create the missing demo pages, snippets, images and settings in Vietnamese and "
        "English. Changes nothing that exists and does not bring back pages staff "
        "deleted; --reset restores the demo as shipped. Development only unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore the demo: overwrite changed demo pages and recreate deleted ones.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (production)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo is for development (DEBUG is off). "
                "Add --force to load the demo content into this database anyway."
            )
        before = Page.objects.count()
        context = load_demo(reset=options["reset"])
        after = Page.objects.count()
        home = f"home page id {context.home.pk}" if context.home else "no home page"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {after} pages ({after - before:+d}), {home}."
                + (" Demo restored (--reset)." if options["reset"] else "")
            )
        )
