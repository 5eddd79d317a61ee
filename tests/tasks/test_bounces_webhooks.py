"""The providers' tracking webhooks, posted to the real anymail URLs in each provider's
documented shape: Amazon SES (through SNS), Mailgun, Postmark and SendGrid."""

import base64
import hashlib
import hmac
import json
import socket

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import Client

from alerts.models import MaintainerAlert
from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind

pytestmark = [
    pytest.mark.django_db,
    # Anymail warns on every SendGrid request that it no longer supports SendGrid.
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailNotSupportedWarning"),
]

SECRET = "anymail-test:webhook-secret"  # cms/settings/test.py
MAILGUN_KEY = "test-mailgun-signing-key"
HARD, SOFT = EventKind.HARD_BOUNCE, EventKind.SOFT_BOUNCE
Status = ContactAddress.Status


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Nothing here may reach another machine (SNS certificates, subscription URLs)."""
    connect = socket.socket.connect

    def loopback_only(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise AssertionError(f"network call to {address}")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)


@pytest.fixture
def contacts(make_listing):
    addresses = ["team@example.org", "bookings@example.org", "office@village-hall.test"]
    make_listing(
        "service",
        reviewed_days_ago=10,
        title="Sensory play in Clacton",
        contacts=[{"name": "Contact", "email": address} for address in addresses],
    )
    return addresses


def post(path: str, body, *, auth: str | None = SECRET, **headers):
    if auth:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    data = body if isinstance(body, bytes) else json.dumps(body)
    return Client().post(path, data=data, content_type="application/json", **headers)


def events() -> list[tuple[str, str]]:
    return sorted(DeliveryEvent.objects.values_list("address__address", "kind"))


def status(address: str) -> str:
    return ContactAddress.objects.get(address=address).status


# Amazon SES, through an SNS HTTPS subscription.
# https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
# https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html


def sns(message: dict | str, *, message_id: str = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324"):
    body = {
        "Type": "Notification",
        "MessageId": message_id,
        "TopicArn": "arn:aws:sns:eu-west-2:123456789012:local-offer-ses-events",
        "Message": message if isinstance(message, str) else json.dumps(message),
        "Timestamp": "2026-03-02T08:59:00.000Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7f",
        "SigningCertURL": "https://sns.eu-west-2.amazonaws.test/SimpleNotificationService-0000.pem",
        "UnsubscribeURL": "https://sns.eu-west-2.amazonaws.test/?Action=Unsubscribe",
    }
    headers = {
        "HTTP_X_AMZ_SNS_MESSAGE_TYPE": body["Type"],
        "HTTP_X_AMZ_SNS_MESSAGE_ID": body["MessageId"],
        "HTTP_X_AMZ_SNS_TOPIC_ARN": body["TopicArn"],
    }
    return body, headers


def ses_bounce(bounce_type: str, recipients: list[tuple[str, str, str]]) -> dict:
    return {
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": bounce_type,
            "bounceSubType": "General" if bounce_type == "Permanent" else "MailboxFull",
            "bouncedRecipients": [
                {
                    "emailAddress": address,
                    "action": "failed",
                    "status": status,
                    "diagnosticCode": diagnostic,
                }
                for address, status, diagnostic in recipients
            ],
            "timestamp": "2026-03-02T08:58:59.000Z",
            "feedbackId": "0102018e0c1b2f3a-5c7b9f1e-2d4a-4b6c-8e0f-1a2b3c4d5e6f-000000",
            "remoteMtaIp": "192.0.2.10",
            "reportingMTA": "dsn; a8-12.smtp-out.amazonses.test",
        },
        "mail": {
            "timestamp": "2026-03-02T08:58:58.000Z",
            "source": "bounces@example.org",
            "sendingAccountId": "123456789012",
            "messageId": "0102018e0c1b2e11-aa6d4c3e-1b2c-4d5e-9f00-112233445566-000000",
            "destination": [address for address, _, _ in recipients],
        },
    }


def test_amazon_ses_one_event_per_bounced_recipient(contacts):
    body, headers = sns(
        ses_bounce(
            "Permanent",
            [
                ("team@example.org", "5.1.1", "smtp; 550 5.1.1 user unknown"),
                ("Bookings@Example.org", "5.1.1", "smtp; 550 5.1.1 user unknown"),
            ],
        )
    )

    response = post("/anymail/amazon_ses/tracking/", body, **headers)

    assert response.status_code == 200
    assert events() == [("bookings@example.org", HARD), ("team@example.org", HARD)]
    event = DeliveryEvent.objects.filter(address__address="team@example.org").get()
    assert (event.source, event.provider, event.smtp_status) == ("webhook", "Amazon SES", "5.1.1")
    assert event.payload["bounce"]["bounceType"] == "Permanent"
    assert status("team@example.org") == Status.BOUNCED
    assert MaintainerAlert.objects.filter(kind="bouncing-contact").count() == 2

    assert post("/anymail/amazon_ses/tracking/", body, **headers).status_code == 200  # replay
    assert DeliveryEvent.objects.count() == 2


def test_amazon_ses_transient_bounce_is_temporary(contacts):
    body, headers = sns(
        ses_bounce("Transient", [("team@example.org", "4.2.2", "smtp; 452 4.2.2 Mailbox full")])
    )

    assert post("/anymail/amazon_ses/tracking/", body, **headers).status_code == 200
    assert events() == [("team@example.org", SOFT)]
    assert status("team@example.org") == Status.SOFT_BOUNCING


def test_amazon_ses_complaint_and_delivery(contacts):
    complaint, headers = sns(
        {
            "notificationType": "Complaint",
            "complaint": {
                "complainedRecipients": [{"emailAddress": "team@example.org"}],
                "complaintFeedbackType": "abuse",
                "timestamp": "2026-03-02T09:10:00.000Z",
                "feedbackId": "0102018e0c1b2f3a-complaint-000000",
            },
            "mail": {"messageId": "0102018e-1", "destination": ["team@example.org"]},
        },
        message_id="5f0c1a2b-0000-4000-8000-000000000001",
    )
    delivery, delivery_headers = sns(
        {
            "notificationType": "Delivery",
            "delivery": {
                "timestamp": "2026-03-02T09:00:00.000Z",
                "recipients": ["bookings@example.org"],
                "smtpResponse": "250 2.0.0 OK",
            },
            "mail": {"messageId": "0102018e-2", "destination": ["bookings@example.org"]},
        },
        message_id="5f0c1a2b-0000-4000-8000-000000000002",
    )

    post("/anymail/amazon_ses/tracking/", complaint, **headers)
    post("/anymail/amazon_ses/tracking/", delivery, **delivery_headers)

    assert status("team@example.org") == Status.COMPLAINED
    assert status("bookings@example.org") == Status.OK


def test_amazon_ses_needs_the_shared_secret(contacts):
    body, headers = sns(ses_bounce("Permanent", [("team@example.org", "5.1.1", "550")]))

    missing = post("/anymail/amazon_ses/tracking/", body, auth=None, **headers)
    wrong = post("/anymail/amazon_ses/tracking/", body, auth="anymail-test:guess", **headers)

    assert missing.status_code == 401  # SNS sends credentials only when challenged
    assert missing["WWW-Authenticate"].startswith("Basic")
    assert wrong.status_code == 400
    assert not DeliveryEvent.objects.exists()


def test_an_sns_subscription_is_not_confirmed_over_the_network(contacts):
    body, headers = sns("")
    body |= {
        "Type": "SubscriptionConfirmation",
        "Token": "2336412f37fb687f5d51e6e2425f004aed5e3a1bb7a5b9f4d5f7d1c3b2a1",
        "SubscribeURL": "https://sns.eu-west-2.amazonaws.test/?Action=ConfirmSubscription",
    }
    headers["HTTP_X_AMZ_SNS_MESSAGE_TYPE"] = "SubscriptionConfirmation"

    response = post("/anymail/amazon_ses/tracking/", body, **headers)

    assert response.status_code == 200  # logged for the operator; see docs/bounces.md
    assert not DeliveryEvent.objects.exists()


# Mailgun: https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/


def mailgun(event: str, recipient: str, *, severity="", code=0, message="", token="a" * 50):
    timestamp = "1772441940"
    signature = hmac.new(
        MAILGUN_KEY.encode(), f"{timestamp}{token}".encode(), hashlib.sha256
    ).hexdigest()
    event_data = {
        "id": "CPgfbmQMTCKtHW6uIWtuVe",
        "timestamp": 1772441940.123456,
        "log-level": "error" if event == "failed" else "info",
        "event": event,
        "envelope": {"transport": "smtp", "sender": "bounces@example.org", "targets": recipient},
        "message": {
            "headers": {
                "to": recipient,
                "message-id": "177244193001.4242.1@cms.example.org",
                "from": "Essex Local Offer <local-offer@example.org>",
                "subject": "Is this still correct? Sensory play in Clacton",
            },
            "attachments": [],
            "size": 4810,
        },
        "recipient": recipient,
        "recipient-domain": recipient.partition("@")[2],
        "tags": [],
        "user-variables": {},
        "delivery-status": {
            "attempt-no": 1,
            "code": code,
            "message": message,
            "description": "",
            "session-seconds": 0.21,
        },
    }
    if severity:
        event_data |= {"severity": severity, "reason": "bounce" if code >= 500 else "generic"}
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": event_data,
    }


def test_mailgun_permanent_and_temporary_failures(contacts):
    hard = mailgun(
        "failed",
        "team@example.org",
        severity="permanent",
        code=550,
        message="550 5.1.1 The email account that you tried to reach does not exist.",
    )
    soft = mailgun(
        "failed",
        "bookings@example.org",
        severity="temporary",
        code=452,
        message="452 4.2.2 The email account that you tried to reach is over quota.",
        token="b" * 50,
    )

    assert post("/anymail/mailgun/tracking/", hard).status_code == 200
    assert post("/anymail/mailgun/tracking/", soft).status_code == 200
    assert post("/anymail/mailgun/tracking/", hard).status_code == 200  # replay

    assert events() == [("bookings@example.org", SOFT), ("team@example.org", HARD)]
    assert status("team@example.org") == Status.BOUNCED
    assert status("bookings@example.org") == Status.SOFT_BOUNCING


def test_mailgun_needs_its_signature_and_the_shared_secret(contacts):
    forged = mailgun("failed", "team@example.org", severity="permanent", code=550)
    forged["signature"]["signature"] = "0" * 64

    assert post("/anymail/mailgun/tracking/", forged).status_code == 400
    good = mailgun("failed", "team@example.org", severity="permanent", code=550)
    assert post("/anymail/mailgun/tracking/", good, auth=None).status_code == 400
    assert not DeliveryEvent.objects.exists()


# Postmark: https://postmarkapp.com/developer/webhooks/bounce-webhook


def postmark_bounce(bounce_id: int, address: str, bounce_type: str, details: str) -> dict:
    return {
        "RecordType": "Bounce",
        "MessageStream": "outbound",
        "ID": bounce_id,
        "Type": bounce_type,
        "TypeCode": {"HardBounce": 1, "SoftBounce": 4096}[bounce_type],
        "Name": {"HardBounce": "Hard bounce", "SoftBounce": "Soft bounce"}[bounce_type],
        "Tag": "review-request",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message.",
        "Details": details,
        "Email": address,
        "From": "local-offer@example.org",
        "BouncedAt": "2026-03-02T08:58:00Z",
        "DumpAvailable": True,
        "Inactive": bounce_type == "HardBounce",
        "CanActivate": True,
        "Subject": "Is this still correct? Sensory play in Clacton",
        "Content": None,
    }


def test_postmark_hard_and_soft_bounces_and_a_delivery(contacts):
    hard = postmark_bounce(
        4323372036854775807, "team@example.org", "HardBounce", "smtp;550 5.1.1 No such user"
    )
    soft = postmark_bounce(
        4323372036854775808, "bookings@example.org", "SoftBounce", "smtp;452 4.2.2 Mailbox full"
    )
    delivery = {
        "RecordType": "Delivery",
        "ServerID": 23,
        "MessageStream": "outbound",
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Recipient": "office@village-hall.test",
        "Tag": "review-request",
        "DeliveredAt": "2026-03-02T09:00:00Z",
        "Details": "smtp;250 2.0.0 OK",
        "Metadata": {},
    }

    for payload in (hard, soft, delivery, hard, delivery):  # the last two: replays
        assert post("/anymail/postmark/tracking/", payload).status_code == 200

    assert events() == [
        ("bookings@example.org", SOFT),
        ("office@village-hall.test", EventKind.DELIVERED),
        ("team@example.org", HARD),
    ]
    assert status("office@village-hall.test") == Status.OK


def test_postmark_needs_the_shared_secret(contacts):
    hard = postmark_bounce(1, "team@example.org", "HardBounce", "smtp;550 5.1.1 No such user")

    assert post("/anymail/postmark/tracking/", hard, auth=None).status_code == 400
    assert post("/anymail/postmark/tracking/", hard, auth="postmark:guess").status_code == 400
    assert not DeliveryEvent.objects.exists()


# SendGrid: https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event


@pytest.fixture
def sendgrid_key(settings):
    """SendGrid's signed event webhook: the provider signs, we hold the public key."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    public_key = private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    settings.ANYMAIL = {
        **settings.ANYMAIL,
        "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY": base64.b64encode(public_key).decode(),
    }
    return private_key


def signed(private_key, body: bytes, timestamp: str = "1772441940") -> dict:
    signature = private_key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    return {
        "HTTP_X_TWILIO_EMAIL_EVENT_WEBHOOK_SIGNATURE": base64.b64encode(signature).decode(),
        "HTTP_X_TWILIO_EMAIL_EVENT_WEBHOOK_TIMESTAMP": timestamp,
    }


SENDGRID_BATCH = [
    {
        "email": "team@example.org",
        "timestamp": 1772441940,
        "smtp-id": "<177244193001.4242.1@cms.example.org>",
        "event": "bounce",
        "category": ["review-request"],
        "sg_event_id": "ZGVsaXZlcmVkLTAtMjQ5NjEwNjMtMGEtMjAyNi0wMy0wMg",
        "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
        "reason": "550 5.1.1 The email account that you tried to reach does not exist.",
        "status": "5.1.1",
        "type": "bounce",
        "bounce_classification": "Invalid Address",
    },
    {
        "email": "bookings@example.org",
        "timestamp": 1772441941,
        "smtp-id": "<177244193001.4242.2@cms.example.org>",
        "event": "deferred",
        "category": ["review-request"],
        "sg_event_id": "ZGVmZXJyZWQtMS0yNDk2MTA2My0wYS0yMDI2LTAzLTAy",
        "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.1",
        "response": "452 4.2.2 Mailbox full",
        "attempt": "3",
    },
    {
        "email": "office@village-hall.test",
        "timestamp": 1772441942,
        "smtp-id": "<177244193001.4242.3@cms.example.org>",
        "event": "delivered",
        "category": ["review-request"],
        "sg_event_id": "ZGVsaXZlcmVkLTItMjQ5NjEwNjMtMGEtMjAyNi0wMy0wMg",
        "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.2",
        "response": "250 OK",
    },
    {
        "email": "office@village-hall.test",
        "timestamp": 1772441999,
        "event": "open",
        "sg_event_id": "b3Blbi0zLTI0OTYxMDYzLTBhLTIwMjYtMDMtMDI",
        "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.2",
        "useragent": "Mozilla/5.0",
        "ip": "192.0.2.99",
    },
]


def test_sendgrid_batch_gives_one_event_per_recipient(contacts, sendgrid_key):
    body = json.dumps(SENDGRID_BATCH).encode()

    response = post("/anymail/sendgrid/tracking/", body, **signed(sendgrid_key, body))

    assert response.status_code == 200
    assert events() == [
        ("bookings@example.org", SOFT),
        ("office@village-hall.test", EventKind.DELIVERED),  # the open says nothing more
        ("team@example.org", HARD),
    ]
    post("/anymail/sendgrid/tracking/", body, **signed(sendgrid_key, body))  # replay
    assert DeliveryEvent.objects.count() == 3


def test_sendgrid_blocked_is_temporary(contacts, sendgrid_key):
    blocked = [
        SENDGRID_BATCH[0]
        | {"type": "blocked", "status": "4.7.1", "reason": "451 4.7.1 Try again later"}
    ]
    body = json.dumps(blocked).encode()

    post("/anymail/sendgrid/tracking/", body, **signed(sendgrid_key, body))

    assert events() == [("team@example.org", SOFT)]


def test_sendgrid_needs_its_signature_and_the_shared_secret(contacts, sendgrid_key):
    body = json.dumps(SENDGRID_BATCH).encode()
    other_key = ec.generate_private_key(ec.SECP256R1())

    forged = post("/anymail/sendgrid/tracking/", body, **signed(other_key, body))
    unsigned = post("/anymail/sendgrid/tracking/", body)
    no_secret = post("/anymail/sendgrid/tracking/", body, auth=None, **signed(sendgrid_key, body))

    assert (forged.status_code, unsigned.status_code, no_secret.status_code) == (400, 400, 400)
    assert not DeliveryEvent.objects.exists()


def test_only_the_chosen_providers_have_an_endpoint(contacts):
    assert post("/anymail/mailjet/tracking/", []).status_code == 404
    assert post("/anymail/postmark/inbound/", {}).status_code == 404


def test_events_about_addresses_we_do_not_show_are_not_stored(contacts):
    hard = postmark_bounce(7, "stranger@example.net", "HardBounce", "smtp;550 5.1.1 No such user")

    assert post("/anymail/postmark/tracking/", hard).status_code == 200
    assert not DeliveryEvent.objects.exists()
    assert not ContactAddress.objects.filter(address="stranger@example.net").exists()


def test_a_soft_bounce_a_day_bounces_the_address_after_three_days(contacts, settings):
    settings.BOUNCE_SOFT_THRESHOLD = 3
    for day in range(3):
        soft = postmark_bounce(100 + day, "team@example.org", "SoftBounce", "smtp;452 4.2.2 Full")
        soft["BouncedAt"] = f"2026-02-2{day + 6}T08:00:00Z"
        post("/anymail/postmark/tracking/", soft)

    address = ContactAddress.objects.get(address="team@example.org")
    assert (address.status, address.score) == (Status.BOUNCED, 3)
    assert address.status_since.isoformat() == "2026-02-28T08:00:00+00:00"
