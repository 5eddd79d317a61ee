from django.core.management.base import BaseCommand

from cms.models import CacheEpoch


class Command(BaseCommand):
    help = (
        "Start a new cache namespace for this database (after restoring it in place), "
        "so nothing cached before can be read. Restart the web processes and workers after."
    )

    def handle(self, *args, **options):
        epoch = CacheEpoch.objects.create()
        self.stdout.write(self.style.SUCCESS(f"New cache epoch {epoch.value}: now restart."))
