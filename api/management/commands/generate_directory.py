from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from api.publication.outbox import pending
from directory.generate import generate_directory


def record_generated(pages, terms_by_page, locale) -> None:
    """Services made in bulk are published as any other: rendered, stored and logged
    by the publication writer (in the caller's transaction, or by the worker after it)."""
    pending(pages, "generated")


class Command(BaseCommand):
    help = (
        "Add a large synthetic directory for benchmarks: N live services, each with 1-3 "
        "locations, 1-3 contacts and 2-4 taxonomy terms, written in bulk and logged as "
        "published for the partner feeds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=0, help="Same seed, same directory.")
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Skip the search index (faster; q= finds nothing).",
        )

    def handle(self, *args, services, seed, no_index, **options):
        if services < 1:
            raise CommandError("--services must be at least 1.")
        with tqdm(total=services, unit="service", disable=options["verbosity"] == 0) as bar:
            try:
                ids = generate_directory(
                    services,
                    seed=seed,
                    progress=bar.update,
                    index=not no_index,
                    on_batch=record_generated,
                )
            except RuntimeError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {len(ids)} services."))
