"""The change log: every change to published content, in the order it committed.

Written here, explicitly, by `record_changes`; `api/signals.py` connects Wagtail's
publishing signals to it. Read by the changes feed and (later) webhooks.
"""

from django.db import connection

from api.models import ChangeLogEntry
from api.public import RESOURCE_OF_MODEL
from api.scope import facts_for

# Writers take this lock until they commit, so sequence numbers commit in order and
# a reader that has passed number N never sees a smaller one appear later.
CHANGE_LOG_LOCK = 7_243_001


def resource_for(instance) -> str | None:
    return RESOURCE_OF_MODEL.get(type(instance))


def lock_change_log() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_LOG_LOCK])


def record_changes(instances, action: str = ChangeLogEntry.Action.UPSERT) -> list[ChangeLogEntry]:
    instances = [i for i in instances if resource_for(i) is not None]
    if not instances:
        return []
    lock_change_log()
    previous = latest_facts([instance.uuid for instance in instances])
    entries = []
    for instance in instances:
        resource = resource_for(instance)
        locale = getattr(instance, "locale", None)
        entries.append(
            ChangeLogEntry(
                resource=resource,
                object_id=instance.uuid,
                locale=locale.language_code if locale else "",
                action=action,
                scope_before=previous.get(instance.uuid),
                scope_after=(
                    facts_for(resource, instance)
                    if action == ChangeLogEntry.Action.UPSERT
                    else None
                ),
            )
        )
    return ChangeLogEntry.objects.bulk_create(entries)


def latest_facts(object_ids) -> dict:
    """The scope facts each item last had while published (a deletion, such as the
    unpublish that comes before a page is deleted, keeps the facts it was removed with)."""
    facts = {}
    rows = (
        ChangeLogEntry.objects.filter(object_id__in=object_ids, partner=None)
        .order_by("id")
        .values_list("object_id", "scope_before", "scope_after")
    )
    for object_id, before, after in rows:
        facts[object_id] = after if after is not None else before
    return facts
