from django.core.management.base import BaseCommand

from home.demo import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the Essex Local Offer demo content (site, locales, home pages). "
        "Idempotent: running it again changes nothing."
    )

    def handle(self, *args, **options):
        loaded = load_demo_content()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: site {loaded['site'].hostname!r}, "
                f"home pages in {', '.join(sorted(loaded['homes']))}."
            )
        )
