import logging
import time

from django.core.management.base import BaseCommand

from home.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the Essex Local Offer demo content: site and locales, directory sections, "
        "organisations, taxonomy, services, guides, partner pages, clusters and a Polish "
        "translation. Idempotent: running it again changes nothing."
    )

    def handle(self, *args, verbosity, **options):
        # Wagtail logs each page and snippet it creates, edits and publishes: hundreds of
        # lines for the demo, shown from verbosity 2.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        if verbosity < 2:
            wagtail_log.setLevel(logging.WARNING)
        started = time.monotonic()
        try:
            loaded = load_demo_content()
        finally:
            wagtail_log.setLevel(level)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {time.monotonic() - started:.0f} s "
                f"on site {loaded['site'].hostname!r}: "
                f"{len(loaded['services'])} services, {len(loaded['guides'])} guides, "
                f"{len(loaded['partners'])} partner pages, {len(loaded['clusters'])} clusters, "
                f"{len(loaded['organisations'])} organisations; home pages in "
                f"{', '.join(sorted(loaded['homes']))}."
            )
        )
