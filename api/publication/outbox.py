"""What must be rendered, recorded in the transaction of the change that calls for it.

`pending()` writes an outbox row per item. After the change commits the worker renders
them (`publish_pending`); in tests and with `PUBLICATION_RENDER_IMMEDIATELY` they are
rendered at once, in the same transaction. Rows left behind (the broker was away, a
worker died) are taken by the beat's sweep, so nothing is lost either way.
"""

import logging
from contextlib import contextmanager

from asgiref.local import Local
from django.conf import settings
from django.db import transaction

from api.publication.models import PendingPublication
from api.publication.writer import Outcome, publish, refs_of
from cms.celery import enqueue

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
_deferral = Local()


def pending(instances, reason: str = "") -> None:
    """Record that these items' documents must be rendered again."""
    refs = refs_of(instances)
    if refs:
        pending_refs(refs, reason)


def pending_refs(refs, reason: str = "") -> None:
    rows = PendingPublication.objects.bulk_create(
        PendingPublication(resource=resource, source_pk=pk, reason=reason)
        for resource, pk in sorted(refs)
    )
    if getattr(_deferral, "depth", 0):
        return  # the deferring block publishes everything once it ends
    if settings.PUBLICATION_RENDER_IMMEDIATELY:
        publish_rows(rows)
    else:
        transaction.on_commit(queue_publication)


def queue_publication() -> None:
    # Named, not imported: the task lives in the layer above (tasks/publication.py).
    enqueue("tasks.publish_pending")


def publish_rows(rows) -> Outcome:
    """Render the items of these outbox rows now and delete the rows. A failure is
    logged and leaves the rows for the sweep: the change that called for them stands."""
    try:
        with transaction.atomic():
            reasons = refs_and_reasons(rows)
            outcome = publish(reasons.keys(), reasons=reasons)
            PendingPublication.objects.filter(pk__in=[row.pk for row in rows]).delete()
            return outcome
    except Exception:
        logger.exception("Publication failed; the sweep will try again")
        return Outcome()


def refs_and_reasons(rows) -> dict[tuple[str, int], str]:
    """{(resource, pk): reason} of outbox rows; an item's latest row says why it changed."""
    return {(row.resource, row.source_pk): row.reason for row in sorted(rows, key=lambda r: r.pk)}


def publish_pending(limit: int | None = None) -> int:
    """Render what the outbox holds, oldest first, a batch at a time (rows another worker
    has taken are skipped); returns how many rows were done."""
    done = 0
    while limit is None or done < limit:
        with transaction.atomic():
            rows = list(
                PendingPublication.objects.select_for_update(skip_locked=True).order_by("id")[
                    :BATCH_SIZE
                ]
            )
            if not rows:
                break
            reasons = refs_and_reasons(rows)
            publish(reasons.keys(), reasons=reasons)
            PendingPublication.objects.filter(pk__in=[row.pk for row in rows]).delete()
        done += len(rows)
    return done


@contextmanager
def deferred():
    """Within the block, record what must be rendered but render it once, at the end
    (the demo loader, bulk generation): each item is rendered once, not at each save."""
    _deferral.depth = getattr(_deferral, "depth", 0) + 1
    try:
        yield
    finally:
        _deferral.depth -= 1
    if not _deferral.depth:
        if settings.PUBLICATION_RENDER_IMMEDIATELY:
            publish_pending()
        else:
            transaction.on_commit(queue_publication)
