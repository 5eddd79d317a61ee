"""Polling the bounce mailbox, against a small IMAP server in this process.

The server speaks just the IMAP4rev1 that imaplib uses here (CAPABILITY, LOGIN, SELECT,
UID SEARCH / FETCH / STORE, EXPUNGE, LOGOUT), over a real socket.
"""

import imaplib
import re
import socketserver
import threading
from dataclasses import dataclass, field

import pytest

from tasks.bounces.imap import MailboxError, mailbox_from_url, poll_mailbox
from tasks.bounces.models import ContactAddress, DeliveryEvent, UnparsedBounce
from tasks.deliverability import poll_bounce_mailbox_task
from tests.tasks.bounces import message
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

USER, PASSWORD = "bounces@example.org", "mailbox secret"


@dataclass
class Stored:
    raw: bytes
    flags: set[str] = field(default_factory=set)


class IMAPHandler(socketserver.StreamRequestHandler):
    def send(self, *lines: bytes) -> None:
        for line in lines:
            self.wfile.write(line + b"\r\n")

    def handle(self):
        mailbox: dict[int, Stored] = self.server.mailbox
        self.send(b"* OK IMAP4rev1 fake server ready")
        while line := self.rfile.readline():
            tag, command, arguments = (line.decode().rstrip("\r\n").split(" ", 2) + ["", ""])[:3]
            command = command.upper()
            if command == "CAPABILITY":
                self.send(b"* CAPABILITY IMAP4rev1", f"{tag} OK done".encode())
            elif command == "LOGIN":
                user, password = re.match(r'(\S+) "?(.*?)"?$', arguments).groups()
                ok = (user, password) == (USER, PASSWORD)
                self.send(f"{tag} {'OK' if ok else 'NO'} login".encode())
            elif command == "SELECT":
                self.send(
                    f"* {len(mailbox)} EXISTS".encode(),
                    b"* OK [UIDVALIDITY 1] UIDs valid",
                    f"{tag} OK [READ-WRITE] SELECT completed".encode(),
                )
            elif command == "UID":
                self.uid(tag, arguments, mailbox)
            elif command == "EXPUNGE":
                for uid in [uid for uid, m in mailbox.items() if "\\Deleted" in m.flags]:
                    del mailbox[uid]
                self.send(f"{tag} OK expunged".encode())
            elif command == "LOGOUT":
                self.send(b"* BYE", f"{tag} OK bye".encode())
                return
            else:
                self.send(f"{tag} BAD unknown command".encode())

    def uid(self, tag: str, arguments: str, mailbox: dict[int, Stored]) -> None:
        command, _, rest = arguments.partition(" ")
        if command.upper() == "SEARCH":
            wanted = [
                uid
                for uid, stored in mailbox.items()
                if (rest == "UNSEEN" and "\\Seen" not in stored.flags)
                or (rest == "UNDELETED" and "\\Deleted" not in stored.flags)
            ]
            self.send(f"* SEARCH {' '.join(map(str, wanted))}".strip().encode())
        elif command.upper() == "FETCH":
            uids = rest.split(" ", 1)[0]
            for position, uid in enumerate(map(int, uids.split(",")), start=1):
                raw = mailbox[uid].raw
                self.wfile.write(
                    f"* {position} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode()
                )
                self.wfile.write(raw + b")\r\n")
        elif command.upper() == "STORE":
            uids, _, flags = rest.split(" ", 2)
            for uid in map(int, uids.split(",")):
                mailbox[uid].flags.update(flags.strip("()").split())
        self.send(f"{tag} OK UID {command} completed".encode())


@pytest.fixture
def imap_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), IMAPHandler)
    server.daemon_threads = True
    server.mailbox = {
        uid: Stored(message(name))
        for uid, name in enumerate(["postfix_hard", "out_of_office", "gmail_hard"], start=1)
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def url(imap_server):
    host, port = imap_server.server_address
    return f"imap://bounces%40example.org:mailbox%20secret@{host}:{port}/INBOX"


@pytest.fixture
def contacts(make_listing):
    make_listing(
        "service",
        reviewed_days_ago=10,
        contacts=[{"email": "family.support@example.org"}, {"email": "parent.forum@example.net"}],
    )


def test_a_poll_reads_the_unseen_messages_once_and_marks_them_seen(url, imap_server, contacts):
    run = poll_mailbox(url, now=NOW)

    assert (run.messages, run.recorded.events, run.unparsed) == (3, 2, 1)
    assert set(ContactAddress.objects.values_list("address", "status")) == {
        ("family.support@example.org", "bounced"),
        ("parent.forum@example.net", "bounced"),
    }
    assert "UID 2" in UnparsedBounce.objects.get().source
    assert all("\\Seen" in stored.flags for stored in imap_server.mailbox.values())
    assert poll_mailbox(url, now=NOW).messages == 0


def test_a_poll_can_delete_what_it_has_read(url, imap_server, contacts):
    run = poll_mailbox(url, now=NOW, delete=True)

    assert run.messages == 3
    assert imap_server.mailbox == {}


def test_a_crash_before_marking_reads_them_again_without_counting_twice(url, imap_server, contacts):
    poll_mailbox(url, now=NOW)
    for stored in imap_server.mailbox.values():
        stored.flags.clear()  # as if the poll had died before STORE

    again = poll_mailbox(url, now=NOW)

    assert (again.messages, again.recorded.events, again.recorded.duplicates) == (3, 0, 2)
    assert DeliveryEvent.objects.count() == 2


def test_a_wrong_password_is_an_error(imap_server, contacts):
    host, port = imap_server.server_address

    with pytest.raises(imaplib.IMAP4.error):
        poll_mailbox(f"imap://bounces%40example.org:guess@{host}:{port}/INBOX", now=NOW)
    assert not DeliveryEvent.objects.exists()


def test_the_beat_job_polls_only_when_a_mailbox_is_configured(url, settings, contacts):
    settings.BOUNCE_IMAP_URL = ""
    assert poll_bounce_mailbox_task() == {"configured": False}

    settings.BOUNCE_IMAP_URL = url
    result = poll_bounce_mailbox_task()

    assert (result["configured"], result["messages"], result["events"]) == (True, 3, 2)


@pytest.mark.parametrize(
    "url",
    ["pop3://user:pass@host/", "imaps://host/INBOX", "imaps://user@host/", "imap://u:p@host:x/"],
)
def test_a_mailbox_url_must_name_a_server_and_credentials(url):
    with pytest.raises(MailboxError):
        mailbox_from_url(url)


def test_a_mailbox_url_defaults():
    mailbox = mailbox_from_url("imaps://bounces%40example.org:p%40ss@imap.example.org")
    assert (mailbox.host, mailbox.port, mailbox.tls) == ("imap.example.org", 993, True)
    assert (mailbox.user, mailbox.password, mailbox.folder) == (USER, "p@ss", "INBOX")
