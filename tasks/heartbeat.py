"""A beat-driven heartbeat: proof that beat, the broker and a worker all work."""

from datetime import datetime

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_CACHE_KEY = "tasks:heartbeat"


@shared_task(name="tasks.record_heartbeat", ignore_result=True)
def record_heartbeat() -> None:
    cache.set(HEARTBEAT_CACHE_KEY, timezone.now().isoformat(), timeout=None)


def last_heartbeat() -> datetime | None:
    value = cache.get(HEARTBEAT_CACHE_KEY)
    return datetime.fromisoformat(value) if value else None
