import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin account exists and print how to sign in. Uses "
        "DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and "
        "DJANGO_SUPERUSER_PASSWORD when set; otherwise creates 'admin' with a "
        "generated password, kept in LOCAL_DATA_DIR for the next run."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin"
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL") or "admin@example.org"
        password_file = settings.LOCAL_DATA_DIR / "admin-password"
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()

        user = User.objects.filter(username=username).first()
        if user is None:
            if not password:
                password = secrets.token_urlsafe(12)
                password_file.parent.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
            User.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(self.style.SUCCESS(f"Created admin account {username!r}."))
        elif not (password and user.check_password(password)):
            self.stdout.write(
                f"Admin account {username!r} exists; its password is unchanged "
                f"(reset it with: python manage.py changepassword {username})."
            )
            return

        self.stdout.write(f"Sign in at {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  username: {username}")
        self.stdout.write(f"  password: {password}")
