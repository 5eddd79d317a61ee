"""Switching off an endpoint that keeps failing, and telling people.

Its deliveries stay pending: reactivated (by the partner with PATCH, or in the admin),
the endpoint receives everything it missed, in order.
"""

import logging
from datetime import datetime

from django.db import transaction

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from api.webhooks.dispatch import queue_sweep
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.email import TRANSIENT_ERRORS, send_email

logger = logging.getLogger(__name__)


def disable(endpoint: WebhookEndpoint, reason: str, now: datetime) -> None:
    changed = WebhookEndpoint.objects.filter(pk=endpoint.pk, is_active=True).update(
        is_active=False, disabled_at=now, disabled_reason=reason[:255]
    )
    if not changed:  # someone else got there first
        return
    endpoint.is_active, endpoint.disabled_at, endpoint.disabled_reason = False, now, reason[:255]
    # The alert is a row before any email goes: the digest tells maintainers even if
    # the message to the partner cannot be sent.
    raise_alert(
        MaintainerAlert.Kind.FAILING_WEBHOOK,
        endpoint,
        cycle=now.isoformat(),
        label=f"Webhook of {endpoint.partner}: {endpoint.url}"[:255],
        message=f"Disabled after repeated failures. {reason}",
        now=now,
    )
    transaction.on_commit(lambda: tell_partner(endpoint))


def tell_partner(endpoint: WebhookEndpoint) -> None:
    partner = endpoint.partner
    if not partner.contact_email:
        return
    try:
        send_email(
            to=partner.contact_email,
            subject=f"Your Local Offer webhook has been switched off: {endpoint.url}",
            template="api/email/webhook_disabled",
            context={"endpoint": endpoint, "partner": partner},
        )
    except TRANSIENT_ERRORS:
        # The maintainers' alert already stands; the partner hears from them.
        logger.exception("Could not tell %s that its webhook was disabled", partner)


def reactivate(endpoint: WebhookEndpoint, now: datetime) -> None:
    """Switched back on (by the partner or in the admin): its failures are forgiven, its
    alert is closed, and what waited meanwhile falls due at once, oldest first."""
    endpoint.is_active = True
    endpoint.disabled_at, endpoint.disabled_reason = None, ""
    endpoint.consecutive_failures = 0
    MaintainerAlert.objects.open().about(endpoint).filter(
        kind=MaintainerAlert.Kind.FAILING_WEBHOOK
    ).update(resolved_at=now)
    WebhookDelivery.objects.filter(endpoint=endpoint, state=WebhookDelivery.State.PENDING).update(
        next_attempt_at=now
    )
    transaction.on_commit(queue_sweep)
