from django.core.management.base import BaseCommand

from portal.staff import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or update the staff groups (district editors, moderators, one commune-editor "
        "group per village) and the moderation workflow. Run by migrate; safe to run again."
    )

    def handle(self, *args, **options):
        ensure_roles()
        self.stdout.write("Staff roles and the moderation workflow are in place.")
