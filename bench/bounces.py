"""Bounce ingestion: delivery status notifications read per second (target: 500).

`run(messages=…)` writes that many bounces, in the shapes Postfix, Exim, Exchange and
Gmail send (one in ten a delayed-delivery warning), to a temporary maildir, then times
`ingest_messages` reading it as `manage.py ingest_bounces <maildir>` does: parse, record
the events in bulk, apply the rules. The addresses are made up (under .invalid) and
known to the database for the run; everything the run created is deleted afterwards.

Needs Django set up, with a database. As a script, with the benchmark's environment
(DJANGO_SETTINGS_MODULE, DATABASE_URL, …): `python bench/bounces.py [MESSAGES]`, which
prints the result as JSON on its last line.
"""

import json
import mailbox
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

DOMAIN = "bench-bounces.invalid"
TARGET_PER_SECOND = 500

POSTFIX = """\
Return-Path: <>
Delivered-To: bounces@example.org
Date: {date}
From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: bounces@example.org
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="{n}.1772441705/mail.example.org"
Message-Id: <{n}.postfix@mail.example.org>

--{n}.1772441705/mail.example.org
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.org.

<{address}>: host mx.{domain}[192.0.2.10] said: {code} {status}
    <{address}>: Recipient address rejected (in reply to RCPT TO command)

--{n}.1772441705/mail.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org
Arrival-Date: {date}

Final-Recipient: rfc822; {address}
Original-Recipient: rfc822;{address}
Action: {action}
Status: {status}
Remote-MTA: dns; mx.{domain}
Diagnostic-Code: smtp; {code} {status} <{address}>: Recipient address rejected

--{n}.1772441705/mail.example.org
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Essex Local Offer <local-offer@example.org>
To: {address}
Subject: Is this still correct? Listing {n}
Message-ID: <{n}.sent@cms.example.org>

--{n}.1772441705/mail.example.org--
"""

EXIM = """\
Return-path: <>
Envelope-to: bounces@example.org
X-Failed-Recipients: {address}
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@mx.example.net>
To: bounces@example.org
Content-Type: multipart/report; report-type=delivery-status; boundary={n}-eximdsn
MIME-Version: 1.0
Subject: Mail delivery failed: returning message to sender
Message-Id: <E{n}-exim@mx.example.net>
Date: {date}

--{n}-eximdsn
Content-type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

  {address}
    SMTP error from remote mail server after RCPT TO:<{address}>:
    {code} {status} <{address}>: mailbox unavailable

--{n}-eximdsn
Content-type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Action: {action}
Final-Recipient: rfc822;{address}
Status: {status}
Remote-MTA: dns; mx.{domain}
Diagnostic-Code: smtp; {code} {status} <{address}>: mailbox unavailable

--{n}-eximdsn
Content-type: message/rfc822

From: Essex Local Offer <local-offer@example.org>
To: {address}
Subject: Is this still correct? Listing {n}
Message-ID: <{n}.sent@cms.example.org>

Hello,

--{n}-eximdsn--
"""

EXCHANGE = """\
MIME-Version: 1.0
From: postmaster@{domain}
To: bounces@example.org
Date: {date}
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="{n}-exchange"
X-MS-Exchange-Message-Is-Ndr:
Message-ID: <{n}-ndr@AM0PR01MB1234.eurprd01.prod.exchangelabs.test>
Subject: Undeliverable: Is this still correct? Listing {n}

--{n}-exchange
Content-Type: multipart/alternative; boundary="{n}-alternative"

--{n}-alternative
Content-Type: text/plain; charset="us-ascii"

Your message to {address} couldn't be delivered.
Remote server returned '{code} {status} RESOLVER.ADR.RecipientNotFound'

--{n}-alternative
Content-Type: text/html; charset="us-ascii"

<html><body><p>Your message to {address} couldn't be delivered.</p></body></html>

--{n}-alternative--

--{n}-exchange
Content-Type: message/delivery-status

Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.exchangelabs.test
Arrival-Date: {date}

Original-Recipient: rfc822;{address}
Final-Recipient: rfc822;{address}
Action: {action}
Status: {status}
Diagnostic-Code: smtp;{code} {status} RESOLVER.ADR.RecipientNotFound; Recipient not found

--{n}-exchange
Content-Type: message/rfc822

From: Essex Local Offer <local-offer@example.org>
To: <{address}>
Subject: Is this still correct? Listing {n}
Message-ID: <{n}.sent@cms.example.org>

Hello,

--{n}-exchange--
"""

GMAIL = """\
Delivered-To: bounces@example.org
Return-Path: <>
MIME-Version: 1.0
From: Mail Delivery Subsystem <mailer-daemon@googlemail.test>
To: bounces@example.org
Auto-Submitted: auto-replied
Subject: Delivery Status Notification (Failure)
X-Failed-Recipients: {address}
Message-ID: <{n}.GMR@mx.google.test>
Date: {date}
Content-Type: multipart/report; boundary="{n}-gmail"; report-type=delivery-status

--{n}-gmail
Content-Type: multipart/related; boundary="{n}-related"

--{n}-related
Content-Type: text/plain; charset="UTF-8"

** Address not found **

Your message wasn't delivered to {address}.

The response was:

{code} {status} The email account that you tried to reach does not exist.

--{n}-related--
--{n}-gmail
Content-Type: message/delivery-status

Reporting-MTA: dns; googlemail.test
Arrival-Date: {date}

Final-Recipient: rfc822; {address}
Action: {action}
Status: {status}
Remote-MTA: dns; mx.{domain}.
Diagnostic-Code: smtp; {code}-{status} The email account that you tried to reach does not exist.
Last-Attempt-Date: {date}

--{n}-gmail
Content-Type: message/rfc822

From: Essex Local Offer <local-offer@example.org>
To: {address}
Subject: Is this still correct? Listing {n}
Message-ID: <{n}.sent@cms.example.org>

Hello,

--{n}-gmail--
"""

SHAPES = [POSTFIX, EXIM, EXCHANGE, GMAIL]


def bounce(n: int, address: str, date: datetime) -> bytes:
    """The n-th bounce: the shapes in turn, every tenth a delayed-delivery warning."""
    delayed = n % 10 == 9
    return (
        SHAPES[n % len(SHAPES)]
        .format(
            n=n,
            address=address,
            domain=DOMAIN,
            date=format_datetime(date),
            action="delayed" if delayed else "failed",
            status="4.4.1" if delayed else "5.1.1",
            code=451 if delayed else 550,
        )
        .replace("\n", "\r\n")
        .encode()
    )


def run(messages: int = 2000, *, addresses: int = 500) -> dict:
    from tasks.bounces.ingest import ingest_messages
    from tasks.bounces.models import ContactAddress
    from tasks.bounces.sources import messages_from

    now = datetime.now(UTC)
    known = [f"contact{n}@{DOMAIN}" for n in range(addresses)]
    ContactAddress.objects.filter(address__endswith=f"@{DOMAIN}").delete()
    ContactAddress.objects.bulk_create([ContactAddress(address=address) for address in known])
    try:
        with tempfile.TemporaryDirectory() as directory:
            maildir = Path(directory) / "Maildir"
            box = mailbox.Maildir(maildir, create=True)
            for n in range(messages):
                box.add(bounce(n, known[n % addresses], now - timedelta(seconds=messages - n)))
            started = time.perf_counter()
            result = ingest_messages(messages_from([str(maildir)]), now=now)
            seconds = time.perf_counter() - started
    finally:
        ContactAddress.objects.filter(address__endswith=f"@{DOMAIN}").delete()  # and events
    if result.recorded.events != messages:
        raise RuntimeError(f"expected {messages} events: {result.summary()}")
    return {
        "messages": messages,
        "events": result.recorded.events,
        "seconds": round(seconds, 3),
        "messages_per_second": round(messages / seconds),
        "target_per_second": TARGET_PER_SECOND,
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)))
