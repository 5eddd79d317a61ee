"""The daily stale-listing scan: due dates brought up to date, alerts raised and resolved.

Every step is a set operation over one listing type (an UPDATE, or a SELECT and a bulk
INSERT), so the scan runs a fixed number of queries however many listings there are.
Running it twice changes nothing the second time.
"""

import logging
from dataclasses import asdict, dataclass
from datetime import date, datetime

from celery import shared_task
from django.db import DatabaseError, transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.dateformat import format as format_date

from alerts.raising import (
    REPORT_KINDS,
    Kind,
    raise_alerts_for,
    resolve_alerts_answered_by_review,
    resolve_alerts_not_in,
)
from directory.models import Organisation
from tasks.clock import parse_now
from tasks.listings import (
    REVIEWABLE_MODELS,
    current_listings,
    cycle_expression,
    label_field,
    recompute_due_dates,
)

logger = logging.getLogger(__name__)


@dataclass
class StaleScan:
    due_dates_recomputed: int = 0
    alerts_raised: int = 0
    alerts_resolved: int = 0


def overdue_listings(model, today: date):
    """Published listings whose review date has passed, annotated with their cycle."""
    return (
        current_listings(model).filter(next_review_due__lt=today).annotate(cycle=cycle_expression())
    )


def listings_of_defunct_organisations(model):
    """Published listings run by an organisation whose closure is published (a draft
    saying it closed is not enough). The cycle names the organisation: moving the listing
    to another one closes the alert."""
    return (
        current_listings(model)
        .filter(organisation__status=Organisation.Status.DEFUNCT, organisation__live=True)
        .annotate(
            cycle=Concat(
                Value("organisation-"),
                Cast("organisation_id", CharField()),
                output_field=CharField(),
            )
        )
    )


def describe_overdue(row) -> str:
    return f"Its review was due on {format_date(date.fromisoformat(row['cycle']), 'j F Y')}."


def describe_defunct(row) -> str:
    return (
        f"It is run by {row['organisation_name']}, which has closed. Move it to the "
        "organisation that took over, or close the listing."
    )


MODELS_RUN_BY_ORGANISATIONS = [
    model
    for model in REVIEWABLE_MODELS
    if any(field.name == "organisation" for field in model._meta.fields)
]


def reconcile_defunct_alerts(model, *, now: datetime) -> tuple[int, int]:
    """Alerts about listings of closed organisations brought in line with what is
    published: (resolved, raised)."""
    defunct = listings_of_defunct_organisations(model)
    resolved = resolve_alerts_not_in(Kind.DEFUNCT_ORGANISATION, defunct, now=now)
    raised = raise_alerts_for(
        Kind.DEFUNCT_ORGANISATION,
        defunct,
        now=now,
        label=label_field(model),
        describe=describe_defunct,
        organisation_name=F("organisation__name"),
    )
    return resolved, raised


def on_organisation_published_or_unpublished(sender, instance, **kwargs):
    """A closure (or a reopening) takes effect when it is published, not when it is
    drafted: flag, or stop flagging, the listings concerned at once, rather than at the
    next daily scan. Connected in TasksConfig.ready."""
    now = timezone.now()
    for model in MODELS_RUN_BY_ORGANISATIONS:
        reconcile_defunct_alerts(model, now=now)


def check_stale_listings(*, now: datetime | None = None) -> StaleScan:
    now = now or timezone.now()
    today = timezone.localdate(now)
    scan = StaleScan()
    with transaction.atomic():
        for model in REVIEWABLE_MODELS:
            label = label_field(model)
            scan.due_dates_recomputed += recompute_due_dates(model)

            overdue = overdue_listings(model, today)
            scan.alerts_resolved += resolve_alerts_not_in(Kind.OVERDUE_REVIEW, overdue, now=now)
            scan.alerts_raised += raise_alerts_for(
                Kind.OVERDUE_REVIEW, overdue, now=now, label=label, describe=describe_overdue
            )

            if model in MODELS_RUN_BY_ORGANISATIONS:
                resolved, raised = reconcile_defunct_alerts(model, now=now)
                scan.alerts_resolved += resolved
                scan.alerts_raised += raised

            scan.alerts_resolved += resolve_alerts_answered_by_review(REPORT_KINDS, model, now=now)
    logger.info("Stale listings: %s", scan)
    return scan


@shared_task(
    name="tasks.check_stale_listings",
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def check_stale_listings_task(now: str | None = None) -> dict:
    """Daily. `now` (ISO 8601) re-runs the scan as of another moment."""
    return asdict(check_stale_listings(now=parse_now(now)))
