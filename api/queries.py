"""Questions asked of the change log (and of deliveries, which share its shape) by the
feed, the change log's writers and the webhook dispatcher alike."""

from django.db.models import Max, QuerySet

from api.models import ChangeLogEntry


def latest_change_id() -> int:
    """The change log's newest entry: 0 while it is empty."""
    return ChangeLogEntry.objects.aggregate(latest=Max("id"))["latest"] or 0


def latest_per_item(queryset: QuerySet) -> QuerySet:
    """The newest row of `queryset` per object_id (portable: SQLite has no DISTINCT ON)."""
    newest = queryset.values("object_id").annotate(newest=Max("id")).values("newest")
    return queryset.model.objects.filter(id__in=newest)


def upserted(entries) -> dict[str, set]:
    """The ids of the items `entries` upsert, by resource (to ask which are public)."""
    ids: dict[str, set] = {}
    for entry in entries:
        if entry.action == ChangeLogEntry.Action.UPSERT:
            ids.setdefault(entry.resource, set()).add(entry.object_id)
    return ids
