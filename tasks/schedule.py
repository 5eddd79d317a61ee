"""The beat schedule: every periodic job of the project, in one place.

Each entry names a task by its registered name; tests check that every name
resolves to a task the worker knows.
"""

from celery.schedules import crontab
from django.conf import settings


def beat_schedule() -> dict[str, dict]:
    return {
        "heartbeat": {
            "task": "tasks.record_heartbeat",
            "schedule": settings.HEARTBEAT_INTERVAL,
        },
        "publish-scheduled-content": {
            "task": "tasks.publish_scheduled",
            "schedule": 60.0,
        },
        # Documents are rendered as changes commit; this renders any the outbox still
        # holds (a message lost while the broker was away, a worker that died).
        "sweep-publication": {
            "task": "tasks.publish_pending",
            "schedule": 60.0,
        },
        # Webhook events are dispatched as changes commit; this catches up on any
        # message lost on the way and sends the retries that have fallen due.
        "sweep-webhooks": {
            "task": "tasks.sweep_webhooks",
            "schedule": 60.0,
        },
        # Daily, in CELERY_TIMEZONE (Europe/London): the scan first, so the digest an
        # hour later tells maintainers what it found; review requests in working hours.
        "check-stale-listings": {
            "task": "tasks.check_stale_listings",
            "schedule": crontab(hour=5, minute=30),
        },
        # The store of published documents against the visibility rule: repairs drift
        # and raises an alert per item, before the digest reports alerts.
        "check-publication": {
            "task": "tasks.check_publication",
            "schedule": crontab(hour=5, minute=15),
        },
        # Before the digest, so it names listings whose contacts bounce.
        "check-contact-addresses": {
            "task": "tasks.check_contact_addresses",
            "schedule": crontab(hour=5, minute=45),
        },
        # Does nothing unless BOUNCE_IMAP_URL is set.
        "poll-bounce-mailbox": {
            "task": "tasks.poll_bounce_mailbox",
            "schedule": settings.BOUNCE_IMAP_POLL_SECONDS,
        },
        "send-maintainer-digest": {
            "task": "tasks.send_maintainer_digest",
            "schedule": crontab(hour=6, minute=30),
        },
        "send-review-requests": {
            "task": "tasks.send_review_requests",
            "schedule": crontab(hour=9, minute=0),
        },
    }
