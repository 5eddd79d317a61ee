"""The change log: every change to published content, in the order it committed.

Written here, explicitly, by `record_changes`; `api/signals.py` connects Wagtail's
publishing signals to it. Read by the changes feed and the webhook dispatcher.
"""

from django.db import connection, transaction

from api.models import ChangeLogEntry
from api.public import MODELS, RESOURCE_OF_MODEL, public_queryset
from api.publication.outbox import pending
from api.queries import latest_per_item
from api.scope import Scope, facts_for, scope_signature, term_keys_with_ancestors
from api.webhooks.dispatch import request_dispatch
from cms.visibility import public_among

UPSERT, DELETE = ChangeLogEntry.Action.UPSERT, ChangeLogEntry.Action.DELETE

# Writers take this lock until they commit, so sequence numbers commit in order and
# a reader that has passed number N never sees a smaller one appear later.
CHANGE_LOG_LOCK = 7_243_001


def resource_for(instance) -> str | None:
    return RESOURCE_OF_MODEL.get(type(instance))


def lock_change_log() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_LOG_LOCK])


def record_changes(
    instances,
    action: str = ChangeLogEntry.Action.UPSERT,
    reason: str = ChangeLogEntry.Reason.PUBLISHED,
) -> list[ChangeLogEntry]:
    """Log each item as what the change means to partners, decided by the visibility
    rule now, as the change commits: an upsert only of an item public now; for any other
    item (a removal, or an upsert of an item that is not public, such as a page published
    under a restricted section) a tombstone if partners may hold it (its last entry is an
    upsert), and nothing if they cannot. Either way the entry keeps the change's reason
    (a page moved under a restricted section is a tombstone for `moved`). So the log
    never offers what is not public, and an item leaves partners' copies once, however
    many changes follow."""
    instances = [i for i in instances if resource_for(i) is not None]
    if not instances:
        return []
    lock_change_log()
    previous = latest_entries([instance.uuid for instance in instances])
    public = public_among(instances) if action == UPSERT else set()
    entries = []
    for instance in instances:
        resource = resource_for(instance)
        last = previous.get(instance.uuid)
        if (type(instance), instance.pk) in public:
            recorded, facts = UPSERT, facts_for(resource, instance)
        elif last is not None and last.action == UPSERT:
            recorded, facts = DELETE, None
        else:
            continue
        locale = getattr(instance, "locale", None)
        entries.append(
            ChangeLogEntry(
                resource=resource,
                object_id=instance.uuid,
                locale=locale.language_code if locale else "",
                action=recorded,
                reason=reason,
                scope_before=last and (last.scope_after or last.scope_before),
                scope_after=facts,
            )
        )
    if entries:
        # Webhooks follow the log: wake their dispatcher once this change is visible.
        transaction.on_commit(request_dispatch)
    return ChangeLogEntry.objects.bulk_create(entries)


def latest_entries(object_ids) -> dict[object, ChangeLogEntry]:
    """Each item's latest shared entry: its action says whether partners may hold the
    item; its facts, the scope it was last published (or removed) with."""
    rows = latest_per_item(ChangeLogEntry.objects.filter(object_id__in=object_ids, partner=None))
    rows = rows.only("object_id", "action", "scope_before", "scope_after")
    return {entry.object_id: entry for entry in rows}


@transaction.atomic
def apply_scope_change(partner) -> list[ChangeLogEntry]:
    """When a partner's scope has changed since the feed last looked, tell that partner
    alone: a tombstone for each item that left its scope, an upsert for each that came in."""
    current = scope_signature(partner)
    previous = partner.scope_applied
    if previous == current:
        return []
    entries = []
    if previous is not None:
        before, after = Scope(signature=previous), Scope(signature=current)
        for resource in MODELS:
            was = in_scope(before, resource)
            now = in_scope(after, resource)
            entries += [
                ChangeLogEntry(
                    resource=resource,
                    object_id=object_id,
                    locale=locale or "",
                    action=ChangeLogEntry.Action.DELETE,
                    reason=ChangeLogEntry.Reason.SCOPE,
                    partner=partner,
                )
                for object_id, locale in sorted(was.items() - now.items(), key=str)
            ]
            entries += [
                ChangeLogEntry(
                    resource=resource,
                    object_id=object_id,
                    locale=locale or "",
                    action=ChangeLogEntry.Action.UPSERT,
                    reason=ChangeLogEntry.Reason.SCOPE,
                    partner=partner,
                )
                for object_id, locale in sorted(now.items() - was.items(), key=str)
            ]
    lock_change_log()
    created = ChangeLogEntry.objects.bulk_create(entries)
    type(partner).objects.filter(pk=partner.pk).update(scope_applied=current)
    partner.scope_applied = current
    return created


def in_scope(scope: Scope, resource: str) -> dict:
    """{uuid: locale code} of the public items of one type that a scope covers."""
    if not scope.allows_type(resource):
        return {}
    queryset = scope.filter(resource, public_queryset(resource))
    if hasattr(queryset.model, "locale"):
        return dict(queryset.values_list("uuid", "locale__language_code"))
    return dict.fromkeys(queryset.values_list("uuid", flat=True))


def record_generated(pages, terms_by_page: dict, locale) -> list[ChangeLogEntry]:
    """What publishing would have logged for services made in bulk (generate_directory):
    an upsert each, with the scope facts of the terms they were given, in the caller's
    transaction."""
    entries = [
        ChangeLogEntry(
            resource="services",
            object_id=page.uuid,
            locale=locale.language_code,
            action=UPSERT,
            scope_after={
                "type": "services",
                "locale": locale.language_code,
                "terms": term_keys_with_ancestors(terms_by_page[page.pk]),
                "areas": sorted(page.service_areas),
            },
        )
        for page in pages
    ]
    lock_change_log()
    pending(pages, "generated")
    return ChangeLogEntry.objects.bulk_create(entries)
