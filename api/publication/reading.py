"""Reading the store for one reader: which stored documents its scope covers, and each
as it may have it. Every reader of the store (the v1 resources, ORUK, the changes feed,
webhooks) goes through here, so a scope means the same thing everywhere."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from api.publication.models import PublishedDocument
from api.publication.narrow import narrow
from api.scope import AREA_SCOPED, TERM_SCOPED, Scope, json_list_has_any

# What reading a stored document needs: the document, and the facts of what it points to.
READ_FIELDS = ("object_id", "source_pk", "document", "links")


def documents_in_scope(
    scope: Scope, resource: str | None = None, now: datetime | None = None
) -> QuerySet[PublishedDocument]:
    """The current stored documents (of one resource, or of every type the scope allows)
    that `scope` covers: the store's columns hold the same facts `Scope.allows` reads."""
    rows = PublishedDocument.objects.current(now)
    if resource is not None:
        if not scope.allows_type(resource):
            return rows.none()
        rows = rows.filter(resource=resource)
    elif scope.types:
        rows = rows.filter(resource__in=sorted(scope.types))
    if scope.locales:
        # Items without a locale (organisations, clusters) are in every locale's scope.
        rows = rows.filter(Q(locale__in=sorted(scope.locales)) | Q(locale=""))
    if scope.term_keys:
        rows = rows.filter(
            ~Q(resource__in=sorted(TERM_SCOPED)) | json_list_has_any("terms", scope.term_keys)
        )
    if scope.areas:
        rows = rows.filter(
            ~Q(resource__in=sorted(AREA_SCOPED)) | json_list_has_any("areas", scope.areas)
        )
    return rows


def as_read_by(row: PublishedDocument, scope: Scope, now: datetime | None = None) -> dict:
    """A stored document fitted to one reader (`api.publication.narrow`)."""
    return narrow(row.document, row.links, scope, now or timezone.now())
