import os
import shlex
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from honcho.manager import Manager


class Command(BaseCommand):
    help = (
        "Run the whole product on this machine: migrate, load the demo content, "
        "make sure an admin account exists, then serve the web app beside a Celery "
        "worker and beat until Ctrl-C stops all three."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--noreload",
            action="store_true",
            help="Do not restart the web server when code changes.",
        )

    def handle(self, *args, host, port, noreload, **options):
        settings.LOCAL_DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=1)
        call_command("load_demo_content")
        call_command("ensure_admin")

        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        celery = [sys.executable, "-m", "celery", "--app", "cms"]
        web = [*manage, "runserver", f"{host}:{port}"] + (["--noreload"] if noreload else [])
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}

        manager = Manager()
        for name, command in {
            "web": web,
            "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
            "beat": [*celery, "beat", "--loglevel", "INFO"],
        }.items():
            manager.add_process(name, shlex.join(command), env=env, cwd=str(settings.BASE_DIR))

        self.stdout.write(
            f"Serving http://{host}:{port}/admin/ (Wagtail), /api/v1/ (API), "
            f"/api/v1/docs/ (API docs) and /health/. Ctrl-C stops everything."
        )
        self.stdout.flush()
        manager.loop()
        sys.exit(manager.returncode)
