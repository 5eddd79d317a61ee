"""The maintainers' daily digest: new alerts, and open ones again after DIGEST_REPEAT_DAYS.

Two steps, so that a crash loses nothing and a re-run sends nothing twice:

1. `queue_digest`, one transaction: pick the alerts to tell about (new, or last told
   about DIGEST_REPEAT_DAYS ago), lock them, create one DigestEmail per maintainer
   listing them, and set their `notified_at`. Either all of that commits or none of it.
2. `deliver_pending_digests`: each unsent DigestEmail is sent in its own transaction,
   with its row locked, and marked sent in that same transaction.

A crash before (1) commits leaves the alerts untold: the next run picks them up. A crash
after (1) leaves unsent DigestEmails: the next run sends them (and does not pick the
alerts again, since they are marked). The one window left is between the mail server
accepting a message and the commit that marks it sent; a crash there sends that one
email again. Mail cannot be taken back, so at least once is the honest promise.
"""

import logging
import smtplib
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder

from alerts.models import MaintainerAlert
from cms.email import TRANSIENT_ERRORS, send_email
from cms.groups import MAINTAINERS
from tasks.clock import parse_now
from tasks.models import DigestEmail, DigestItem

logger = logging.getLogger(__name__)


def maintainer_addresses() -> list[str]:
    """Active users in the Maintainers group, and MAINTAINER_EMAILS; each address once."""
    from_group = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MAINTAINERS)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    addresses: dict[str, str] = {}
    for address in [*from_group, *settings.MAINTAINER_EMAILS]:
        address = address.strip()
        if address:
            addresses.setdefault(address.lower(), address)
    return sorted(addresses.values(), key=str.lower)


def alerts_to_tell(now: datetime):
    """Open alerts never told, or last told at least DIGEST_REPEAT_DAYS ago."""
    repeat_before = now - timedelta(days=settings.DIGEST_REPEAT_DAYS)
    return MaintainerAlert.objects.open().filter(
        Q(notified_at__isnull=True) | Q(notified_at__lte=repeat_before)
    )


@transaction.atomic
def queue_digest(*, now: datetime) -> list[DigestEmail]:
    # skip_locked: a digest queued at the same moment by another worker takes its alerts
    # and this one takes the rest, so no alert goes into two digests.
    alerts = list(
        alerts_to_tell(now)
        .select_for_update(skip_locked=True)
        .order_by("pk")
        .values_list("pk", "notified_at")
    )
    if not alerts:
        return []
    recipients = maintainer_addresses()
    if not recipients:
        # Left untold, so they go out once someone is made a maintainer.
        logger.warning("%d alerts to tell, but there are no maintainers.", len(alerts))
        return []
    emails = DigestEmail.objects.bulk_create(
        [DigestEmail(recipient=recipient, created_at=now) for recipient in recipients]
    )
    DigestItem.objects.bulk_create(
        [
            DigestItem(digest_email=email, alert_id=alert_id, reminder=notified_at is not None)
            for email in emails
            for alert_id, notified_at in alerts
        ]
    )
    MaintainerAlert.objects.filter(pk__in=[pk for pk, _ in alerts]).update(notified_at=now)
    return emails


def admin_urls(alerts: list[MaintainerAlert]) -> dict[int, str]:
    """alert pk -> absolute URL of its object's edit view in the admin, where there is one
    (the object may have been deleted since). One query per type of object."""
    wanted = defaultdict(set)
    for alert in alerts:
        wanted[alert.content_type].add(alert.object_id)
    objects = {}
    for content_type, ids in wanted.items():
        for pk, obj in content_type.model_class()._base_manager.in_bulk(ids).items():
            objects[content_type.pk, pk] = obj
    finder = AdminURLFinder()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    urls = {}
    for alert in alerts:
        obj = objects.get((alert.content_type_id, alert.object_id))
        path = finder.get_edit_url(obj) if obj is not None else None
        if path:
            urls[alert.pk] = base + path
    return urls


def digest_context(digest_email: DigestEmail) -> dict:
    items = list(digest_email.items.select_related("alert__content_type").order_by("alert__pk"))
    urls = admin_urls([item.alert for item in items])
    for item in items:
        item.alert.admin_url = urls.get(item.alert.pk)
    return {
        "new_alerts": [item.alert for item in items if not item.reminder],
        "open_alerts": [item.alert for item in items if item.reminder],
        "repeat_days": settings.DIGEST_REPEAT_DAYS,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
    }


def send_digest_email(digest_email_id: int, *, now: datetime, connection=None) -> bool:
    """Send one queued digest; True if it was sent now. Marked sent in the transaction
    that sent it (see the module's docstring)."""
    with transaction.atomic():
        digest_email = (
            DigestEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=digest_email_id, sent_at=None, failed_at=None)
            .first()
        )
        if digest_email is None:
            return False
        context = digest_context(digest_email)
        new, still_open = len(context["new_alerts"]), len(context["open_alerts"])
        summary = ", ".join(
            part
            for part in [
                f"{new} new alert{'s' * (new != 1)}" if new else "",
                f"{still_open} still open" if still_open else "",
            ]
            if part
        )
        try:
            send_email(
                to=digest_email.recipient,
                subject=f"{settings.WAGTAIL_SITE_NAME}: {summary}",
                template="tasks/email/maintainer_digest",
                context=context,
                connection=connection,
            )
        except smtplib.SMTPRecipientsRefused as refused:
            digest_email.failed_at = now
            digest_email.failure = str(refused.recipients)
            digest_email.save(update_fields=["failed_at", "failure"])
            logger.error("Digest to %s refused: %s", digest_email.recipient, refused.recipients)
            return False
        digest_email.sent_at = now
        digest_email.save(update_fields=["sent_at"])
        return True


def deliver_pending_digests(*, now: datetime) -> int:
    pending = DigestEmail.objects.filter(sent_at=None, failed_at=None).values_list("pk", flat=True)
    sent = 0
    with get_connection() as connection:
        for digest_email_id in pending:
            sent += send_digest_email(digest_email_id, now=now, connection=connection)
    return sent


@dataclass
class DigestRun:
    queued: int = 0
    sent: int = 0


def send_maintainer_digest(*, now: datetime | None = None) -> DigestRun:
    now = now or timezone.now()
    run = DigestRun(queued=len(queue_digest(now=now)))
    run.sent = deliver_pending_digests(now=now)  # and any left by an earlier run
    logger.info("Maintainer digest: %s", run)
    return run


@shared_task(
    name="tasks.send_maintainer_digest",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=3600,
    max_retries=6,
)
def send_maintainer_digest_task(now: str | None = None) -> dict:
    """Daily. Safe to retry: queued digests are sent once, alerts queued once."""
    return asdict(send_maintainer_digest(now=parse_now(now)))
