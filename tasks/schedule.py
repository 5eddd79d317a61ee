"""The beat schedule: every periodic job of the project, in one place.

Each entry names a task by its registered name; tests check that every name
resolves to a task the worker knows.
"""

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
    }
