"""Webhooks through the real path: a publish commits, a Celery worker on Redis
dispatches and delivers to a real HTTP receiver, retries, and survives being killed."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.test import override_settings
from standardwebhooks import Webhook
from wagtail.models import PageViewRestriction

from alerts.models import MaintainerAlert
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.celery import app as celery_app
from directory.factories import DirectoryIndexPageFactory, ServicePageFactory
from tests.api.webhooks.conftest import Reply
from tests.conftest import REPO_ROOT, publish

pytestmark = pytest.mark.django_db(transaction=True)


def wait_until(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def services_only(requests):
    return [r for r in requests if r.payload["data"].get("resource") == "services"]


def test_a_published_change_arrives_through_the_worker(
    celery_worker, sections, make_partner, subscribe, receiver
):
    endpoint = subscribe(make_partner(), receiver.url, events=["content.published"])
    page = publish(ServicePageFactory(parent=sections["council"], slug="pushed"))

    wait_until(lambda: services_only(receiver.received))
    (request,) = services_only(receiver.received)
    payload = Webhook(endpoint.secret).verify(request.body, request.headers)
    assert payload["data"]["id"] == str(page.uuid)
    wait_until(
        lambda: WebhookDelivery.objects.filter(
            object_id=page.uuid, state=WebhookDelivery.State.DELIVERED
        ).exists()
    )


def test_what_is_not_public_is_never_pushed_through_the_worker(
    celery_worker, sections, make_partner, subscribe, receiver
):
    """Published under a restricted section, and a password-protected page republished:
    each commit wakes the dispatcher, and the receiver hears of neither (the public page
    published after them arrives, so the log was dispatched past them)."""
    subscribe(make_partner(), receiver.url, events=["content.published", "content.updated"])
    members = DirectoryIndexPageFactory(parent=sections["directory"], slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    under = publish(ServicePageFactory(parent=members, slug="members-only"))
    password = ServicePageFactory(parent=sections["council"], slug="password", live=False)
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="x" * 8
    )
    publish(password)
    publish(password)
    public = publish(ServicePageFactory(parent=sections["council"], slug="public"))

    wait_until(lambda: services_only(receiver.received))
    (request,) = services_only(receiver.received)
    assert request.payload["data"]["id"] == str(public.uuid)
    for hidden in (under, password):
        assert str(hidden.uuid) not in str([r.body for r in receiver.received])
        assert not WebhookDelivery.objects.filter(object_id=hidden.uuid).exists()


@override_settings(WEBHOOK_RETRY_BASE_SECONDS=0.3)
def test_500_then_200_is_retried_by_the_worker_with_the_same_webhook_id(
    celery_worker, sections, make_partner, subscribe, receiver
):
    subscribe(make_partner(), receiver.url, events=["content.updated"])
    page = publish(ServicePageFactory(parent=sections["council"], slug="flaky"))
    receiver.replies = [Reply(status=500)]
    page.title = "Flaky, edited"
    publish(page)

    first, second = receiver.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert second.payload["type"] == "content.updated"
    delivery = WebhookDelivery.objects.get(message_id=first.headers["webhook-id"])
    wait_until(lambda: delivery.attempts.count() == 2)
    assert [a.status_code for a in delivery.attempts.order_by("started_at")] == [500, 200]


@override_settings(WEBHOOK_RETRY_BASE_SECONDS=0.1, WEBHOOK_DISABLE_AFTER=3)
def test_a_receiver_that_always_fails_ends_disabled_with_an_alert(
    celery_worker, sections, make_partner, subscribe, receiver
):
    endpoint = subscribe(make_partner(), receiver.url, events=["content.published"])
    receiver.always = Reply(status=502)
    publish(ServicePageFactory(parent=sections["council"], slug="doomed"))

    wait_until(lambda: not WebhookEndpoint.objects.get(pk=endpoint.pk).is_active)
    assert MaintainerAlert.objects.filter(
        kind=MaintainerAlert.Kind.FAILING_WEBHOOK, object_id=endpoint.pk
    ).exists()
    time.sleep(0.5)
    assert len(receiver.received) == 3  # nothing more once it is off


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo", "-l", "WARNING"],
        cwd=REPO_ROOT,
        env=env,
        start_new_session=True,  # its own process group, to kill it whole
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(process, sig=signal.SIGTERM):
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)


def test_a_worker_killed_mid_delivery_does_not_lose_the_event(
    sections, make_partner, subscribe, receiver
):
    celery_app.control.purge()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
            **settings.DATABASES["default"]
        ),
        "REDIS_URL": settings.REDIS_URL,
        # Short enough for a test: the broker hands an unacknowledged task to another
        # worker once it is 2 s old (looking every second), and a delivery's claim
        # runs out 1 s after its timeout.
        "CELERY_VISIBILITY_TIMEOUT": "2",
        "CELERY_RESTORE_INTERVAL": "1",
        "CELERY_RESTORE_THROTTLE": "1",
        "WEBHOOK_TIMEOUT_SECONDS": "3",
        "WEBHOOK_CLAIM_MARGIN_SECONDS": "1",
    }
    page = publish(ServicePageFactory(parent=sections["council"], slug="survivor"))
    # One event only: the next edit of that page.
    endpoint = subscribe(make_partner(), receiver.url, events=["content.updated"])
    receiver.replies = [Reply(delay=60)]  # the first request hangs until the worker dies
    first_worker = start_worker(env)
    second_worker = None
    try:
        page.title = "Survivor, edited"
        publish(page)
        delivery_exists = WebhookDelivery.objects.filter(endpoint=endpoint, object_id=page.uuid)
        wait_until(delivery_exists.exists, timeout=60)
        (hung,) = receiver.wait_for(1, timeout=60)
        stop(first_worker, signal.SIGKILL)  # mid-request: no ack, no attempt recorded

        second_worker = start_worker(env)
        retried = receiver.wait_for(2, timeout=60)[1]
    finally:
        stop(first_worker, signal.SIGKILL)
        if second_worker is not None:
            stop(second_worker)
    assert retried.headers["webhook-id"] == hung.headers["webhook-id"]
    assert retried.body == hung.body
    Webhook(endpoint.secret).verify(retried.body, retried.headers)
    wait_until(lambda: delivery_exists.get().state == WebhookDelivery.State.DELIVERED, timeout=10)
