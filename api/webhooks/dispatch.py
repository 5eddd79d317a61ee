"""Turning new change-log entries into deliveries, endpoint by endpoint.

Each endpoint keeps a cursor into the change log. Change-log numbers commit in order
(api.changes holds a lock until commit), so reading past the cursor never skips an
entry that commits later. Deliveries and the advanced cursor commit together: a crash
loses nothing and a rerun repeats nothing.
"""

import uuid
from collections.abc import Collection

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from api.models import ChangeLogEntry
from api.public import MODELS
from api.queries import latest_change_id, latest_per_item, upserted
from api.scope import Scope
from api.webhooks.events import WITHHELD, History, classify, payload
from api.webhooks.links import public_links
from api.webhooks.models import BATCH_EVENT, WebhookDelivery, WebhookEndpoint
from cms.celery import enqueue

BATCH_SIZE = 500
DISPATCH_QUEUED_KEY = "webhooks:dispatch-queued"


def request_dispatch() -> None:
    """Queue one dispatch soon: called after every commit that wrote to the change log,
    so a burst of changes queues one task, not one each.

    Nothing is lost if it cannot be queued (Redis away): the entries are in the change
    log, past every endpoint's cursor, and the beat's sweep dispatches them."""
    if not WebhookEndpoint.objects.filter(is_active=True).exists():
        return
    queued = cache.add(DISPATCH_QUEUED_KEY, 1, timeout=30)
    if queued and not enqueue("tasks.dispatch_webhook_events"):
        cache.delete(DISPATCH_QUEUED_KEY)  # so the next commit tries again


# Tasks are named, not imported: they live in the layer above (tasks/webhooks.py).
# Both leave rows the sweep finds (a due delivery, an active endpoint) if not queued.
def queue_delivery(delivery_id: int) -> None:
    enqueue("tasks.deliver_webhook", (delivery_id,))


def queue_sweep() -> None:
    enqueue("tasks.sweep_webhooks")


def open_endpoint(endpoint: WebhookEndpoint) -> str:
    """Save a new endpoint and return its secret (shown once). It hears of changes from
    now on (the feed has the past), including changes of its partner's scope."""
    from api.changes import apply_scope_change  # api.changes imports this module

    endpoint.cursor = latest_change_id()
    secret = endpoint.set_secret()
    endpoint.save()
    apply_scope_change(endpoint.partner)
    return secret


def dispatch_events() -> list[int]:
    """Deliveries for every active endpoint, up to the end of the log; returns their ids."""
    # A change committed after this point queues another dispatch.
    cache.delete(DISPATCH_QUEUED_KEY)
    from api.changes import apply_scope_change  # api.changes imports this module

    made = []
    endpoints = WebhookEndpoint.objects.filter(is_active=True, partner__is_active=True)
    for endpoint in endpoints.select_related("partner"):
        apply_scope_change(endpoint.partner)
        while batch := dispatch_batch(endpoint.pk):
            made += batch
    return made


@transaction.atomic
def dispatch_batch(endpoint_pk: int) -> list[int]:
    """Deliveries for the next entries after one endpoint's cursor (empty when done)."""
    endpoint = (
        WebhookEndpoint.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("partner")
        .filter(pk=endpoint_pk, is_active=True)
        .first()
    )
    if endpoint is None:  # gone, paused, or another dispatcher has it
        return []
    partner = endpoint.partner
    entries = list(
        ChangeLogEntry.objects.filter(
            Q(partner=None) | Q(partner=partner), id__gt=endpoint.cursor
        ).order_by("id")[:BATCH_SIZE]
    )
    if not entries:
        return []
    scope = Scope(partner)
    histories = histories_for(endpoint, entries)
    # Judged as things are now: nothing that has stopped being public is announced.
    links = public_links(upserted(entries))
    deleted = deleted_among(entries, links)
    subscribed = set(endpoint.events)
    now = timezone.now()
    deliveries = []
    for entry in entries:
        if not scope.allows_type(entry.resource):
            continue
        history = histories[entry.object_id]
        is_public = entry.object_id in links
        event = classify(
            entry, scope, history, public=is_public, deleted=entry.object_id in deleted
        )
        if entry.partner_id is None:
            history.previous = entry
        if event is None:
            if entry.action == ChangeLogEntry.Action.UPSERT and not is_public:
                history.told = WITHHELD
            continue
        history.told = event
        if event in subscribed:
            deliveries.append(
                WebhookDelivery(
                    endpoint=endpoint,
                    message_id=new_message_id(),
                    event=event,
                    object_id=entry.object_id,
                    change=entry.id,
                    payload=payload(event, entry, links.get(entry.object_id)),
                    created_at=now,
                    next_attempt_at=now,
                )
            )
    if endpoint.max_events_per_request:
        sent = in_batches(deliveries, endpoint.max_events_per_request, now)
    else:
        sent = WebhookDelivery.objects.bulk_create(deliveries)
    # An update, not a save: nothing (Wagtail's reference index) needs to hear of it.
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(cursor=entries[-1].id)
    return [delivery.pk for delivery in sent]


def in_batches(events: list[WebhookDelivery], size: int, now) -> list[WebhookDelivery]:
    """Consecutive events, `size` at a time, each batch one delivery: one signed request,
    retried whole with the same webhook-id. Each event is kept too, as part of its batch
    (what the partner was told about each item). Returns the batches."""
    batches = []
    for start in range(0, len(events), size):
        chunk = events[start : start + size]
        batch = WebhookDelivery(
            endpoint=chunk[0].endpoint,
            message_id=new_message_id(),
            event=BATCH_EVENT,
            change=chunk[-1].change,
            payload={
                "type": BATCH_EVENT,
                "timestamp": now.isoformat(),
                "data": {"events": [event.payload for event in chunk]},
            },
            created_at=now,
            next_attempt_at=now,
        )
        batches.append(batch)
        for event in chunk:
            event.batch, event.state = batch, WebhookDelivery.State.BATCHED
    WebhookDelivery.objects.bulk_create(batches)
    WebhookDelivery.objects.bulk_create(events)
    return batches


def deleted_among(entries, public: Collection) -> set:
    """The items of `entries` deleted since, of those not `public`: a partner holding
    one is told it was deleted, whichever entry it hears that from first (an upsert
    or an unpublish, in a backlog). No query when every item is public."""
    hidden: dict[str, set] = {}
    for entry in entries:
        if entry.object_id not in public:
            hidden.setdefault(entry.resource, set()).add(entry.object_id)
    deleted = set()
    for resource, ids in hidden.items():
        remaining = MODELS[resource].objects.filter(uuid__in=ids)
        deleted |= ids - set(remaining.values_list("uuid", flat=True))
    return deleted


def histories_for(endpoint: WebhookEndpoint, entries) -> dict:
    """For each item in `entries`: the last event this endpoint was given about it,
    and its last shared change-log entry before the batch."""
    ids = {entry.object_id for entry in entries}
    first = entries[0].id
    histories = {object_id: History() for object_id in ids}
    told = latest_per_item(WebhookDelivery.objects.filter(endpoint=endpoint, object_id__in=ids))
    for delivery in told:
        histories[delivery.object_id].told = delivery.event
    previous = latest_per_item(
        ChangeLogEntry.objects.filter(object_id__in=ids, partner=None, id__lt=first)
    )
    for entry in previous:
        histories[entry.object_id].previous = entry
    return histories


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"
