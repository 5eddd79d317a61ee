"""What a maintainer found out for themselves, recorded like any other event: they rang
the contact and the address works (a delivery), or they know the mailbox is gone (a
permanent failure). The same rules and alerts follow."""

import uuid
from datetime import datetime

from django.utils import timezone

from cms.validators import normalise_email
from tasks.bounces.ingest import Recorded, record_events
from tasks.bounces.models import DeliveryEvent, EventKind
from tasks.bounces.rules import Event, enhanced_status_in

# A failure's note may quote the mail server; any other note is a person's own words.
FAILURES = (EventKind.HARD_BOUNCE, EventKind.SOFT_BOUNCE)


def record_manual_event(
    address: str,
    kind: EventKind,
    *,
    note: str = "",
    by: str = "",
    reference: str = "",
    smtp_status: str = "",
    now: datetime | None = None,
) -> Recorded:
    """Record `kind` for `address` (which must be shown somewhere to count). `by` names
    who found out, `note` says how; a failure's SMTP status is the one given, or the enhanced
    status its note quotes ("550 5.1.1 Mailbox unavailable" gives 5.1.1). Each call is a new
    event, unless it gives the same `reference` as an earlier one for that address (a script
    run again, say)."""
    now = now or timezone.now()
    event = Event(
        address=normalise_email(address),
        kind=kind,
        source=DeliveryEvent.Source.MANUAL,
        key=("manual", reference or uuid.uuid4().hex, normalise_email(address)),
        occurred_at=now,
        provider=by,
        smtp_status=smtp_status or (enhanced_status_in(note) if kind in FAILURES else ""),
        diagnostic=note,
    )
    return record_events([event], now=now)
