from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from api.public import MODELS, public_queryset
from api.publication.models import PendingPublication, PublishedDocument
from api.publication.writer import publish

REBUILD = "rebuild"
BATCH = 250


class Command(BaseCommand):
    help = (
        "Render every public item's documents again and store them; remove stored documents "
        "of items that are no longer public. Resumable: if stopped, run it again and it "
        "carries on where it stopped (--restart begins again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--resource",
            action="append",
            choices=list(MODELS),
            help="Only this resource (repeat for more). Default: all.",
        )
        parser.add_argument(
            "--restart", action="store_true", help="Forget an unfinished rebuild and begin again."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, resource=None, restart=False, no_progress=False, **options):
        resources = resource or list(MODELS)
        queued = PendingPublication.objects.filter(reason=REBUILD)
        if restart:
            queued.delete()
        if queued.exists():
            self.stdout.write(f"Resuming a rebuild: {queued.count()} items to go.")
        else:
            count = self.queue(resources)
            self.stdout.write(f"Rebuilding {count} items.")
        total = queued.count()
        bar = tqdm(total=total, unit="item", disable=no_progress or options["verbosity"] == 0)
        while True:
            with transaction.atomic():
                rows = list(queued.select_for_update(skip_locked=True).order_by("id")[:BATCH])
                if not rows:
                    break
                # Every item is rendered here anyway: no need to follow dependants.
                publish({(row.resource, row.source_pk) for row in rows}, follow=False)
                PendingPublication.objects.filter(pk__in=[row.pk for row in rows]).delete()
            bar.update(len(rows))
        bar.close()
        stored = PublishedDocument.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Done: {stored} documents in the store."))

    def queue(self, resources) -> int:
        """Every item to look at, as outbox rows: public ones and stored ones."""
        if not resources:
            raise CommandError("No resource to rebuild.")
        rows = []
        for name in resources:
            pks = set(public_queryset(name).values_list("pk", flat=True))
            pks |= set(
                PublishedDocument.objects.filter(resource=name).values_list("source_pk", flat=True)
            )
            rows += [
                PendingPublication(resource=name, source_pk=pk, reason=REBUILD)
                for pk in sorted(pks)
            ]
        PendingPublication.objects.bulk_create(rows, batch_size=1000)
        return len(rows)
