"""The jobs take the time as an argument (`now`), so tests and operators can set it."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime


def parse_now(value: str | None) -> datetime | None:
    """A task's optional `now` (ISO 8601; naive means the project's time zone)."""
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise ValueError(f"Not an ISO 8601 date and time: {value!r}")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
