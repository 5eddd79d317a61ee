"""`manage.py ingest_bounces`: message files, directories, maildirs, mbox files, stdin."""

import io
import mailbox
import sys

import pytest
from django.core.management import CommandError, call_command

from tasks.bounces import ingest
from tasks.bounces.models import DeliveryEvent, UnparsedBounce
from tests.tasks.bounces import message

pytestmark = pytest.mark.django_db

BOUNCES = ["postfix_hard", "exim_hard", "exchange_hard", "gmail_hard", "postfix_delayed"]
ADDRESSES = [
    "family.support@example.org",
    "office@village-hall.test",
    "former.head@school.test",
    "parent.forum@example.net",
    "bookings@slow-mail.test",
]


@pytest.fixture(autouse=True)
def contacts(make_listing):
    make_listing(
        "service",
        reviewed_days_ago=10,
        contacts=[{"name": "Contact", "email": address} for address in ADDRESSES],
    )


def ingest_bounces(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest_bounces", *args, stdout=out)
    return out.getvalue()


def recorded_addresses() -> list[str]:
    return sorted(DeliveryEvent.objects.values_list("address__address", flat=True))


def write(directory, names: list[str]) -> list[str]:
    paths = []
    for name in names:
        path = directory / f"{name}.eml"
        path.write_bytes(message(name))
        paths.append(str(path))
    return paths


def test_message_files(tmp_path):
    paths = write(tmp_path, ["postfix_hard", "gmail_hard"])

    output = ingest_bounces(*paths)

    assert output.startswith("2 messages read: 2 events recorded (2 addresses now bounced")
    assert recorded_addresses() == ["family.support@example.org", "parent.forum@example.net"]


def test_a_directory_of_messages(tmp_path):
    write(tmp_path, [*BOUNCES, "out_of_office"])

    output = ingest_bounces(str(tmp_path))

    assert "6 messages read: 5 events recorded" in output
    assert "1 kept for a person to read" in output
    assert recorded_addresses() == sorted(ADDRESSES)


def test_a_maildir(tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for name in BOUNCES:
        box.add(message(name))

    ingest_bounces(str(tmp_path / "Maildir"))

    assert recorded_addresses() == sorted(ADDRESSES)


def test_an_mbox_file(tmp_path):
    box = mailbox.mbox(tmp_path / "bounces.mbox", create=True)
    for name in BOUNCES:
        box.add(message(name))
    box.close()

    output = ingest_bounces(str(tmp_path / "bounces.mbox"))

    assert output.startswith("5 messages read: 5 events recorded")
    assert recorded_addresses() == sorted(ADDRESSES)


def stdin(monkeypatch, raw: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))


def test_one_message_on_stdin(monkeypatch):
    stdin(monkeypatch, message("exchange_hard"))

    ingest_bounces("-")

    assert recorded_addresses() == ["former.head@school.test"]


def test_an_mbox_on_stdin(monkeypatch, tmp_path):
    box = mailbox.mbox(tmp_path / "in.mbox", create=True)
    box.add(message("postfix_hard"))
    box.add(message("postfix_delayed"))
    box.close()
    stdin(monkeypatch, (tmp_path / "in.mbox").read_bytes())

    ingest_bounces()  # no path: stdin

    assert recorded_addresses() == ["bookings@slow-mail.test", "family.support@example.org"]


def test_a_malformed_message_in_the_middle_does_not_stop_the_batch(tmp_path, monkeypatch):
    write(tmp_path, ["exim_hard", "postfix_hard"])
    (tmp_path / "garbage.eml").write_bytes(
        b"\x00\xff\xfeContent-Type: multipart/report; boundary=\n\n--\x00\x9c broken\x00"
    )
    # And a parser that falls over on one message (a bug in a detector, say).
    read_report = ingest.read_report

    def fragile(raw, **kwargs):
        if b"village-hall" in raw:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        return read_report(raw, **kwargs)

    monkeypatch.setattr(ingest, "read_report", fragile)

    output = ingest_bounces(str(tmp_path))

    assert output.startswith("3 messages read: 1 events recorded")
    assert "2 kept for a person to read" in output
    assert recorded_addresses() == ["family.support@example.org"]
    crashed = UnparsedBounce.objects.get(source__endswith="exim_hard.eml")
    assert crashed.reason.startswith("Could not be parsed: UnicodeDecodeError")
    garbage = UnparsedBounce.objects.get(source__endswith="garbage.eml")
    assert "\x00" not in garbage.message  # PostgreSQL text holds no NUL


def test_a_missing_path_is_a_clear_error_and_nothing_is_read(tmp_path):
    paths = write(tmp_path, ["postfix_hard"])

    with pytest.raises(CommandError, match=r"nowhere\.eml: no such file or directory"):
        ingest_bounces(*paths, str(tmp_path / "nowhere.eml"))
    assert not DeliveryEvent.objects.exists()
