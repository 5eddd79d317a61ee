"""The email provider's tracking webhooks, through django-anymail.

Anymail's views check the request (WEBHOOK_SECRET basic auth, and the provider's own
signature where it has one), turn the provider's payload into normalised
`AnymailTrackingEvent`s, one per recipient, and send each with its `tracking` signal:
the documented integration point, received here. What a request that fails those checks
carried never reaches us.

Anymail normalises the event type (bounced, deferred, delivered, complained, rejected)
but not whether a bounce is permanent: that is in each provider's own fields, read by
`PROVIDER_SEVERITY`, falling back to the SMTP status in the provider's message.
"""

import hashlib
import json
from collections.abc import Callable

from anymail.signals import AnymailTrackingEvent, EventType, RejectReason, tracking
from django.dispatch import receiver
from django.utils import timezone

from cms.validators import normalise_email
from tasks.bounces.ingest import record_events
from tasks.bounces.models import DeliveryEvent, EventKind
from tasks.bounces.rules import Event, kind_of_status, smtp_status_in

HARD, SOFT = EventKind.HARD_BOUNCE, EventKind.SOFT_BOUNCE


def amazon_ses_severity(esp_event: dict) -> EventKind | None:
    # https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html#bounce-types
    bounce_type = esp_event.get("bounce", {}).get("bounceType")
    return {"Permanent": HARD, "Transient": SOFT}.get(bounce_type)  # not "Undetermined"


def postmark_severity(esp_event: dict) -> EventKind | None:
    # https://postmarkapp.com/developer/api/bounce-api#bounce-types
    return {
        "HardBounce": HARD,
        "BadEmailAddress": HARD,
        "SoftBounce": SOFT,
        "Transient": SOFT,
        "DnsError": SOFT,
    }.get(esp_event.get("Type"))


def sendgrid_severity(esp_event: dict) -> EventKind | None:
    # https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event#bounce
    return {"bounce": HARD, "blocked": SOFT}.get(esp_event.get("type"))


def mailgun_severity(esp_event: dict) -> EventKind | None:
    # https://documentation.mailgun.com/docs/mailgun/user-manual/events/#failed
    severity = esp_event.get("event-data", {}).get("severity")
    return {"permanent": HARD, "temporary": SOFT}.get(severity)


PROVIDER_SEVERITY: dict[str, Callable[[dict], EventKind | None]] = {
    "Amazon SES": amazon_ses_severity,
    "Postmark": postmark_severity,
    "SendGrid": sendgrid_severity,
    "Mailgun": mailgun_severity,
}


def event_kind(event: AnymailTrackingEvent, esp_name: str) -> EventKind | None:
    """What a tracking event says about the address, or None if nothing (opens, clicks,
    queued, or a refusal that is the provider's policy, not the mailbox)."""
    if event.event_type == EventType.DELIVERED:
        return EventKind.DELIVERED
    if event.event_type == EventType.COMPLAINED:
        return EventKind.COMPLAINT
    if event.event_type == EventType.DEFERRED:
        return SOFT
    if event.event_type == EventType.BOUNCED:
        esp_event = event.esp_event if isinstance(event.esp_event, dict) else {}
        severity = PROVIDER_SEVERITY.get(esp_name, lambda _: None)(esp_event)
        status = smtp_status_in(event.mta_response) or smtp_status_in(event.description)
        return severity or kind_of_status(status) or HARD
    if event.event_type == EventType.REJECTED:
        # The provider refused to send: only its knowing the address is bad counts.
        return {
            RejectReason.INVALID: HARD,
            RejectReason.BOUNCED: HARD,
            RejectReason.TIMED_OUT: SOFT,
        }.get(event.reject_reason)
    return None


def payload_of(event: AnymailTrackingEvent) -> dict:
    esp_event = event.esp_event
    if hasattr(esp_event, "lists"):  # a QueryDict (Mailgun's legacy form posts)
        return {key: values if len(values) > 1 else values[0] for key, values in esp_event.lists()}
    return esp_event if isinstance(esp_event, dict) else {"event": str(esp_event)}


def event_from_provider(event: AnymailTrackingEvent, esp_name: str) -> Event | None:
    kind = event_kind(event, esp_name)
    if kind is None or not event.recipient:
        return None
    payload = payload_of(event)
    recipient = normalise_email(event.recipient)
    # Providers give each event an id; where one does not (Postmark deliveries), the
    # payload itself names the event: a replay of it is the same event.
    event_id = (
        event.event_id
        or hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
    )
    now = timezone.now()
    diagnostic = event.mta_response or event.description or ""
    return Event(
        address=recipient,
        kind=kind,
        source=DeliveryEvent.Source.WEBHOOK,
        key=("webhook", esp_name, str(event_id), recipient),
        occurred_at=min(event.timestamp, now) if event.timestamp else now,
        provider=esp_name,
        smtp_status=smtp_status_in(diagnostic),
        diagnostic=diagnostic,
        payload=payload,
    )


@receiver(tracking, dispatch_uid="tasks.bounces.providers.record_tracking_event")
def record_tracking_event(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs) -> None:
    if heard := event_from_provider(event, esp_name):
        record_events([heard])
