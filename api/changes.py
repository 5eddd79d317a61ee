"""The change log's one entry point outside the publication writer: a partner's own
entries when its scope changes.

Every other entry is written by the writer (`api.publication.writer`) as it stores,
changes or removes a document. Read by the changes feed and the webhook dispatcher.
"""

from django.db import transaction

from api.models import ChangeLogEntry
from api.public import MODELS
from api.publication.reading import documents_in_scope
from api.publication.writer import lock_publication
from api.scope import Scope, scope_signature


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
                    locale=locale,
                    action=ChangeLogEntry.Action.DELETE,
                    reason=ChangeLogEntry.Reason.SCOPE,
                    version=version,
                    partner=partner,
                )
                for object_id, (locale, version) in sorted(was.items() - now.items(), key=str)
            ]
            entries += [
                ChangeLogEntry(
                    resource=resource,
                    object_id=object_id,
                    locale=locale,
                    action=ChangeLogEntry.Action.UPSERT,
                    reason=ChangeLogEntry.Reason.SCOPE,
                    version=version,
                    partner=partner,
                )
                for object_id, (locale, version) in sorted(now.items() - was.items(), key=str)
            ]
    lock_publication()  # entries commit in id order, as the writer's do
    created = ChangeLogEntry.objects.bulk_create(entries)
    type(partner).objects.filter(pk=partner.pk).update(scope_applied=current)
    partner.scope_applied = current
    return created


def in_scope(scope: Scope, resource: str) -> dict:
    """{uuid: (locale code, version)} of the stored (public) items of one type that a
    scope covers."""
    rows = documents_in_scope(scope, resource).values_list("object_id", "locale", "version")
    return {object_id: (locale, version) for object_id, locale, version in rows}
