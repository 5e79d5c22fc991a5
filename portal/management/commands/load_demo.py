from django.core.management.base import BaseCommand
from wagtail.models import Page

from portal.demo import load_demo


class Command(BaseCommand):
    help = "Build the demo site tree in Vietnamese and English. Safe to run again."

    def handle(self, *args, **options):
        before = Page.objects.count()
        context = load_demo()
        after = Page.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {after} pages ({after - before:+d}), "
                f"home page id {context.home.pk}."
            )
        )
