"""The one writer of the store and of the change log: render a set of items, upsert
what is public, remove what is not, then the same for whatever shows them, and log each
change, in one transaction.

Everything that changes what partners may get ends here: Wagtail's publishing signals
(through the outbox, `api.publication.outbox`), reviews, scheduled expiry, the snippets
that scope depends on, repairs and rebuilds. So the store, the changes feed and webhooks
can never disagree: a change-log entry is written exactly when a stored document is
added, changed or removed, with the document's new version.
"""

import copy
import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from api.models import ChangeLogEntry
from api.oruk.mapping import timestamp as oruk_timestamp
from api.public import MODELS, RESOURCE_OF_MODEL
from api.publication.dependants import dependants_of
from api.publication.models import PublishedDocument
from api.publication.render import Rendered, render
from api.webhooks.dispatch import request_dispatch
from cms.visibility import collections_read_once

logger = logging.getLogger(__name__)

# Writers take this lock until they commit: two writers rendering the same item in turn
# store the later state, versions never go backwards, and change-log ids commit in
# order (a feed reader past id N never sees a smaller one appear later). The other
# writer of the log, a partner's scope change (api.changes), takes it too.
PUBLICATION_LOCK = 7_243_001
# Dependants of dependants are followed this many rounds deep at most (an organisation's
# successor's services are three): enough for every relation the documents have.
MAX_ROUNDS = 5
# Keys the writer sets on the document itself.
STAMPED = ("version", "last_modified")


@dataclass
class Change:
    resource: str
    source_pk: int
    before: PublishedDocument | None
    after: Rendered | None
    row: PublishedDocument | None = None  # as stored now; None once removed

    def states(self):
        return [state for state in (self.before, self.after) if state is not None]


@dataclass
class Outcome:
    upserted: list[PublishedDocument] = field(default_factory=list)
    removed: list[PublishedDocument] = field(default_factory=list)
    rendered: int = 0

    def __bool__(self):
        return bool(self.upserted or self.removed)


def lock_publication() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLICATION_LOCK])


def refs_of(instances) -> set[tuple[str, int]]:
    """(resource, pk) of those instances that are items of the feed."""
    refs = set()
    for instance in instances:
        model = instance.specific_class if isinstance(instance, Page) else type(instance)
        resource = RESOURCE_OF_MODEL.get(model)
        if resource is not None:
            refs.add((resource, instance.pk))
    return refs


def publish(
    refs: Iterable[tuple[str, int]],
    *,
    follow: bool = True,
    reasons: dict[tuple[str, int], str] | None = None,
) -> Outcome:
    """Bring the store up to date for these items (resource, source pk) and, with
    `follow`, for every document that shows them. `reasons` says why each item changed,
    for its change-log entry (`ChangeLogEntry.Reason`); what shows them changed because
    something related did."""
    outcome = Outcome()
    todo = set(refs)
    reasons = reasons or {}
    with transaction.atomic(), collections_read_once():
        lock_publication()
        done: set[tuple[str, int]] = set()
        for round_ in range(MAX_ROUNDS):
            batch = todo - done
            if not batch:
                break
            done |= batch
            changes = write(batch, outcome)
            log_changes(changes, reasons if round_ == 0 else {}, default=Reason.RELATED)
            if not follow or not changes:
                break
            todo = dependants_of(changes)
        else:
            if todo - done:
                logger.warning("Publication: dependants left after %s rounds", MAX_ROUNDS)
    return outcome


def write(refs: set[tuple[str, int]], outcome: Outcome) -> list[Change]:
    by_resource: dict[str, set[int]] = defaultdict(set)
    for resource, pk in refs:
        by_resource[resource].add(pk)
    changes = []
    now = timezone.now()
    for resource in MODELS:  # a fixed order: locks and versions are taken alike each time
        pks = by_resource.get(resource)
        if not pks:
            continue
        rendered = render(resource, pks)
        outcome.rendered += len(rendered)
        stored = {
            row.source_pk: row
            for row in PublishedDocument.objects.select_for_update().filter(
                resource=resource, source_pk__in=pks
            )
        }
        creates, updates, removals = [], [], []
        for pk in sorted(pks):
            after, before = rendered.get(pk), stored.get(pk)
            if after is None and before is None:
                continue
            if after is None:
                row = None
                removals.append(before)
            elif before is None:
                row = new_row(after, now)
                creates.append(row)
            elif differs(before, after):
                # A copy: `before` stays as partners had it, for dependants and the log.
                row = updated_row(copy.copy(before), after, now)
                updates.append(row)
            else:
                continue
            changes.append(Change(resource, pk, before, after, row))
        if removals:
            PublishedDocument.objects.filter(pk__in=[row.pk for row in removals]).delete()
        PublishedDocument.objects.bulk_create(creates)
        PublishedDocument.objects.bulk_update(updates, ROW_FIELDS)
        outcome.upserted += creates + updates
        outcome.removed += removals
    return changes


Reason = ChangeLogEntry.Reason
# What an outbox row's reason means to partners (the rest are reasons already).
REASON_OF_OUTBOX = {"generated": Reason.PUBLISHED, "expired": Reason.UNPUBLISHED}


def log_changes(changes: list[Change], reasons: dict, default: str) -> None:
    """One change-log entry per change: an upsert with the document's version and scope
    facts, or a tombstone carrying the facts it was stored with (so a partner that held
    it hears of its removal). Webhooks follow the log."""
    entries = []
    for change in changes:
        before, after = change.before, change.after
        reason = reasons.get((change.resource, change.source_pk), default)
        reason = REASON_OF_OUTBOX.get(reason, reason)
        if reason not in Reason.values:
            reason = ""
        current = change.row
        entries.append(
            ChangeLogEntry(
                resource=change.resource,
                object_id=(current or before).object_id,
                locale=(current or before).locale,
                action=ChangeLogEntry.Action.UPSERT if after else ChangeLogEntry.Action.DELETE,
                reason=reason,
                version=current.version if current else before.version,
                modified=current.modified if current else timezone.now(),
                scope_before=before.facts if before else None,
                scope_after=after.facts() if after else None,
            )
        )
    if entries:
        ChangeLogEntry.objects.bulk_create(entries)
        transaction.on_commit(request_dispatch)


ROW_FIELDS = [
    "object_id",
    "locale",
    "translation_key",
    "document",
    "oruk",
    "links",
    "terms",
    "areas",
    "organisation",
    "min_age",
    "max_age",
    "sort_key",
    "title",
    "version",
    "modified",
    "expires_at",
]


def row_values(rendered: Rendered) -> dict:
    return {
        "object_id": rendered.object_id,
        "locale": rendered.locale,
        "translation_key": rendered.translation_key,
        "oruk": rendered.oruk,
        "links": rendered.links,
        "terms": rendered.terms,
        "areas": rendered.areas,
        "organisation": rendered.organisation,
        "min_age": rendered.min_age,
        "max_age": rendered.max_age,
        "sort_key": rendered.sort_key,
        "title": rendered.title,
        "expires_at": rendered.expires_at,
    }


def stamped(document: dict, version: int, modified) -> dict:
    return {**document, "version": version, "last_modified": modified.isoformat()}


def stamped_oruk(record: dict | None, modified) -> dict | None:
    """ORUK's `last_modified` is when its document last changed, as in v1."""
    if record is None or "last_modified" not in record:
        return record
    return {**record, "last_modified": oruk_timestamp(modified)}


def new_row(rendered: Rendered, now) -> PublishedDocument:
    row = PublishedDocument(
        resource=rendered.resource,
        source_pk=rendered.source_pk,
        document=stamped(rendered.document, 1, now),
        version=1,
        modified=now,
        **row_values(rendered),
    )
    row.oruk = stamped_oruk(row.oruk, now)
    return row


def updated_row(row: PublishedDocument, rendered: Rendered, now) -> PublishedDocument:
    row.version += 1
    row.modified = now
    row.document = stamped(rendered.document, row.version, now)
    for name, value in row_values(rendered).items():
        setattr(row, name, value)
    row.oruk = stamped_oruk(row.oruk, now)
    return row


def unstamped(document: dict) -> dict:
    return {key: value for key, value in document.items() if key not in STAMPED}


def differs(row: PublishedDocument, rendered: Rendered) -> bool:
    """Whether the item's stored state is not what it renders to now. Compared as JSON
    values (what was stored went through JSON once)."""
    if unstamped(row.document) != as_json(unstamped(rendered.document)):
        return True
    values = as_json(row_values(rendered))
    current = as_json({name: getattr(row, name) for name in values})
    for record in (values["oruk"], current["oruk"]):
        if record:
            record.pop("last_modified", None)
    return current != values


def as_json(value):
    """`value` as it reads back from a JSON column (ids and moments as text)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))
