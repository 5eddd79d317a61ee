"""The SMTP conversation as an intake: a recipient our mail server refuses while we send.

A 5xx reply at RCPT TO is a permanent failure, heard at once; a 4xx is a temporary one.
The event's key is the message's Message-ID, so a retry of the same send counts once.
"""

import smtplib
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from cms.validators import normalise_email
from tasks.bounces.ingest import Recorded, record_events
from tasks.bounces.models import DeliveryEvent, EventKind
from tasks.bounces.rules import Event, smtp_status_in


def refusal_events(
    refused: smtplib.SMTPRecipientsRefused, *, message_id: str, now: datetime
) -> list[Event]:
    events = []
    for recipient, (code, reply) in refused.recipients.items():
        text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
        kind = {5: EventKind.HARD_BOUNCE, 4: EventKind.SOFT_BOUNCE}.get(code // 100)
        if kind is None:
            continue
        events.append(
            Event(
                address=normalise_email(recipient),
                kind=kind,
                source=DeliveryEvent.Source.SMTP,
                key=("smtp", message_id, normalise_email(recipient)),
                occurred_at=now,
                provider=settings.EMAIL_HOST,
                smtp_status=smtp_status_in(text) or str(code),
                diagnostic=f"{code} {text}",
            )
        )
    return events


def record_refusal(
    refused: smtplib.SMTPRecipientsRefused, *, message_id: str, now: datetime | None = None
) -> Recorded:
    now = now or timezone.now()
    return record_events(refusal_events(refused, message_id=message_id, now=now), now=now)
