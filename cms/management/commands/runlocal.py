import contextlib
import os
import shlex
import signal
import sys
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from honcho.manager import Manager
from wagtail.models import Site

# Addresses the demo's default Site may carry; any other was set by someone on purpose.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "[::1]", "::1"}


def address_for_links(host: str) -> str:
    if host in ("0.0.0.0", "::"):  # every interface: this machine's own will do
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def interrupt_group(pid: int) -> None:
    """Ctrl-C, as the process's own terminal would send it: to runserver and its
    autoreloader's child alike, and to beat; each finishes and exits 0."""
    os.killpg(pid, signal.SIGINT)


def terminate_worker(pid: int) -> None:
    """SIGTERM, to the Celery worker alone, is its warm shutdown with exit status 0: it
    lets running jobs finish, then stops its pool itself. (SIGINT would make it exit 1;
    any signal to its whole group reaches the pool's processes first.)"""
    os.kill(pid, signal.SIGTERM)


class LocalProcesses(Manager):
    """honcho's Manager, stopping each process the way it stops cleanly.

    honcho runs each process in a session of its own and stops it with SIGTERM to that
    whole group: the worker's pool processes die under it (the worker logs an error for
    each) and runserver exits as killed. SIGKILL stays honcho's, for a process still
    running STOP_TIMEOUT seconds after it was asked to stop.
    """

    STOP_TIMEOUT = 20  # a warm shutdown waits for the jobs running

    def __init__(self):
        super().__init__()
        self.stop_by_name = {}
        self.stopping_since = None
        self.asked_to_stop = set()

    def add_process(self, name, cmd, *, stop, **kwargs):
        self.stop_by_name[name] = stop
        return super().add_process(name, cmd, **kwargs)

    def terminate(self):
        if self.stopping_since is None:
            self.stopping_since = time.monotonic()
        self._killall()

    def _all_started(self):
        # honcho's loop asks this after every message: a process whose start is reported
        # only after Ctrl-C (honcho stops processes once) is stopped as soon as it is known.
        if self.stopping_since is not None:
            self._killall()
        return super()._all_started()

    def kill(self):
        # honcho's loop calls this five seconds after the first process ended.
        if time.monotonic() - self.stopping_since >= self.STOP_TIMEOUT:
            super().kill()

    def _killall(self, force=False):
        # A process is "started" once honcho has its pid: Ctrl-C can come before that.
        for name, process in self._processes.items():
            pid = process.get("pid")
            if "returncode" in process or pid is None:
                continue
            if force:
                self._system_print(f"sending SIGKILL to {name} (pid {pid})\n")
                self._procmgr.kill(pid)
            elif name not in self.asked_to_stop:
                self._system_print(f"stopping {name}\n")
                with contextlib.suppress(ProcessLookupError):  # it had already gone
                    self.stop_by_name[name](pid)
                    self.asked_to_stop.add(name)

    @property
    def stopped_unasked(self) -> dict[str, int]:
        """The exit status of each process that stopped before it was asked to."""
        return {
            name: process["returncode"]
            for name, process in self._processes.items()
            if "returncode" in process and name not in self.asked_to_stop
        }

    @property
    def stopped_cleanly(self) -> bool:
        return not self.stopped_unasked and all(
            process.get("returncode") == 0 for process in self._processes.values()
        )


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
        started = time.monotonic()
        base_url = f"http://{address_for_links(host)}:{port}"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if "WAGTAILADMIN_BASE_URL" not in os.environ:
            # Links in emails and exports name the address served here, in this
            # process and in the worker and beat started below.
            settings.WAGTAILADMIN_BASE_URL = env["WAGTAILADMIN_BASE_URL"] = base_url

        self.migrate()
        call_command("load_demo_content")
        self.serve_default_site_at(settings.WAGTAILADMIN_BASE_URL)
        call_command("ensure_admin")

        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        celery = [sys.executable, "-m", "celery", "--app", "cms", "--quiet"]
        # The system checks ran as this command started: runserver need not repeat them.
        web = [*manage, "runserver", f"{host}:{port}", "--skip-checks"]
        web += ["--noreload"] if noreload else []
        manager = LocalProcesses()
        for name, command, stop in [
            ("web", web, interrupt_group),
            (
                "worker",
                [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
                terminate_worker,
            ),
            ("beat", [*celery, "beat", "--loglevel", "INFO"], interrupt_group),
        ]:
            # exec: the process itself, not the shell honcho starts it with, gets the signal.
            manager.add_process(
                name, f"exec {shlex.join(command)}", stop=stop, env=env, cwd=str(settings.BASE_DIR)
            )

        self.stdout.write(
            f"\nSet up in {time.monotonic() - started:.0f} s. Serving {base_url}:\n"
            f"  {base_url}/admin/         the Wagtail admin (sign in as above)\n"
            f"  {base_url}/api/v1/        the partner API; docs at /api/v1/docs/\n"
            f"  {base_url}/health/        the health report\n"
            f"with a Celery worker and beat on {self.broker_name()}. An API key for a "
            'partner: python manage.py create_partner "Partner name". Ctrl-C stops everything.'
        )
        self.stdout.flush()
        manager.loop()
        sys.exit(self.exit_status(manager))

    def exit_status(self, manager: LocalProcesses) -> int:
        # Ctrl-C that every process answered by finishing cleanly is a clean stop; a
        # process that stopped by itself is not, whatever its own exit status.
        for name, returncode in manager.stopped_unasked.items():
            self.stderr.write(
                f"{name} stopped by itself (exit status {returncode}), so everything stopped."
            )
        if manager.stopped_cleanly:
            return 0
        return manager.returncode or 1

    def migrate(self) -> None:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(f"Applying {len(plan)} migrations…", ending=" ")
            self.stdout.flush()
        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        if plan:
            self.stdout.write(f"done in {time.monotonic() - started:.0f} s.")

    def serve_default_site_at(self, base_url: str) -> None:
        """Page URLs (the API's, rich text links) are built from the default Site: the
        demo's one names this machine, so make it the address links name (the one served,
        or WAGTAILADMIN_BASE_URL when that is set)."""
        address = urlsplit(base_url)
        port = address.port or {"http": 80, "https": 443}.get(address.scheme)
        # The netloc keeps an IPv6 address's brackets, which the Site's root_url needs.
        hostname = address.netloc.rsplit(":", 1)[0] if address.port else address.netloc
        site = Site.objects.filter(is_default_site=True).first()
        if not site or site.hostname not in LOCAL_HOSTNAMES or port is None:
            return
        site.hostname, site.port = hostname, port
        # A Site cannot say https on any port but 443: such an address is left alone.
        if site.root_url == base_url.rstrip("/"):
            site.save(update_fields=["hostname", "port"])

    def broker_name(self) -> str:
        broker = settings.CELERY_BROKER_URL
        return "Redis" if broker.startswith("redis") else "the filesystem broker"
