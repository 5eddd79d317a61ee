"""Webhook delivery on Celery: thin tasks over api.webhooks, which decides everything.

dispatch_webhook_events runs after each commit that wrote to the change log;
sweep_webhooks runs on the beat, catching up on anything a lost message left behind.
"""

from celery import shared_task
from django.conf import settings

from api.webhooks import delivery, dispatch


@shared_task(name="tasks.dispatch_webhook_events", ignore_result=True)
def dispatch_webhook_events() -> None:
    for delivery_id in dispatch.dispatch_events():
        deliver_webhook.delay(delivery_id)


@shared_task(name="tasks.deliver_webhook", ignore_result=True)
def deliver_webhook(delivery_id: int) -> str:
    outcome = delivery.deliver(delivery_id)
    for following in outcome.then_deliver:
        deliver_webhook.delay(following)
    # Retries due soon go back on the queue; later ones wait for the sweep, since a
    # broker holds countdown messages only so long.
    if outcome.retry_in is not None and outcome.retry_in <= settings.WEBHOOK_REQUEUE_MAX_SECONDS:
        deliver_webhook.apply_async((delivery_id,), countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="tasks.sweep_webhooks", ignore_result=True)
def sweep_webhooks() -> None:
    dispatch_webhook_events.delay()
    for delivery_id in delivery.due_deliveries():
        deliver_webhook.delay(delivery_id)
