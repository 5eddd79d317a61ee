"""The changes feed: what changed in a partner's scope since its cursor.

Only each item's latest change is returned (a partner needs the present state, once),
oldest first. A cursor remembers how far the partner has read (`after`) and, for a
partner that started from nothing, where its first full read began (`since`):
tombstones before that point are of items it never had, so they are left out.
Change-log numbers commit in order (see api.changes), so a change made while a
partner pages through always lands after its cursor: nothing is missed.
"""

from dataclasses import dataclass

from django.core import signing
from django.db.models import Exists, OuterRef, Q

from api.models import ChangeLogEntry
from api.publication.models import PublishedDocument
from api.publication.reading import READ_FIELDS
from api.queries import latest_change_id
from api.scope import Scope

CURSOR_SALT = "api.changes.cursor"
CURSOR_SIGNER = signing.Signer(salt=CURSOR_SALT)


def timestamped_cursor(value: str):
    """A cursor as given out before cursors became stable (signed with a timestamp)."""
    return signing.loads(value, salt=CURSOR_SALT)


UPSERT, DELETE = ChangeLogEntry.Action.UPSERT, ChangeLogEntry.Action.DELETE


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Cursor:
    after: int
    since: int

    def encode(self) -> str:
        """Signed, without a timestamp: the same position is always the same text, so a
        client polling with its latest cursor asks the same URL (and gets a 304)."""
        return CURSOR_SIGNER.sign_object({"a": self.after, "s": self.since}, compress=True)

    @classmethod
    def decode(cls, value: str) -> "Cursor":
        for unsign in (CURSOR_SIGNER.unsign_object, timestamped_cursor):
            try:
                data = unsign(value)
                return cls(after=int(data["a"]), since=int(data["s"]))
            except (signing.BadSignature, KeyError, TypeError, ValueError):
                continue
        raise BadCursor("Not a cursor this feed gave out.")

    @classmethod
    def start(cls) -> "Cursor":
        """From nothing: every current item, then what follows."""
        return cls(after=0, since=latest_change_id())

    @classmethod
    def head(cls) -> "Cursor":
        """From now: only what changes after this moment."""
        latest = latest_change_id()
        return cls(after=latest, since=latest)


@dataclass
class Change:
    entry: ChangeLogEntry
    action: str
    row: PublishedDocument | None = None  # the stored document an upsert announces


def stored_documents(entries) -> dict:
    """The current stored documents of the items these entries upsert, by id: what is
    public now, by the store's rule, and what each upsert embeds as its `item`."""
    ids = [entry.object_id for entry in entries if entry.action == UPSERT]
    rows = PublishedDocument.objects.current().filter(object_id__in=ids).only(*READ_FIELDS)
    return {row.object_id: row for row in rows}


def visible_entries(partner):
    mine = Q(partner=None) | Q(partner=partner)
    newer = ChangeLogEntry.objects.filter(
        mine, object_id=OuterRef("object_id"), id__gt=OuterRef("id")
    )
    return ChangeLogEntry.objects.filter(mine).filter(~Exists(newer)).order_by("id")


def decide(entry: ChangeLogEntry, scope: Scope, public_ids: set, cursor: Cursor) -> str | None:
    """upsert, delete, or None (nothing this partner needs to hear)."""
    may_have_it = entry.id > cursor.since
    if entry.partner_id is not None:
        return entry.action
    if entry.action == UPSERT:
        if scope.allows(entry.scope_after) and entry.object_id in public_ids:
            return UPSERT
        held = scope.allows(entry.scope_before) or scope.allows(entry.scope_after)
        return DELETE if may_have_it and held else None
    return DELETE if may_have_it and scope.allows(entry.scope_before) else None


def read_changes(
    partner,
    cursor: Cursor,
    limit: int,
    types: list[str] | None = None,
    scope: Scope | None = None,
) -> tuple[list[Change], Cursor, bool]:
    scope = scope or Scope(partner)
    entries = visible_entries(partner)
    if types:
        entries = entries.filter(resource__in=types)
    changes: list[Change] = []
    after = cursor.after
    chunk = max(limit * 2, 50)
    while len(changes) < limit:
        rows = list(entries.filter(id__gt=after)[:chunk])
        if not rows:
            return changes, Cursor(after=after, since=cursor.since), False
        stored = stored_documents(rows)
        for entry in rows:
            after = entry.id
            action = decide(entry, scope, stored.keys(), cursor)
            if action is not None:
                row = stored.get(entry.object_id) if action == UPSERT else None
                changes.append(Change(entry, action, row))
                if len(changes) == limit:
                    break
    has_more = entries.filter(id__gt=after).exists()
    return changes, Cursor(after=after, since=cursor.since), has_more
