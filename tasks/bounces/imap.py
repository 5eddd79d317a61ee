"""Polling the mailbox that bounces are delivered to, over IMAP (standard library imaplib).

BOUNCE_IMAP_URL names it: `imaps://user:password@imap.example.org/INBOX` (TLS, port 993
by default) or `imap://…` (plain, port 143: only for a server on the same host or a
private network). Messages not yet seen are fetched without marking them (BODY.PEEK),
ingested a batch at a time, and only once the batch is committed marked \\Seen (or
deleted, with BOUNCE_IMAP_DELETE). A crash in between reads them again next time, and
their events, already stored, are not counted twice.
"""

import imaplib
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils import timezone

from tasks.bounces.ingest import BATCH_SIZE, IngestRun, InputMessage, batches, ingest_messages

TIMEOUT_SECONDS = 60
UID = re.compile(rb"\bUID (\d+)")


class MailboxError(ValueError):
    pass


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    tls: bool
    user: str
    password: str
    folder: str = "INBOX"

    def __str__(self):
        return (
            f"{'imaps' if self.tls else 'imap'}://{self.user}@{self.host}:{self.port}/{self.folder}"
        )


def mailbox_from_url(url: str) -> Mailbox:
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps"):
        raise MailboxError("the scheme must be imaps:// (or imap:// on a private network)")
    if not (parts.hostname and parts.username and parts.password):
        raise MailboxError("give a host, a user and a password: imaps://user:password@host/")
    try:
        port = parts.port
    except ValueError as error:
        raise MailboxError(str(error)) from error
    tls = parts.scheme == "imaps"
    return Mailbox(
        host=parts.hostname,
        port=port or (993 if tls else 143),
        tls=tls,
        user=unquote(parts.username),
        password=unquote(parts.password),
        folder=unquote(parts.path.strip("/")) or "INBOX",
    )


def connect(mailbox: Mailbox) -> imaplib.IMAP4:
    if mailbox.tls:
        return imaplib.IMAP4_SSL(
            mailbox.host,
            mailbox.port,
            ssl_context=ssl.create_default_context(),
            timeout=TIMEOUT_SECONDS,
        )
    return imaplib.IMAP4(mailbox.host, mailbox.port, timeout=TIMEOUT_SECONDS)


def checked(response: tuple[str, list]) -> list:
    status, data = response
    if status != "OK":
        raise imaplib.IMAP4.error(f"{status} {data!r}")
    return data


def quoted(folder: str) -> str:
    """A folder name as an IMAP quoted string (it may hold spaces)."""
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fetch(imap: imaplib.IMAP4, uids: list[bytes], origin: str) -> Iterator[InputMessage]:
    data = checked(imap.uid("FETCH", b",".join(uids).decode(), "(UID BODY.PEEK[])"))
    for item in data:
        if isinstance(item, tuple) and (uid := UID.search(item[0])):
            yield InputMessage(item[1], f"{origin} UID {uid.group(1).decode()}")


def poll_mailbox(
    url: str | None = None,
    *,
    now: datetime | None = None,
    delete: bool | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestRun:
    mailbox = mailbox_from_url(url or settings.BOUNCE_IMAP_URL)
    delete = settings.BOUNCE_IMAP_DELETE if delete is None else delete
    now = now or timezone.now()
    run = IngestRun()
    with connect(mailbox) as imap:
        checked(imap.login(mailbox.user, mailbox.password))
        checked(imap.select(quoted(mailbox.folder)))
        uids = checked(imap.uid("SEARCH", None, "UNDELETED" if delete else "UNSEEN"))[0].split()
        for chunk in batches(uids, batch_size):
            batch = ingest_messages(fetch(imap, chunk, str(mailbox)), now=now)
            flag = r"(\Deleted)" if delete else r"(\Seen)"
            checked(imap.uid("STORE", b",".join(chunk).decode(), "+FLAGS.SILENT", flag))
            run.messages += batch.messages
            run.unparsed += batch.unparsed
            run.unreadable += batch.unreadable
            run.recorded.add(batch.recorded)
        if delete and uids:
            checked(imap.expunge())
    return run
