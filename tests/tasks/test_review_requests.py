"""Review request emails, through a real SMTP conversation with aiosmtpd."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client

from cms.verp import recipient_from_verp
from tasks.listings import mark_listing_reviewed
from tasks.models import ReviewRequest
from tasks.review_requests import review_request_recipients, send_review_requests
from tests.conftest import free_port
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


@pytest.fixture
def service(make_listing):
    # Due in 20 days: inside the 30-day notice period.
    return make_listing(
        "service",
        reviewed_days_ago=345,
        title="Sensory play in Clacton",
        contacts=[
            {"name": "Family support team", "email": "team@example.org"},
            {"name": "Bookings", "email": "bookings@example.org"},
        ],
    )


def links_in(text: str) -> dict[str, str]:
    urls = re.findall(r"https://cms\.example\.org/review/\S+/", text)
    return {"confirm": urls[0], "changes": urls[1]}


def test_each_contact_gets_one_email_with_two_links_per_cycle(service, smtp_server):
    run = send_review_requests(now=NOW)

    assert (run.queued, run.sent) == (2, 2)
    assert sorted(address for m in smtp_server.messages for address in m.rcpt_tos) == [
        "bookings@example.org",
        "team@example.org",
    ]
    received = smtp_server.to("team@example.org")[0]
    # The envelope sender: a signed VERP address that names the recipient.
    assert recipient_from_verp(received.mail_from, "bounces@example.org") == "team@example.org"
    assert received.message["From"] == "Essex Local Offer <local-offer@example.org>"
    assert received.message["Auto-Submitted"] == "auto-generated"
    assert received.message["Subject"] == "Is this still correct? Sensory play in Clacton"
    assert "Hello Family support team" in received.text
    assert "is due for a check on 22 March 2026" in received.text
    text_links = links_in(received.text)
    html_links = links_in(received.html.replace("&amp;", "&"))
    assert text_links == html_links
    assert text_links["confirm"] != text_links["changes"]

    again = send_review_requests(now=NOW + DAY)

    assert (again.queued, again.sent) == (0, 0)
    assert len(smtp_server.messages) == 2


def test_the_link_in_the_email_confirms_the_listing(service, smtp_server):
    send_review_requests(now=NOW)
    confirm = links_in(smtp_server.to("team@example.org")[0].text)["confirm"]

    response = Client().post(urlsplit(confirm).path)

    assert response.status_code == 200
    service.refresh_from_db()
    assert service.last_reviewed_by_name == "Family support team (team@example.org)"


def test_nobody_is_asked_before_the_notice_period(make_listing, smtp_server):
    make_listing(
        "service", reviewed_days_ago=300, contacts=[{"email": "early@example.org"}]
    )  # due in 65 days

    assert send_review_requests(now=NOW).sent == 0
    assert send_review_requests(now=NOW + 35 * DAY).sent == 1
    assert smtp_server.to("early@example.org")


def test_the_next_cycle_asks_again(service, smtp_server):
    send_review_requests(now=NOW)
    mark_listing_reviewed(service, name="SEND Information Team", at=NOW + DAY)

    assert send_review_requests(now=NOW + 2 * DAY).sent == 0
    assert send_review_requests(now=NOW + 340 * DAY).sent == 2
    assert len(smtp_server.messages) == 4


def test_a_request_queued_but_overtaken_by_a_review_is_not_sent(service, smtp_server, settings):
    settings.EMAIL_PORT = free_port()  # nothing listens there: sending fails
    with pytest.raises(ConnectionRefusedError):
        send_review_requests(now=NOW)
    assert ReviewRequest.objects.filter(sent_at=None).count() == 2

    mark_listing_reviewed(service, name="SEND Information Team", at=NOW + DAY)
    settings.EMAIL_PORT = smtp_server.port
    run = send_review_requests(now=NOW + DAY)

    assert run.sent == 0
    assert smtp_server.messages == []
    assert not ReviewRequest.objects.exists()


def test_a_failed_send_is_retried_by_the_next_run_and_sent_once(service, smtp_server, settings):
    settings.EMAIL_PORT = free_port()
    with pytest.raises(ConnectionRefusedError):
        send_review_requests(now=NOW)

    settings.EMAIL_PORT = smtp_server.port
    assert send_review_requests(now=NOW).sent == 2
    assert send_review_requests(now=NOW).sent == 0
    assert len(smtp_server.messages) == 2


def test_a_refused_address_is_recorded_and_not_tried_again(service, smtp_server):
    smtp_server.refuse.add("bookings@example.org")

    run = send_review_requests(now=NOW)

    assert run.sent == 1
    refused = ReviewRequest.objects.get(email="bookings@example.org")
    assert refused.failed_at == NOW
    assert "550" in refused.failure
    assert send_review_requests(now=NOW + DAY).sent == 0


def test_public_contacts_are_asked_once_each_and_internal_ones_never(make_listing):
    service = make_listing(
        "service",
        reviewed_days_ago=345,
        contacts=[
            {"name": "Bookings", "email": "Bookings@Example.org"},
            {"name": "Same inbox", "email": "bookings@example.org"},
            {"name": "Listing review contact", "email": "internal@example.org", "is_public": False},
        ],
    )

    assert [r.email for r in review_request_recipients(service)] == ["Bookings@Example.org"]


def test_partner_pages_and_clusters_ask_their_own_contacts(make_listing, smtp_server):
    from directory.factories import OrganisationFactory

    make_listing(
        "partner", reviewed_days_ago=345, organisation=OrganisationFactory(email="hi@maze.test")
    )
    make_listing(
        "cluster",
        reviewed_days_ago=100,
        manager={"name": "Quadrant manager", "email": "manager@example.org"},
    )
    make_listing("guide", reviewed_days_ago=345)

    assert send_review_requests(now=NOW).sent == 2
    assert smtp_server.to("hi@maze.test")
    assert smtp_server.to("manager@example.org")
