"""The SMTP conversation as an intake: aiosmtpd refuses a recipient while a review
request is sent."""

from datetime import timedelta

import pytest

from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind
from tasks.models import ReviewRequest
from tasks.review_requests import review_request_recipients, send_review_requests
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
Status = ContactAddress.Status


@pytest.fixture
def service(make_listing, maintenance_settings):
    maintenance_settings.BOUNCE_SOFT_THRESHOLD = 3
    return make_listing(
        "service",
        reviewed_days_ago=345,  # due in 20 days: its contacts are asked now
        title="Sensory play in Clacton",
        contacts=[
            {"name": "Family support team", "email": "team@example.org"},
            {"name": "Bookings", "email": "Bookings@example.org"},
        ],
    )


def refuse(smtp_server, address: str, reply: str):
    """Make the server answer RCPT TO for `address` with `reply`."""
    accept = type(smtp_server).handle_RCPT

    async def handle_RCPT(server, session, envelope, rcpt, rcpt_options):
        if rcpt.lower() == address:
            return reply
        return await accept(smtp_server, server, session, envelope, rcpt, rcpt_options)

    smtp_server.handle_RCPT = handle_RCPT


def test_a_550_while_sending_bounces_the_address_at_once(service, smtp_server):
    smtp_server.refuse.add("bookings@example.org")

    assert send_review_requests(now=NOW).sent == 1

    address = ContactAddress.objects.get(address="bookings@example.org")
    assert address.status == Status.BOUNCED
    event = address.events.get()
    assert (event.source, event.kind, event.smtp_status) == ("smtp", "hard-bounce", "5.1.1")
    assert "User unknown" in event.diagnostic
    assert ReviewRequest.objects.get(email="Bookings@example.org").failed_at == NOW
    assert [r.email for r in review_request_recipients(service)] == ["team@example.org"]


def test_a_450_is_temporary_retried_and_bounced_after_three_days(service, smtp_server):
    refuse(smtp_server, "bookings@example.org", "450 4.2.1 Mailbox busy, try again later")

    assert send_review_requests(now=NOW).sent == 1
    address = ContactAddress.objects.get(address="bookings@example.org")
    assert (address.status, address.score) == (Status.SOFT_BOUNCING, 1)
    assert DeliveryEvent.objects.get().kind == EventKind.SOFT_BOUNCE
    request = ReviewRequest.objects.get(email="Bookings@example.org")
    assert (request.sent_at, request.failed_at) == (None, None)  # still queued

    send_review_requests(now=NOW + DAY)
    send_review_requests(now=NOW + 2 * DAY)

    address.refresh_from_db()
    assert (address.status, address.score) == (Status.BOUNCED, 3)
    attempts = len([m for m in smtp_server.messages if "bookings" in str(m.message["To"])])
    assert attempts == 0  # the server never took it
    assert send_review_requests(now=NOW + 3 * DAY).sent == 0
    request.refresh_from_db()
    assert request.failure == "The address is known to bounce."
    assert DeliveryEvent.objects.count() == 3  # no fourth try


def test_a_bounced_address_is_not_asked_to_review(service, smtp_server):
    ContactAddress.objects.create(address="bookings@example.org", status=Status.BOUNCED)

    run = send_review_requests(now=NOW)

    assert (run.queued, run.sent) == (1, 1)
    assert [m.rcpt_tos for m in smtp_server.messages] == [["team@example.org"]]
