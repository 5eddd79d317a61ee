"""Raising and resolving maintainer alerts, one at a time or in bulk.

Any part of the project may raise an alert with `raise_alert`; raising one that is already
open (same object, kind and cycle) does nothing, so callers need not check first.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from alerts.models import MaintainerAlert

Kind = MaintainerAlert.Kind
# Reports from a provider or a reader: dealt with by a review made after they came in.
REPORT_KINDS = [Kind.PROVIDER_CHANGES, Kind.READER_FEEDBACK]


def raise_alert(
    kind: str,
    obj: models.Model,
    *,
    cycle: str = "",
    message: str = "",
    label: str = "",
    now: datetime | None = None,
) -> tuple[MaintainerAlert, bool]:
    """The open alert about `obj` of this kind and cycle, created if there is none.

    Returns (alert, created). get_or_create retries its lookup when a concurrent insert
    wins the race for the unique index, so two callers end up with the same alert.
    """
    return MaintainerAlert.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        kind=kind,
        cycle=cycle,
        resolved_at=None,
        defaults={
            "label": (label or str(obj))[:255],
            "message": message,
            "created_at": now or timezone.now(),
        },
    )


def raise_alerts_for(
    kind: str,
    listings: models.QuerySet,
    *,
    now: datetime,
    label: str,
    describe=lambda row: "",
    **values,
) -> int:
    """An alert for every object in `listings` (annotated with `cycle`) without an open
    one: one SELECT and one INSERT, however many there are. Returns how many were new.

    `describe(row)` makes the message from the row's values (`pk`, `label`, `cycle` and
    any extra `values` expressions).
    """
    content_type = ContentType.objects.get_for_model(listings.model)
    already_open = MaintainerAlert.objects.open().filter(
        kind=kind, content_type=content_type, object_id=OuterRef("pk"), cycle=OuterRef("cycle")
    )
    rows = listings.exclude(Exists(already_open)).values(
        "pk", "cycle", label_text=F(label), **values
    )
    alerts = [
        MaintainerAlert(
            kind=kind,
            content_type=content_type,
            object_id=row["pk"],
            cycle=row["cycle"],
            label=row["label_text"][:255],
            message=describe(row),
            created_at=now,
        )
        for row in rows
    ]
    # A concurrent run may have raised some meanwhile: the unique index keeps one each.
    MaintainerAlert.objects.bulk_create(alerts, ignore_conflicts=True)
    return len(alerts)


def resolve_alerts_not_in(kind: str, listings: models.QuerySet, *, now: datetime) -> int:
    """Resolve the open alerts of this kind about objects of `listings`' type that are no
    longer in `listings` for the alert's cycle: one UPDATE."""
    content_type = ContentType.objects.get_for_model(listings.model)
    still_applies = listings.filter(pk=OuterRef("object_id"), cycle=OuterRef("cycle"))
    return (
        MaintainerAlert.objects.open()
        .filter(kind=kind, content_type=content_type)
        .exclude(Exists(still_applies))
        .update(resolved_at=now)
    )


def resolve_alerts_answered_by_review(
    kinds: list[str], model: type[models.Model], *, now: datetime
) -> int:
    """Reports (a provider's, a reader's) are dealt with once someone has reviewed the
    listing after the report came in, or the listing is gone: one UPDATE."""
    content_type = ContentType.objects.get_for_model(model)
    reviewed_since = model.objects.filter(
        pk=OuterRef("object_id"), last_reviewed_at__gt=OuterRef("created_at")
    )
    exists = model.objects.filter(pk=OuterRef("object_id"))
    return (
        MaintainerAlert.objects.open()
        .filter(kind__in=kinds, content_type=content_type)
        .filter(Exists(reviewed_since) | ~Exists(exists))
        .update(resolved_at=now)
    )


def alerts_answered_by_review(listing: models.Model, at: datetime) -> models.QuerySet:
    """The open alerts about one listing that a review at `at` answers, by the rules the
    stale scan applies to all listings at once: being overdue (a review starts a new
    cycle), and reports that came in before it. An alert about a closed organisation
    stays open: a review does not change who runs the service."""
    return (
        MaintainerAlert.objects.open()
        .about(listing)
        .filter(Q(kind=Kind.OVERDUE_REVIEW) | Q(kind__in=REPORT_KINDS, created_at__lt=at))
    )
