from django.core.management.base import BaseCommand

from tasks.digest import send_maintainer_digest


class Command(BaseCommand):
    help = (
        "Email each maintainer the new alerts and those still open after the repeat "
        "interval (the daily job). Sends nothing when there is nothing to tell."
    )

    def handle(self, *args, **options):
        run = send_maintainer_digest()
        self.stdout.write(f"{run.queued} digests queued, {run.sent} sent.")
