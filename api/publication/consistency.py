"""The store against the visibility rule: what is missing, what should not be there,
what is stale; and the repair, through the one writer."""

from dataclasses import dataclass, field

from api.public import MODELS, public_queryset
from api.publication.models import PublishedDocument
from api.publication.render import render
from api.publication.writer import differs, publish

CHUNK = 500


@dataclass
class Drift:
    missing: set = field(default_factory=set)  # public, not stored
    extra: set = field(default_factory=set)  # stored, not public
    stale: set = field(default_factory=set)  # stored, but not what it renders to now
    checked: int = 0

    @property
    def refs(self) -> set:
        return self.missing | self.extra | self.stale

    def __bool__(self):
        return bool(self.refs)

    def summary(self) -> str:
        return (
            f"{self.checked} items checked: {len(self.missing)} missing, "
            f"{len(self.extra)} not public, {len(self.stale)} stale"
        )


def find_drift(*, deep: bool = True, progress=None) -> Drift:
    """Compare the store with the rule. With `deep`, every stored document is rendered
    again and compared too (slower: a full render)."""
    drift = Drift()
    for resource in MODELS:
        public = set(public_queryset(resource).values_list("pk", flat=True))
        stored = set(
            PublishedDocument.objects.filter(resource=resource).values_list("source_pk", flat=True)
        )
        drift.missing |= {(resource, pk) for pk in public - stored}
        drift.extra |= {(resource, pk) for pk in stored - public}
        drift.checked += len(public | stored)
        if deep:
            both = sorted(public & stored)
            for start in range(0, len(both), CHUNK):
                chunk = both[start : start + CHUNK]
                rendered = render(resource, chunk)
                rows = PublishedDocument.objects.filter(resource=resource, source_pk__in=chunk)
                for row in rows:
                    after = rendered.get(row.source_pk)
                    if after is None or differs(row, after):
                        drift.stale.add((resource, row.source_pk))
                if progress:
                    progress(resource, len(chunk))
    return drift


def repair(drift: Drift) -> int:
    """Render every drifted item (and what shows it) again; returns how many changed."""
    changed = 0
    refs = sorted(drift.refs)
    for start in range(0, len(refs), CHUNK):
        outcome = publish(refs[start : start + CHUNK])
        changed += len(outcome.upserted) + len(outcome.removed)
    return changed
