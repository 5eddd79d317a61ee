from django.core.management.base import BaseCommand, CommandError

from api.publication.consistency import find_drift, repair


class Command(BaseCommand):
    help = (
        "Compare the store of published documents with what the visibility rule says is "
        "public, and with what each item renders to now; report the drift, and with "
        "--repair mend it through the writer. Exits 1 if drift remains."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Mend what is found.")
        parser.add_argument(
            "--shallow",
            action="store_true",
            help="Only which items are stored, not whether their documents are current.",
        )

    def handle(self, *args, shallow=False, **options):
        drift = find_drift(deep=not shallow)
        self.stdout.write(drift.summary())
        for label, refs in (
            ("missing", drift.missing),
            ("not public", drift.extra),
            ("stale", drift.stale),
        ):
            for resource, pk in sorted(refs)[:20]:
                self.stdout.write(f"  {label}: {resource} #{pk}")
            if len(refs) > 20:
                self.stdout.write(f"  … and {len(refs) - 20} more {label}")
        if not drift:
            self.stdout.write(self.style.SUCCESS("The store matches."))
            return
        if options["repair"]:
            changed = repair(drift)
            self.stdout.write(self.style.SUCCESS(f"Repaired: {changed} documents written."))
            return
        raise CommandError("The store has drifted: run with --repair to mend it.")
