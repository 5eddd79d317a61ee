"""What an event does to an address: the deliverability rules.

- A permanent failure (5.x.x, or the provider says permanent / hard) bounces the address
  at once.
- A temporary failure (4.x.x, delayed, deferred) adds one to its score, at most once a
  day; at `BOUNCE_SOFT_THRESHOLD` the address is bounced. The score is on that one scale:
  a permanent failure brings it to the threshold at once.
- A spam complaint marks it complained: we stop writing to it.
- A delivery makes it OK again and clears the score (but does not take back a complaint).
- News older than the last event applied is logged, not applied: a report that arrives
  late cannot undo a newer one.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind

Status = ContactAddress.Status

# RFC 3463 enhanced status codes (5.1.1), and RFC 5321 reply codes (550).
ENHANCED_STATUS = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
REPLY_CODE = re.compile(r"(?<![\d.])([245])\d\d(?![\d.])")


def smtp_status_in(text: str | None) -> str:
    """The first enhanced status code in `text`, else the first reply code, else ""."""
    if not text:
        return ""
    if found := ENHANCED_STATUS.search(text):
        return found.group(0)
    if found := REPLY_CODE.search(text):
        return found.group(0)
    return ""


def enhanced_status_in(text: str | None) -> str:
    """The first enhanced status code (5.1.1) in `text`, else "". A person's note is read
    for these only: a bare three-digit number in it is as likely a phone number's part."""
    found = ENHANCED_STATUS.search(text or "")
    return found.group(0) if found else ""


def kind_of_status(status: str) -> EventKind | None:
    """A failure's kind from its SMTP status: 5 is permanent, 4 temporary."""
    return {"5": EventKind.HARD_BOUNCE, "4": EventKind.SOFT_BOUNCE}.get(status[:1])


@dataclass(frozen=True)
class Event:
    """Something an intake heard about one address, before it is stored.

    `key` names the event uniquely (source, provider, event or message id, recipient):
    hearing the same thing twice gives the same key, and it is stored once.
    """

    address: str  # normalised
    kind: EventKind
    source: DeliveryEvent.Source
    key: tuple[str, ...]
    occurred_at: datetime
    provider: str = ""
    smtp_status: str = ""
    diagnostic: str = ""
    payload: dict = field(default_factory=dict, compare=False)


def apply_event(address: ContactAddress, event: Event) -> None:
    """Update `address` (in memory) for `event`. Events must be applied in time order."""
    if address.last_event_at and event.occurred_at < address.last_event_at:
        return
    status = address.status
    if event.kind == EventKind.HARD_BOUNCE:
        status = Status.BOUNCED
        address.score = max(address.score, settings.BOUNCE_SOFT_THRESHOLD)
    elif event.kind == EventKind.SOFT_BOUNCE:
        if status not in (Status.BOUNCED, Status.COMPLAINED):
            day = timezone.localdate(event.occurred_at)
            if address.soft_bounced_on != day:
                address.score += 1
                address.soft_bounced_on = day
            over = address.score >= settings.BOUNCE_SOFT_THRESHOLD
            status = Status.BOUNCED if over else Status.SOFT_BOUNCING
    elif event.kind == EventKind.COMPLAINT:
        status = Status.COMPLAINED
    elif event.kind == EventKind.DELIVERED and status != Status.COMPLAINED:
        status = Status.OK
        address.score = 0
        address.soft_bounced_on = None
    if status != address.status:
        address.status = status
        address.status_since = event.occurred_at
    address.last_event_at = event.occurred_at
    address.last_event_kind = event.kind
    address.last_diagnostic = event.diagnostic


def score_bounced_addresses(addresses, threshold: int) -> int:
    """Give every address already bounced at least the whole threshold, as apply_event now
    does for a permanent failure (an earlier rule left those at 0). `addresses` is the
    ContactAddress model, or its historical version in a migration."""
    return addresses.objects.filter(status=Status.BOUNCED, score__lt=threshold).update(
        score=threshold
    )


# What apply_event may change: the fields a batch writes back.
APPLIED_FIELDS = [
    "status",
    "status_since",
    "score",
    "soft_bounced_on",
    "last_event_at",
    "last_event_kind",
    "last_diagnostic",
]
