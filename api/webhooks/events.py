"""From change-log entries to the webhook events one partner should receive.

The same log feeds /api/v1/changes/; here each entry is judged on its own (partners
are pushed every change, not just the latest state) against what the partner was told
before: the last event it was sent about the item, or failing that (an endpoint
created after the item was published) the item's previous entry in the log.
"""

from dataclasses import dataclass

from api.models import ChangeLogEntry
from api.scope import Scope
from api.webhooks.links import Links
from api.webhooks.models import Event

UPSERT, DELETE = ChangeLogEntry.Action.UPSERT, ChangeLogEntry.Action.DELETE
HOLDING = {Event.PUBLISHED, Event.UPDATED}  # after these, the partner holds the item
# Not an event: what an upsert of an item no longer public leaves a partner that did not
# hold it. It still does not, whatever the log's earlier entries say.
WITHHELD = "withheld"


@dataclass
class History:
    """What one partner was last told about one item, or else the item's last entry."""

    told: str | None = None
    previous: ChangeLogEntry | None = None

    def holds(self, scope: Scope) -> bool:
        if self.told is not None:
            return self.told in HOLDING
        return (
            self.previous is not None
            and self.previous.action == UPSERT
            and scope.allows(self.previous.scope_after)
        )


def classify(
    entry: ChangeLogEntry,
    scope: Scope,
    history: History,
    *,
    public: bool = True,
    deleted: bool = False,
) -> str | None:
    """The event this entry means to the partner, or None if it means nothing to them.
    Entries are taken at face value, so a backlog (an endpoint switched back on) replays
    each change as it happened; the links in the payloads give the present state.
    `public` says whether the item is public now, as the entry is dispatched: one that
    has stopped being public since its upsert is never announced, and a partner holding
    it hears once that it is gone (the entries that follow then mean nothing more):
    `content.deleted` if the item has been `deleted` since, whichever entry says so first."""
    holds = history.holds(scope)
    if entry.action == UPSERT and not public:
        if not holds:
            return None
        return Event.DELETED if deleted else Event.UNPUBLISHED
    if entry.partner_id is not None:  # the partner's own scope changed
        return Event.OUT_OF_SCOPE if entry.action == DELETE else Event.PUBLISHED
    if entry.action == UPSERT:
        if not scope.allows(entry.scope_after):
            return Event.OUT_OF_SCOPE if holds else None
        return Event.UPDATED if holds else Event.PUBLISHED
    if not holds:  # never told, or told it was gone already
        return None
    if entry.reason == ChangeLogEntry.Reason.DELETED or deleted:
        return Event.DELETED
    return Event.UNPUBLISHED


def payload(event: str, entry: ChangeLogEntry, links: Links | None) -> dict:
    """What the partner is sent: ids and links, never content. The links are those of
    an item announced; a removal has none (its v1 URL answers 404 by then)."""
    if event not in HOLDING:
        links = None
    return {
        "type": event,
        "timestamp": entry.modified.isoformat(),
        "data": {
            "id": str(entry.object_id),
            "resource": entry.resource,
            "locale": entry.locale or None,
            "url": links.url if links else None,
            "api_url": links.api_url if links else None,
            "modified": entry.modified.isoformat(),
            "version": entry.version,
        },
    }
