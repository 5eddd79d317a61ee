"""The scheduler's heartbeat as stored: written by the beat-driven task
(`tasks.heartbeat`), read by /health/. Kept here, below both, so the health check needs
nothing from the task layer."""

from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_CACHE_KEY = "tasks:heartbeat"


def note_heartbeat() -> None:
    cache.set(HEARTBEAT_CACHE_KEY, timezone.now().isoformat(), timeout=None)


def last_heartbeat() -> datetime | None:
    value = cache.get(HEARTBEAT_CACHE_KEY)
    return datetime.fromisoformat(value) if value else None
