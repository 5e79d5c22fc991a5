from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.address import base_url, sync_site
from portal.demo import has_content


class Command(BaseCommand):
    help = (
        "Everything `make run` needs before serving, in one process: compile the "
        "catalogues, migrate, load the demo content into an empty database and make "
        "sure the local admin exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port shown in the admin URL.")

    def handle(self, *args, **options):
        call_command("compile_catalogues")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        call_command("ensure_roles")
        if has_content():
            self.stdout.write("The database already has content: demo not loaded.")
        else:
            call_command("load_demo")
        sync_site()
        self.stdout.write(f"Public address (PORTAL_BASE_URL): {base_url()}")
        call_command("ensure_admin", port=options["port"])
