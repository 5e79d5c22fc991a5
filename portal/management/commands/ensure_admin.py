from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Make sure the local development admin account exists (never in production)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port shown in the admin URL.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        username, password = settings.DEV_ADMIN_USERNAME, settings.DEV_ADMIN_PASSWORD
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
        )
        if created:
            user.set_password(password)
            user.save()
        self.stdout.write(
            f"Local admin: http://127.0.0.1:{options['port']}/admin/  user: {username}  "
            f"password: {password}" + ("" if created else " (unless you changed it)")
        )
