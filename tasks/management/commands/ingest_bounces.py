import sys

from django.core.management.base import BaseCommand, CommandError

from tasks.bounces.ingest import ingest_messages
from tasks.bounces.sources import STDIN, UnreadableInput, check_readable, messages_from


class Command(BaseCommand):
    help = (
        "Read bounce messages (delivery status notifications and the other shapes mail "
        "servers send) and record which contact addresses fail. Each PATH is a message "
        "file, a directory of them, a maildir or an mbox file; - (or nothing) reads one "
        "message or an mbox from standard input. See docs/bounces.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="default: - (stdin)")

    def handle(self, *args, paths, **options):
        paths = paths or [STDIN]
        if STDIN in paths and sys.stdin.isatty():
            raise CommandError("Nothing to read: give paths, or pipe messages to - (stdin).")
        try:
            check_readable(paths)
        except UnreadableInput as error:
            raise CommandError(str(error)) from error
        run = ingest_messages(messages_from(paths, stdin=sys.stdin.buffer))
        self.stdout.write(run.summary())
