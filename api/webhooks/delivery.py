"""Sending one delivery: claim it, sign it, POST it, log the attempt, decide what next.

Plain functions; the Celery tasks in tasks/webhooks.py call them and queue whatever
they say should run next. A delivery is claimed before it is sent, so two workers
never send it at once, and a claim that outlives its worker (killed mid-request)
expires, so the delivery is sent again, with the same webhook-id.
"""

import json
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from standardwebhooks import Webhook

from api.webhooks.models import (
    BATCH_EVENT,
    TEST_EVENT,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from api.webhooks.targets import UnsafeTarget, check_url, pinned_session

State = WebhookDelivery.State
EXCERPT_BYTES = 1024
USER_AGENT = "LocalOfferWebhooks/1"


@dataclass
class Outcome:
    """What a delivery run did, and what should run next."""

    status: str  # delivered, retrying, failed, waiting, skipped, busy
    retry_in: float | None = None  # seconds, for retrying and busy
    then_deliver: list[int] = field(default_factory=list)


def claim(delivery_id: int, now: datetime) -> WebhookDelivery | None:
    """Take the delivery for one attempt, if it is due and no live claim holds it."""
    claimable = Q(state=State.PENDING, next_attempt_at__lte=now) | Q(
        state=State.SENDING, claimed_until__lt=now
    )
    hold = timedelta(
        seconds=settings.WEBHOOK_TIMEOUT_SECONDS + settings.WEBHOOK_CLAIM_MARGIN_SECONDS
    )
    claimed = WebhookDelivery.objects.filter(
        claimable, pk=delivery_id, endpoint__is_active=True
    ).update(state=State.SENDING, claimed_until=now + hold)
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("endpoint__partner").get(pk=delivery_id)


def earlier_pending(delivery: WebhookDelivery) -> bool:
    """An earlier delivery it must wait for, so that each item's events arrive in the
    order its changes happened: a batch waits for everything before it (it may hold
    any item), an event about one item for earlier ones about it, and for batches."""
    earlier = WebhookDelivery.objects.filter(
        endpoint_id=delivery.endpoint_id,
        id__lt=delivery.pk,
        state__in=[State.PENDING, State.SENDING],
    )
    if delivery.event == BATCH_EVENT:
        return earlier.exclude(event=TEST_EVENT).exists()
    if delivery.object_id is None:
        return False
    return earlier.filter(Q(object_id=delivery.object_id) | Q(event=BATCH_EVENT)).exists()


def deliver(delivery_id: int, now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    delivery = claim(delivery_id, now)
    if delivery is None:
        current = WebhookDelivery.objects.filter(pk=delivery_id).first()
        if current is not None and current.state == State.SENDING and current.claimed_until:
            # Another worker holds it; look again once that claim has run out.
            return Outcome("busy", retry_in=(current.claimed_until - now).total_seconds() + 1)
        return Outcome("skipped")
    if earlier_pending(delivery):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(state=State.PENDING)
        return Outcome("waiting")  # the earlier one queues this when it finishes

    attempt = send(delivery)
    return record(delivery, attempt)


def send(delivery: WebhookDelivery) -> WebhookAttempt:
    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, separators=(",", ":"))
    attempt = WebhookAttempt(delivery=delivery, started_at=timezone.now())
    started = time.monotonic()
    try:
        check_url(endpoint.url)
        with (
            pinned_session() as session,
            session.post(
                endpoint.url,
                data=body.encode(),
                headers=signed_headers(endpoint, delivery.message_id, body),
                timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
                allow_redirects=False,
                stream=True,
            ) as response,
        ):
            attempt.status_code = response.status_code
            excerpt = response.raw.read(EXCERPT_BYTES, decode_content=True) or b""
            attempt.response_excerpt = excerpt.decode("utf-8", "replace")
        attempt.succeeded = 200 <= response.status_code < 300
        if 300 <= response.status_code < 400:
            attempt.error = "Redirects are not followed: give the final URL."
    except UnsafeTarget as error:
        attempt.error = f"Refused: {error}"
    except requests.Timeout:
        attempt.error = f"No answer within {settings.WEBHOOK_TIMEOUT_SECONDS} s."
    except requests.RequestException as error:
        attempt.error = f"{type(error).__name__}: {error}"[:255]
    attempt.latency_ms = round((time.monotonic() - started) * 1000)
    return attempt


def signed_headers(endpoint: WebhookEndpoint, message_id: str, body: str) -> dict:
    """Standard Webhooks headers; during a secret rotation, signed with both secrets."""
    sent_at = datetime.now(tz=UTC)
    signatures = [
        Webhook(secret).sign(message_id, sent_at, body) for secret in endpoint.signing_secrets()
    ]
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": message_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }


def retryable(attempt: WebhookAttempt) -> bool:
    if attempt.status_code is None:
        return not attempt.error.startswith("Refused")  # network errors and timeouts
    return attempt.status_code == 429 or attempt.status_code >= 500


def backoff(attempt_count: int) -> float:
    """Seconds before the next attempt: doubling from the base, capped, with jitter so
    that the deliveries of an endpoint that was down do not all return at once."""
    delay = min(
        settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempt_count - 1),
        settings.WEBHOOK_RETRY_MAX_DELAY_SECONDS,
    )
    return delay * random.uniform(0.75, 1.25)


@transaction.atomic
def record(delivery: WebhookDelivery, attempt: WebhookAttempt) -> Outcome:
    attempt.save()
    now = timezone.now()
    delivery.attempt_count += 1
    delivery.claimed_until = None
    endpoint = delivery.endpoint
    if attempt.succeeded:
        delivery.state, delivery.finished_at = State.DELIVERED, now
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
        outcome = Outcome("delivered")
    else:
        delay = backoff(delivery.attempt_count)
        window_ends = delivery.created_at + timedelta(seconds=settings.WEBHOOK_RETRY_WINDOW_SECONDS)
        if retryable(attempt) and now + timedelta(seconds=delay) <= window_ends:
            delivery.state, delivery.next_attempt_at = State.PENDING, now + timedelta(seconds=delay)
            outcome = Outcome("retrying", retry_in=delay)
        else:
            delivery.state, delivery.finished_at = State.FAILED, now
            outcome = Outcome("failed")
        count_failure(endpoint, attempt, now)
    delivery.save(
        update_fields=["state", "attempt_count", "claimed_until", "next_attempt_at", "finished_at"]
    )
    if delivery.state != State.PENDING:
        outcome.then_deliver = next_for_item(delivery)
    return outcome


def count_failure(endpoint: WebhookEndpoint, attempt: WebhookAttempt, now: datetime) -> None:
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    endpoint.refresh_from_db(fields=["consecutive_failures", "is_active"])
    if endpoint.is_active and endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER:
        from api.webhooks.disabling import disable

        reason = attempt.error or f"HTTP {attempt.status_code}"
        disable(endpoint, f"{endpoint.consecutive_failures} failures in a row; last: {reason}", now)


def next_for_item(delivery: WebhookDelivery) -> list[int]:
    """What waited for this delivery (see `earlier_pending`): after a batch, the next
    delivery in line; after an event, the next one about its item, and the next batch."""
    pending_after = (
        WebhookDelivery.objects.filter(
            endpoint_id=delivery.endpoint_id, id__gt=delivery.pk, state=State.PENDING
        )
        .order_by("id")
        .values_list("pk", flat=True)
    )
    if delivery.event == BATCH_EVENT:
        following = [pending_after.exclude(event=TEST_EVENT).first()]
    elif delivery.object_id is None:
        return []
    else:
        following = [
            pending_after.filter(object_id=delivery.object_id).first(),
            pending_after.filter(event=BATCH_EVENT).first(),
        ]
    return [pk for pk in following if pk]


def due_deliveries(now: datetime | None = None, limit: int = 1000) -> list[int]:
    """Deliveries whose attempt is due, or whose claim outlived its worker: what the
    periodic sweep queues again, so nothing waits on a message the broker lost."""
    now = now or timezone.now()
    due = Q(state=State.PENDING, next_attempt_at__lte=now) | Q(
        state=State.SENDING, claimed_until__lt=now
    )
    return list(
        WebhookDelivery.objects.filter(due, endpoint__is_active=True)
        .order_by("id")
        .values_list("pk", flat=True)[:limit]
    )


def replay(delivery: WebhookDelivery) -> None:
    """Send a delivery again, whatever became of it, with the same webhook-id."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=State.PENDING, next_attempt_at=timezone.now(), finished_at=None, claimed_until=None
    )
