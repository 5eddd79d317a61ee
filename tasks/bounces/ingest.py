"""Writing down what the intakes heard, in bulk.

`record_events` takes a batch of events from any intake and, in one transaction: finds
(or creates) the rows of the addresses we know, locked; drops events already stored
(their key is unique) and events about addresses we do not show; inserts the new ones in
one statement; applies the rules in time order; writes the changed addresses back (one
executemany); and raises or resolves alerts for addresses that became bounced or
recovered. A fixed number of round trips per batch, whatever its size.

`ingest_messages` reads bounce messages (from files, a mailbox, stdin) in batches: each
is parsed in Python, then the batch is recorded at once. A message that cannot be read is
kept as an `UnparsedBounce` and the batch goes on.
"""

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesHeaderParser
from itertools import islice

from django.db import connections, router, transaction
from django.utils import timezone

from cms.verp import return_path
from tasks.bounces.addresses import known_addresses
from tasks.bounces.alerts import reconcile_alerts
from tasks.bounces.dsn import Report, header_text, read_report
from tasks.bounces.models import ContactAddress, DeliveryEvent, UnparsedBounce
from tasks.bounces.rules import APPLIED_FIELDS, Event, apply_event

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_KEPT_MESSAGE = 1_000_000  # characters of an unparsed message kept for a person
Status = ContactAddress.Status


def event_key(parts: tuple[str, ...]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass
class Recorded:
    events: int = 0  # new events stored
    duplicates: int = 0  # heard before
    unknown: int = 0  # about addresses we do not show
    bounced: int = 0  # addresses that became bounced
    recovered: int = 0  # bounced addresses that work again

    def add(self, other: "Recorded") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@transaction.atomic
def record_events(events: Iterable[Event], *, now: datetime | None = None) -> Recorded:
    now = now or timezone.now()
    events = list(events)
    recorded = Recorded()
    if not events:
        return recorded
    addresses = known_addresses({event.address for event in events}, lock=True, now=now)
    by_key: dict[str, Event] = {}
    for event in events:
        if event.address in addresses:
            by_key.setdefault(event_key(event.key), event)
        else:
            recorded.unknown += 1
    stored = set(DeliveryEvent.objects.filter(key__in=list(by_key)).values_list("key", flat=True))
    new = [(key, event) for key, event in by_key.items() if key not in stored]
    recorded.events = len(new)
    recorded.duplicates = len(events) - recorded.unknown - len(new)
    # The address rows are locked, so no one else is inserting these keys; ignoring
    # conflicts only guards against a writer that does not lock (there is none today).
    DeliveryEvent.objects.bulk_create(
        [
            DeliveryEvent(
                address=addresses[event.address],
                source=event.source,
                provider=event.provider[:100],
                kind=event.kind,
                smtp_status=event.smtp_status[:20],
                diagnostic=event.diagnostic,
                payload=event.payload,
                occurred_at=event.occurred_at,
                received_at=now,
                key=key,
            )
            for key, event in new
        ],
        ignore_conflicts=True,
    )

    was_bounced = bounced_among(addresses)
    changed: dict[str, ContactAddress] = {}
    for _, event in sorted(new, key=lambda item: item[1].occurred_at):
        apply_event(addresses[event.address], event)
        changed[event.address] = addresses[event.address]
    write_back(changed.values())

    is_bounced = bounced_among(addresses)
    bounced, recovered = is_bounced - was_bounced, was_bounced - is_bounced
    recorded.bounced, recorded.recovered = len(bounced), len(recovered)
    if bounced or recovered:
        reconcile_alerts(now=now, addresses=bounced | recovered)
    return recorded


def bounced_among(addresses: dict[str, ContactAddress]) -> set[str]:
    return {address for address, row in addresses.items() if row.status == Status.BOUNCED}


def write_back(addresses: Iterable[ContactAddress]) -> None:
    """Save what the rules changed, as bulk_update would, without building a CASE per
    field and row (the slowest part of a batch): one parametrised UPDATE, sent for every
    row in one executemany, which psycopg pipelines."""
    connection = connections[router.db_for_write(ContactAddress)]
    fields = [ContactAddress._meta.get_field(name) for name in APPLIED_FIELDS]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(ContactAddress._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(ContactAddress._meta.pk.column),
    )
    rows = [
        [field.get_db_prep_save(getattr(address, field.attname), connection) for field in fields]
        + [address.pk]
        for address in addresses
    ]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


# Bounce messages


@dataclass(frozen=True)
class InputMessage:
    """One message from a source; `raw` is None if it could not be read."""

    raw: bytes | None
    origin: str  # where it came from, for a person looking at an unparsed one
    error: str = ""


@dataclass
class IngestRun:
    messages: int = 0
    unreadable: int = 0  # could not be read from the source at all
    unparsed: int = 0  # kept for a person to look at
    recorded: Recorded = field(default_factory=Recorded)

    def summary(self) -> str:
        recorded = self.recorded
        return (
            f"{self.messages} messages read: {recorded.events} events recorded "
            f"({recorded.bounced} addresses now bounced, {recorded.recovered} recovered), "
            f"{recorded.duplicates} already recorded, {recorded.unknown} about addresses we "
            f"do not show, {self.unparsed} kept for a person to read, "
            f"{self.unreadable} unreadable."
        )


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest_messages(
    messages: Iterable[InputMessage], *, now: datetime | None = None, batch_size: int = BATCH_SIZE
) -> IngestRun:
    now = now or timezone.now()
    bounce_address = return_path()
    run = IngestRun()
    for batch in batches(messages, batch_size):
        events: list[Event] = []
        unparsed: dict[str, UnparsedBounce] = {}
        for message in batch:
            run.messages += 1
            if message.raw is None:
                run.unreadable += 1
                logger.warning("Could not read %s: %s", message.origin, message.error)
                continue
            try:
                report = read_report(message.raw, bounce_address=bounce_address)
            except Exception as error:  # one broken message must not stop a batch
                logger.warning("Could not parse %s: %r", message.origin, error)
                kept = unparsed_bounce(message, f"Could not be parsed: {error!r}", now=now)
            else:
                if report.is_bounce:
                    events += report_events(report, message.raw, now=now)
                    continue
                kept = unparsed_bounce(message, why_not_read(report), report=report, now=now)
            unparsed.setdefault(kept.digest, kept)
        with transaction.atomic():
            run.recorded.add(record_events(events, now=now))
            UnparsedBounce.objects.bulk_create(unparsed.values(), ignore_conflicts=True)
        run.unparsed += len(unparsed)
    logger.info("Bounces: %s", run.summary())
    return run


def report_events(report: Report, raw: bytes, *, now: datetime) -> list[Event]:
    message_key = report.message_id or hashlib.sha256(raw).hexdigest()
    occurred_at = min(report.date, now) if report.date else now
    return [
        Event(
            address=failure.recipient,
            kind=failure.kind,
            source=DeliveryEvent.Source.DSN,
            key=("dsn", message_key, failure.recipient),
            occurred_at=occurred_at,
            provider=report.reporter,
            smtp_status=failure.status,
            diagnostic=failure.diagnostic,
            payload={
                "message_id": report.message_id,
                "from": report.sender,
                "subject": report.subject,
                "verp_recipient": report.verp_recipient,
                "fields": failure.fields,
            },
        )
        for failure in report.failures
    ]


def why_not_read(report: Report) -> str:
    if report.verp_recipient:
        return f"Sent back for {report.verp_recipient}, but it reports no failure we can read."
    return "Not a bounce we can read: no delivery status, and no failed address found."


def unparsed_bounce(
    message: InputMessage, reason: str, *, now: datetime, report: Report | None = None
) -> UnparsedBounce:
    sender, subject = (report.sender, report.subject) if report else headers_of(message.raw)
    return UnparsedBounce(
        # PostgreSQL text cannot hold NUL characters.
        message=message.raw[:MAX_KEPT_MESSAGE].decode(errors="replace").replace("\x00", ""),
        sender=sender[:255],
        subject=subject[:255],
        reason=reason[:255],
        source=message.origin[:255],
        received_at=now,
        digest=hashlib.sha256(message.raw).hexdigest(),
    )


def headers_of(raw: bytes) -> tuple[str, str]:
    try:
        headers = BytesHeaderParser().parsebytes(raw[:65536])
        return header_text(headers.get("From")), header_text(headers.get("Subject"))
    except Exception:  # best effort: the message is already known to be broken
        return "", ""
