"""Publication on Celery: thin tasks over api.publication, which decides everything."""

import logging

from celery import shared_task
from django.utils import timezone

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from api.public import MODELS
from api.publication import outbox
from api.publication.consistency import Drift, find_drift, repair

logger = logging.getLogger(__name__)
# One alert per drifted item, up to this many a day: past that, the log has the rest.
MAX_DRIFT_ALERTS = 50


@shared_task(name="tasks.publish_pending", ignore_result=True, acks_late=True)
def publish_pending() -> int:
    """Render what the outbox holds: queued after each commit that wrote to it, and on
    the beat, for rows a lost message or a dead worker left behind."""
    return outbox.publish_pending()


@shared_task(name="tasks.check_publication", acks_late=True)
def check_publication() -> str:
    """Daily: compare the store with the visibility rule, repair what drifted, and tell
    maintainers (drift means something changed content without the writer hearing)."""
    drift = find_drift()
    if drift:
        changed = repair(drift)
        alert_drift(drift)
        logger.warning("Publication drift repaired (%s documents): %s", changed, drift.summary())
    return drift.summary()


def alert_drift(drift: Drift) -> int:
    today = timezone.localdate().isoformat()
    raised = 0
    for label, refs in (
        ("missing", drift.missing),
        ("not public", drift.extra),
        ("stale", drift.stale),
    ):
        for resource, pk in sorted(refs):
            if raised >= MAX_DRIFT_ALERTS:
                return raised
            item = MODELS[resource].objects.filter(pk=pk).first()
            if item is None:
                continue  # deleted since: its document is gone now, nothing to look at
            raise_alert(
                MaintainerAlert.Kind.PUBLICATION_DRIFT,
                item,
                cycle=today,
                message=(
                    f"Its published document was {label} and has been rendered again. "
                    f"Today's check: {drift.summary()}."
                ),
            )
            raised += 1
    return raised
