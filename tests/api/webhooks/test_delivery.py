"""Sending deliveries to a real HTTP receiver on loopback: signatures, retries,
timeouts, redirects, ordering, disabling; the plain functions the tasks call."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from alerts.models import MaintainerAlert
from api.webhooks import secrets
from api.webhooks.delivery import deliver, due_deliveries
from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from api.webhooks.targets import UnsafeTarget, pinned_session
from directory.factories import ServicePageFactory
from tests.api.webhooks.conftest import Reply
from tests.conftest import publish

State = WebhookDelivery.State


@pytest.fixture
def endpoint(make_partner, subscribe, receiver):
    return subscribe(make_partner(), receiver.url, events=["content.published"])


def published_delivery(sections, endpoint, slug="swimming"):
    page = publish(ServicePageFactory(parent=sections["council"], slug=slug))
    dispatch_events()
    return WebhookDelivery.objects.get(endpoint=endpoint, object_id=page.uuid)


def test_a_published_change_arrives_signed(sections, endpoint, receiver):
    delivery = published_delivery(sections, endpoint)
    assert deliver(delivery.pk).status == "delivered"

    (request,) = receiver.wait_for(1)
    assert request.path == "/hooks/local-offer"
    assert request.headers["webhook-id"] == delivery.message_id
    assert request.headers["content-type"] == "application/json"
    # The Standard Webhooks library verifies it with the secret the partner was given.
    payload = Webhook(endpoint.secret).verify(request.body, request.headers)
    assert payload["type"] == "content.published"
    assert payload["data"]["id"] == str(delivery.object_id)
    with pytest.raises(WebhookVerificationError, match="signature"):
        Webhook(secrets.generate()).verify(request.body, request.headers)

    delivery.refresh_from_db()
    assert delivery.state == State.DELIVERED
    (attempt,) = delivery.attempts.all()
    assert attempt.succeeded
    assert attempt.status_code == 200
    assert attempt.response_excerpt == "ok"
    # Delivered once: running it again sends nothing.
    assert deliver(delivery.pk).status == "skipped"
    assert len(receiver.received) == 1


@override_settings(WEBHOOK_RETRY_BASE_SECONDS=60)
@pytest.mark.parametrize("status", [500, 503, 429])
def test_server_errors_and_429_are_retried_with_the_same_webhook_id(
    sections, endpoint, receiver, status
):
    receiver.replies = [Reply(status=status, body=b"x" * 5000)]
    delivery = published_delivery(sections, endpoint)
    outcome = deliver(delivery.pk)
    assert outcome.status == "retrying"
    assert 45 <= outcome.retry_in <= 75  # the base delay, with jitter
    delivery.refresh_from_db()
    assert delivery.state == State.PENDING
    # Not due yet: neither a rerun of the task nor the sweep sends it early.
    assert deliver(delivery.pk).status == "skipped"
    assert delivery.pk not in due_deliveries()

    later = delivery.next_attempt_at + timedelta(seconds=1)
    assert delivery.pk in due_deliveries(now=later)
    assert deliver(delivery.pk, now=later).status == "delivered"
    first, second = receiver.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.message_id
    assert first.body == second.body
    attempts = list(delivery.attempts.order_by("started_at"))
    assert [a.status_code for a in attempts] == [status, 200]
    assert len(attempts[0].response_excerpt) == 1024  # the first bytes only


def test_backoff_doubles_and_stops_after_about_a_day(sections, endpoint, receiver):
    receiver.always = Reply(status=500)
    delivery = published_delivery(sections, endpoint)
    delays, now = [], timezone.now()
    with override_settings(WEBHOOK_DISABLE_AFTER=1000):
        while True:
            outcome = deliver(delivery.pk, now=now)
            if outcome.status != "retrying":
                break
            delays.append(outcome.retry_in)
            delivery.refresh_from_db()
            # Pretend the clock moved on to the attempt's time.
            WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=now)
            delivery.created_at -= timedelta(seconds=outcome.retry_in)
            WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=delivery.created_at)
    assert outcome.status == "failed"
    assert delays[1] > delays[0] * 1.2  # doubling, whatever the jitter
    assert max(delays) <= 4 * 3600 * 1.25
    assert 20 * 3600 <= sum(delays) <= 30 * 3600
    assert 8 <= len(delays) <= 20


def test_a_timeout_is_a_failure_and_retried(sections, endpoint, receiver):
    receiver.replies = [Reply(delay=2)]
    delivery = published_delivery(sections, endpoint)
    with override_settings(WEBHOOK_TIMEOUT_SECONDS=0.3):
        outcome = deliver(delivery.pk)
    assert outcome.status == "retrying"
    attempt = delivery.attempts.get()
    assert attempt.status_code is None
    assert "No answer within 0.3 s" in attempt.error


def test_a_redirect_is_not_followed(sections, endpoint, receiver):
    receiver.replies = [Reply(status=302, headers={"Location": "/elsewhere"})]
    delivery = published_delivery(sections, endpoint)
    assert deliver(delivery.pk).status == "failed"  # a wrong URL: retrying will not fix it
    receiver_paths = [r.path for r in receiver.wait_for(1)]
    assert receiver_paths == ["/hooks/local-offer"]
    attempt = delivery.attempts.get()
    assert attempt.status_code == 302
    assert "Redirects are not followed" in attempt.error


def test_a_client_error_is_a_failure_without_retry(sections, endpoint, receiver):
    receiver.replies = [Reply(status=410)]
    delivery = published_delivery(sections, endpoint)
    assert deliver(delivery.pk).status == "failed"
    delivery.refresh_from_db()
    assert delivery.state == State.FAILED


def test_a_connection_refused_is_retried(sections, make_partner, subscribe, receiver):
    endpoint = subscribe(make_partner(), receiver.url)
    receiver.close()  # nothing listens there any more
    delivery = published_delivery(sections, endpoint)
    assert deliver(delivery.pk).status == "retrying"
    assert "ConnectionError" in delivery.attempts.get().error


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
def test_an_address_that_turned_internal_is_refused_at_send_time(sections, endpoint, receiver):
    delivery = published_delivery(sections, endpoint)
    assert deliver(delivery.pk).status == "failed"
    assert receiver.received == []
    assert delivery.attempts.get().error.startswith("Refused: Use an https:// URL")


@override_settings(WEBHOOK_DISABLE_AFTER=3, WEBHOOK_RETRY_BASE_SECONDS=0)
def test_an_endpoint_that_keeps_failing_is_disabled_and_people_are_told(
    sections, endpoint, receiver, django_capture_on_commit_callbacks, api_client_for
):
    receiver.always = Reply(status=500)
    api = api_client_for(endpoint.partner)
    delivery = published_delivery(sections, endpoint)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [deliver(delivery.pk).status for _ in range(4)]
    assert statuses == ["retrying", "retrying", "retrying", "skipped"]  # off after 3

    endpoint.refresh_from_db()
    assert endpoint.is_active is False
    assert "3 failures in a row; last: HTTP 500" in endpoint.disabled_reason
    alert = MaintainerAlert.objects.get(kind=MaintainerAlert.Kind.FAILING_WEBHOOK)
    assert alert.subject == endpoint
    assert endpoint.url in alert.label
    # The partner's contact hears about it, with how to switch it back on.
    (message,) = mail.outbox
    assert message.to == ["hub@example.org"]
    assert endpoint.url in message.subject
    assert f"/api/v1/webhooks/{endpoint.public_id}/" in message.body
    # The delivery waits, and nothing is due while the endpoint is off.
    delivery.refresh_from_db()
    assert delivery.state == State.PENDING
    assert due_deliveries(now=timezone.now() + timedelta(days=1)) == []

    # Switched back on by the partner: the alert closes and the delivery is due at once.
    response = api.patch(
        f"/api/v1/webhooks/{endpoint.public_id}/", {"is_active": True}, format="json"
    )
    assert response.status_code == 200
    alert.refresh_from_db()
    assert alert.resolved_at is not None
    assert delivery.pk in due_deliveries()


def test_a_success_resets_the_run_of_failures(sections, endpoint, receiver):
    receiver.replies = [Reply(status=500), Reply(status=500)]
    with override_settings(WEBHOOK_RETRY_BASE_SECONDS=0):
        delivery = published_delivery(sections, endpoint)
        deliver(delivery.pk)
        deliver(delivery.pk)
        endpoint.refresh_from_db()
        assert endpoint.consecutive_failures == 2
        assert deliver(delivery.pk).status == "delivered"
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0


def test_events_about_one_item_arrive_in_order(sections, make_partner, subscribe, receiver):
    subscribe(make_partner(), receiver.url)
    page = publish(ServicePageFactory(parent=sections["council"], slug="ordered"))
    page.title = "Ordered, edited"
    publish(page)
    dispatch_events()
    first, second = WebhookDelivery.objects.filter(object_id=page.uuid).order_by("id")
    receiver.replies = [Reply(status=500)]

    with override_settings(WEBHOOK_RETRY_BASE_SECONDS=0):
        assert deliver(first.pk).status == "retrying"
        # The later event waits while the earlier one is still to be delivered...
        assert deliver(second.pk).status == "waiting"
        # ...and is handed on once it is.
        outcome = deliver(first.pk)
    assert outcome.status == "delivered"
    assert outcome.then_deliver == [second.pk]
    assert deliver(second.pk).status == "delivered"
    received = [r.payload["type"] for r in receiver.wait_for(3)]
    assert received == ["content.published", "content.published", "content.updated"]


def test_during_a_rotation_both_secrets_verify(sections, endpoint, receiver, api_client_for):
    old_secret = endpoint.secret
    response = api_client_for(endpoint.partner).post(
        f"/api/v1/webhooks/{endpoint.public_id}/rotate-secret/"
    )
    new_secret = response.json()["secret"]
    delivery = published_delivery(sections, endpoint)
    deliver(delivery.pk)
    (request,) = receiver.wait_for(1)
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    for secret in (old_secret, new_secret):
        Webhook(secret).verify(request.body, request.headers)


def test_a_claim_held_by_a_live_worker_is_respected_and_an_expired_one_taken_over(
    sections, endpoint, receiver
):
    delivery = published_delivery(sections, endpoint)
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=State.SENDING, claimed_until=now + timedelta(seconds=30)
    )
    outcome = deliver(delivery.pk, now=now)
    assert outcome.status == "busy"
    assert 30 <= outcome.retry_in <= 32
    assert receiver.received == []
    # The worker holding it died: once the claim runs out, the delivery is sent again.
    later = now + timedelta(seconds=31)
    assert delivery.pk in due_deliveries(now=later)
    assert deliver(delivery.pk, now=later).status == "delivered"


def test_the_test_endpoint_sends_a_signed_test_event(
    make_partner, subscribe, receiver, api_client_for
):
    partner = make_partner()
    endpoint = subscribe(partner, receiver.url)
    response = api_client_for(partner).post(f"/api/v1/webhooks/{endpoint.public_id}/test/")
    assert response.status_code == 202
    delivery = WebhookDelivery.objects.get(message_id=response.json()["webhook_id"])
    assert deliver(delivery.pk).status == "delivered"
    (request,) = receiver.wait_for(1)
    assert Webhook(endpoint.secret).verify(request.body, request.headers)["type"] == "webhook.test"

    log = api_client_for(partner).get(f"/api/v1/webhooks/{endpoint.public_id}/deliveries/")
    (entry,) = log.json()["results"]
    assert entry["webhook_id"] == delivery.message_id
    assert entry["state"] == "delivered"
    assert entry["attempts"][0]["status_code"] == 200


def test_switching_an_endpoint_back_on_makes_its_waiting_deliveries_due(
    sections, endpoint, receiver, api_client_for
):
    delivery = published_delivery(sections, endpoint)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        is_active=False, disabled_reason="5 failures in a row", consecutive_failures=5
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=3)
    )
    assert deliver(delivery.pk).status == "skipped"
    response = api_client_for(endpoint.partner).patch(
        f"/api/v1/webhooks/{endpoint.public_id}/", {"is_active": True}, format="json"
    )
    assert response.json()["disabled_reason"] == ""
    assert delivery.pk in due_deliveries()
    assert deliver(delivery.pk).status == "delivered"


def test_a_connection_that_lands_on_an_internal_address_is_refused(receiver, settings):
    """What a name resolves to can change between the check and the connect: the
    connection itself is checked where it lands."""
    settings.WEBHOOK_ALLOW_LOOPBACK = False
    with pytest.raises(UnsafeTarget, match=r"connected to an internal address \(127\.0\.0\.1\)"):
        pinned_session().post(receiver.url, data=b"{}", timeout=5)
    assert receiver.received == []

    settings.WEBHOOK_ALLOW_LOOPBACK = True
    assert pinned_session().post(receiver.url, data=b"{}", timeout=5).status_code == 200
