"""The deliverability jobs (docs/bounces.md): thin Celery tasks around tasks.bounces.

- `tasks.check_contact_addresses`, daily: a record for every contact address shown, and
  the bouncing-contact alerts brought in line with what is shown now (a contact
  corrected, a listing unpublished).
- `tasks.poll_bounce_mailbox`, every BOUNCE_IMAP_POLL_SECONDS: reads the bounce mailbox
  when BOUNCE_IMAP_URL is set, and does nothing otherwise.
- `tasks.ingest_bounce_files`: reads message files, directories, maildirs or mbox files
  (what `manage.py ingest_bounces` does), for a mail server that drops bounces on disk.

All are safe to run again: addresses are created once, alerts raised once, and an event
heard twice is stored once.
"""

import imaplib
import logging
from dataclasses import asdict, dataclass
from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone

from tasks.bounces.addresses import sync_contact_addresses
from tasks.bounces.alerts import reconcile_alerts
from tasks.bounces.imap import poll_mailbox
from tasks.bounces.ingest import IngestRun, ingest_messages
from tasks.bounces.sources import check_readable, messages_from
from tasks.clock import parse_now

logger = logging.getLogger(__name__)

POLL_LOCK = "tasks:poll-bounce-mailbox"


@dataclass
class AddressCheck:
    addresses_created: int = 0
    alerts_raised: int = 0
    alerts_resolved: int = 0


@transaction.atomic
def check_contact_addresses(*, now: datetime | None = None) -> AddressCheck:
    now = now or timezone.now()
    check = AddressCheck(addresses_created=sync_contact_addresses(now=now))
    check.alerts_raised, check.alerts_resolved = reconcile_alerts(now=now)
    logger.info("Contact addresses: %s", check)
    return check


def as_dict(run: IngestRun) -> dict:
    return {
        "messages": run.messages,
        "unparsed": run.unparsed,
        "unreadable": run.unreadable,
        **asdict(run.recorded),
    }


@shared_task(
    name="tasks.check_contact_addresses",
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def check_contact_addresses_task(now: str | None = None) -> dict:
    """Daily, before the digest."""
    return asdict(check_contact_addresses(now=parse_now(now)))


@shared_task(
    name="tasks.poll_bounce_mailbox",
    acks_late=True,
    autoretry_for=(OSError, imaplib.IMAP4.abort, DatabaseError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=3,
)
def poll_bounce_mailbox_task() -> dict:
    """Every few minutes; nothing to do unless BOUNCE_IMAP_URL is set. One poll at a
    time: a slow one is not overtaken by the next (which would read the same messages)."""
    if not settings.BOUNCE_IMAP_URL:
        return {"configured": False}
    timeout = max(60, int(settings.BOUNCE_IMAP_POLL_SECONDS * 5))
    if not cache.add(POLL_LOCK, True, timeout=timeout):
        return {"configured": True, "skipped": "another poll is running"}
    try:
        return {"configured": True, **as_dict(poll_mailbox())}
    finally:
        cache.delete(POLL_LOCK)


@shared_task(
    name="tasks.ingest_bounce_files",
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=5,
)
def ingest_bounce_files_task(paths: list[str]) -> dict:
    check_readable(paths)
    return as_dict(ingest_messages(messages_from(paths)))
