from django.core.management.base import BaseCommand

from tasks.stale import check_stale_listings


class Command(BaseCommand):
    help = (
        "Recompute review dates and raise or resolve maintainer alerts for listings that are "
        "overdue for review or run by an organisation that has closed (the daily job)."
    )

    def handle(self, *args, **options):
        scan = check_stale_listings()
        self.stdout.write(
            f"{scan.due_dates_recomputed} review dates recomputed, "
            f"{scan.alerts_raised} alerts raised, {scan.alerts_resolved} resolved."
        )
