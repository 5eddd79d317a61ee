"""Reading bounce messages.

Most mail servers send RFC 3464 delivery status notifications: a multipart/report with a
message/delivery-status part, one block of fields per recipient (Final-Recipient, Action,
Status, Diagnostic-Code). Those are read with the standard library. The rest (old Exim,
qmail, and the many home-made formats) are left to flufl.bounce's detectors.

Which address failed comes first from the signed VERP address the bounce was delivered
to (cms.verp): it names the address we wrote to, even when the report names
another (a forwarding address, say). Without a valid one, the report's recipients count.

Messages are parsed with the compat32 policy: several times faster than the modern one,
and as lenient with broken mail, which matters more here than convenience.
"""

import email
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import parsedate_to_datetime

from flufl.bounce import all_failures

from cms.validators import normalise_email
from cms.verp import verp_recipient_in
from tasks.bounces.models import EventKind
from tasks.bounces.rules import ENHANCED_STATUS, kind_of_status, smtp_status_in

# Worst first: a report about one email that says both is a failure.
SEVERITY = [EventKind.HARD_BOUNCE, EventKind.SOFT_BOUNCE, EventKind.DELIVERED]
BLANK_LINE = re.compile(rb"\r?\n[ \t]*\r?\n")


@dataclass(frozen=True)
class Failure:
    """What a report says about one recipient (a delivery, for Action: delivered)."""

    recipient: str  # normalised
    kind: EventKind
    status: str = ""
    diagnostic: str = ""
    fields: dict = field(default_factory=dict, compare=False)


@dataclass
class Report:
    message_id: str
    sender: str
    subject: str
    date: datetime | None
    reporter: str  # the reporting mail server, when the report names it
    failures: list[Failure]
    verp_recipient: str | None = None

    @property
    def is_bounce(self) -> bool:
        return bool(self.failures)


def read_report(raw: bytes, *, bounce_address: str) -> Report:
    """What a bounce message says. `failures` is empty if it is not one we can read."""
    message = email.message_from_bytes(raw)
    reporter, failures = "", []
    if (status_part := delivery_status_part(message)) is not None:
        reporter, failures = read_delivery_status(status_part)
    if not failures:
        failures = other_failures(message)
    verp_recipient = verp_recipient_in(message, bounce_address)
    if verp_recipient and failures:
        failures = [attributed_to(verp_recipient, failures)]
    return Report(
        message_id=(message.get("Message-ID") or "").strip(),
        sender=header_text(message.get("From")),
        subject=header_text(message.get("Subject")),
        date=message_date(message),
        reporter=reporter,
        failures=failures,
        verp_recipient=verp_recipient,
    )


def delivery_status_part(message: Message) -> Message | None:
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            return part
    return None


def status_blocks(part: Message) -> list[Message]:
    """The blocks of fields of a message/delivery-status part. The parser splits them
    itself, unless the part came with a transfer encoding (some servers base64 it)."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return payload
    text = part.get_payload(decode=True) or b""
    return [email.message_from_bytes(block) for block in BLANK_LINE.split(text) if block.strip()]


def read_delivery_status(part: Message) -> tuple[str, list[Failure]]:
    reporter, failures = "", []
    for block in status_blocks(part):
        if block.get("Reporting-MTA"):
            reporter = typed_value(block["Reporting-MTA"])
        recipient = address_field(block.get("Original-Recipient")) or address_field(
            block.get("Final-Recipient")
        )
        if "@" not in recipient:
            continue
        action = (block.get("Action") or "").strip().lower()
        diagnostic = typed_value(block.get("Diagnostic-Code") or "")
        status = status_field(block.get("Status") or "") or smtp_status_in(diagnostic)
        if action == "failed":
            kind = kind_of_status(status) or EventKind.HARD_BOUNCE
        elif action == "delayed":
            kind = EventKind.SOFT_BOUNCE
        elif action == "delivered":
            kind = EventKind.DELIVERED
        else:  # relayed, expanded: nothing about the mailbox
            continue
        failures.append(
            Failure(
                recipient=normalise_email(recipient),
                kind=kind,
                status=status,
                diagnostic=diagnostic,
                fields={name.lower(): unfold(value) for name, value in block.items()},
            )
        )
    return reporter, failures


def other_failures(message: Message) -> list[Failure]:
    """Failures flufl.bounce finds in a message without a readable delivery status."""
    temporary, permanent = all_failures(message)
    status, diagnostic = smtp_reply_in(message)
    return [
        Failure(
            recipient=normalise_email(address.decode(errors="replace")),
            kind=kind,
            status=status,
            diagnostic=diagnostic,
        )
        for kind, addresses in [
            (EventKind.HARD_BOUNCE, permanent),
            (EventKind.SOFT_BOUNCE, temporary - permanent),
        ]
        for address in sorted(addresses)
        if b"@" in address
    ]


def smtp_reply_in(message: Message) -> tuple[str, str]:
    """The first line of the human-readable text that carries an SMTP status, if any."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            text = (part.get_payload(decode=True) or b"")[:20000].decode(errors="replace")
            for line in text.splitlines():
                if status := smtp_status_in(line):
                    return status, line.strip()
            break
    return "", ""


def attributed_to(recipient: str, failures: list[Failure]) -> Failure:
    """The report's worst news, about the address the VERP token names."""
    worst = min(failures, key=lambda failure: SEVERITY.index(failure.kind))
    return Failure(
        recipient=recipient,
        kind=worst.kind,
        status=worst.status,
        diagnostic=worst.diagnostic,
        fields={**worst.fields, "reported_recipient": worst.recipient},
    )


def typed_value(value: str) -> str:
    """A field's value without its type: `smtp; 550 …` -> `550 …`."""
    value = unfold(value)
    _, _, rest = value.partition(";")
    return (rest or value).strip()


def address_field(value: str | None) -> str:
    """`rfc822; <team@example.org>` -> `team@example.org`."""
    return typed_value(value or "").strip("<>").strip()


def status_field(value: str) -> str:
    found = ENHANCED_STATUS.search(value)
    return found.group(0) if found else ""


def unfold(value: str) -> str:
    return " ".join(str(value).split())


def header_text(value) -> str:
    if not value:
        return ""
    try:
        return unfold(str(make_header(decode_header(str(value)))))
    except (LookupError, UnicodeError, ValueError):
        return unfold(value)


def message_date(message: Message) -> datetime | None:
    try:
        date = parsedate_to_datetime(message.get("Date") or "")
    except (TypeError, ValueError, IndexError):
        return None
    return date if date.tzinfo else date.replace(tzinfo=UTC)
