from django.core.management.base import BaseCommand

from tasks.review_requests import send_review_requests


class Command(BaseCommand):
    help = (
        "Email the contacts of listings that fall due for review soon, once per review "
        "cycle, asking them to confirm the listing (the daily job)."
    )

    def handle(self, *args, **options):
        run = send_review_requests()
        self.stdout.write(f"{run.queued} review requests queued, {run.sent} sent.")
