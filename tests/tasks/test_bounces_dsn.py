"""Bounce messages in the shapes real servers send, and the signed VERP return path."""

import pytest

from cms.verp import recipient_from_verp, verp_address
from tasks.bounces.dsn import read_report
from tasks.bounces.ingest import InputMessage, ingest_messages
from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind, UnparsedBounce
from tasks.review_requests import send_review_requests
from tests.tasks.bounces import RETURN_PATH, delivered_to, message
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

HARD, SOFT = EventKind.HARD_BOUNCE, EventKind.SOFT_BOUNCE
Status = ContactAddress.Status


@pytest.fixture
def bounce_settings(maintenance_settings):
    maintenance_settings.BOUNCE_VERP = True
    maintenance_settings.BOUNCE_SOFT_THRESHOLD = 3
    return maintenance_settings


@pytest.fixture
def show(make_listing, bounce_settings):
    """show(*addresses): a published service listing them as its public contacts."""

    def make(*addresses: str, reviewed_days_ago: int = 10):
        return make_listing(
            "service",
            reviewed_days_ago=reviewed_days_ago,
            contacts=[{"name": "Team", "email": address} for address in addresses],
        )

    return make


def ingest(*raws: bytes):
    return ingest_messages(
        [InputMessage(raw, f"message {n}") for n, raw in enumerate(raws)], now=NOW
    )


@pytest.mark.parametrize(
    ("shape", "address", "kind", "status"),
    [
        ("postfix_hard", "family.support@example.org", HARD, "5.1.1"),
        ("exim_hard", "office@village-hall.test", HARD, "5.0.0"),
        ("exchange_hard", "former.head@school.test", HARD, "5.1.10"),
        ("gmail_hard", "parent.forum@example.net", HARD, "5.1.1"),
        ("postfix_delayed", "bookings@slow-mail.test", SOFT, "4.4.1"),
        # No delivery-status part: flufl.bounce's detectors read them.
        ("qmail_no_dsn", "old.senco@village-school.test", HARD, "5.1.1"),
        ("exim_plain", "clerk@parish-council.test", HARD, "5.1.1"),
    ],
)
def test_each_shape_names_the_failed_address_and_how_bad(shape, address, kind, status, show):
    show(address.upper())  # as an editor typed it: the record is normalised

    run = ingest(message(shape))

    assert (run.messages, run.recorded.events, run.unparsed) == (1, 1, 0)
    event = DeliveryEvent.objects.select_related("address").get()
    assert event.address.address == address
    assert (event.kind, event.smtp_status, event.source) == (kind, status, "dsn")
    assert event.diagnostic
    expected = Status.BOUNCED if kind == HARD else Status.SOFT_BOUNCING
    assert event.address.status == expected


def test_the_report_fields_are_kept_with_the_event(show):
    show("family.support@example.org")

    ingest(message("postfix_hard"))

    event = DeliveryEvent.objects.get()
    assert event.provider == "mail.example.org"  # the Reporting-MTA
    assert event.payload["subject"] == "Undelivered Mail Returned to Sender"
    assert event.payload["fields"]["action"] == "failed"
    assert "User unknown in virtual mailbox table" in event.diagnostic
    assert event.occurred_at.isoformat() == "2026-03-02T08:55:05+00:00"  # the report's Date


def test_a_message_that_is_not_a_bounce_is_kept_for_a_person(show):
    show("family.support@example.org")

    run = ingest(message("out_of_office"))

    assert (run.recorded.events, run.unparsed) == (0, 1)
    kept = UnparsedBounce.objects.get()
    assert kept.subject.startswith("Automatic reply: Is this still correct?")
    assert "out of the office" in kept.message
    assert "Not a bounce" in kept.reason
    assert not DeliveryEvent.objects.exists()
    assert ingest(message("out_of_office")).unparsed == 1  # read again: still kept once
    assert UnparsedBounce.objects.count() == 1


def test_the_same_bounce_read_twice_is_one_event(show):
    show("family.support@example.org")

    first, again = ingest(message("postfix_hard")), ingest(message("postfix_hard"))

    assert (first.recorded.events, again.recorded.events, again.recorded.duplicates) == (1, 0, 1)
    assert DeliveryEvent.objects.count() == 1


def test_addresses_we_do_not_show_are_not_counted(show):
    show("someone.else@example.org")

    run = ingest(message("postfix_hard"))

    assert (run.recorded.events, run.recorded.unknown) == (0, 1)
    assert not DeliveryEvent.objects.exists()
    assert not ContactAddress.objects.filter(address="family.support@example.org").exists()


def test_the_return_path_names_its_recipient_with_a_short_signature(bounce_settings):
    address = verp_address(RETURN_PATH, " Team@Example.org ")

    local, _, domain = address.partition("@")
    assert domain == "example.org"
    assert local.startswith("bounces+team=example.org.")
    assert len(local.rpartition(".")[2]) == 16
    assert recipient_from_verp(address, RETURN_PATH) == "team@example.org"
    # Some servers change the case of the address: the token still holds.
    assert recipient_from_verp(address.upper(), RETURN_PATH) == "team@example.org"
    assert recipient_from_verp(address.replace("team=", "tean="), RETURN_PATH) is None
    assert recipient_from_verp(address.replace("example.org", "example.net"), RETURN_PATH) is None


def test_verp_round_trip_names_the_address_we_wrote_to(show, smtp_server):
    # The contact's mailbox forwards to another that no longer exists: the report names
    # that one, the return path names ours.
    show("team@example.org", reviewed_days_ago=345)
    send_review_requests(now=NOW)
    envelope_sender = smtp_server.to("team@example.org")[0].mail_from
    assert envelope_sender.startswith("bounces+team=example.org.")
    bounce = delivered_to(message("postfix_hard"), envelope_sender).replace(
        b"family.support@example.org", b"team.forwarded@example.net"
    )
    assert read_report(bounce, bounce_address=RETURN_PATH).verp_recipient == "team@example.org"

    run = ingest(bounce)

    assert run.recorded.events == 1
    event = DeliveryEvent.objects.select_related("address").get()
    assert event.address.address == "team@example.org"
    assert event.payload["fields"]["reported_recipient"] == "team.forwarded@example.net"
    assert event.address.status == Status.BOUNCED


def test_a_tampered_verp_token_is_ignored_and_the_report_decides(show, smtp_server):
    show("team@example.org", "family.support@example.org", reviewed_days_ago=345)
    send_review_requests(now=NOW)
    envelope_sender = smtp_server.to("team@example.org")[0].mail_from
    signature = envelope_sender.partition("@")[0].rpartition(".")[2]
    forged = envelope_sender.replace(signature, signature[::-1])

    ingest(delivered_to(message("postfix_hard"), forged))

    event = DeliveryEvent.objects.select_related("address").get()
    assert event.address.address == "family.support@example.org"
    assert not ContactAddress.objects.filter(address="team@example.org", events__isnull=False)


def test_a_verp_bounce_that_reports_no_failure_is_kept_for_a_person(show):
    show("team@example.org")
    reply = delivered_to(message("out_of_office"), verp_address(RETURN_PATH, "team@example.org"))

    run = ingest(reply)

    assert (run.recorded.events, run.unparsed) == (0, 1)
    assert "team@example.org" in UnparsedBounce.objects.get().reason
