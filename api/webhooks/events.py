"""From change-log entries to the webhook events one partner should receive.

The same log feeds /api/v1/changes/; here each entry is judged on its own (partners
are pushed every change, not just the latest state) against what the partner was told
before: the last event it was sent about the item, or failing that (an endpoint
created after the item was published) the item's previous entry in the log.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from api.models import ChangeLogEntry
from api.scope import Scope
from api.webhooks.models import Event

UPSERT, DELETE = ChangeLogEntry.Action.UPSERT, ChangeLogEntry.Action.DELETE
HOLDING = {Event.PUBLISHED, Event.UPDATED}  # after these, the partner holds the item


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

    def knows(self, scope: Scope) -> bool:
        if self.told is not None:
            return True
        facts = self.previous and (self.previous.scope_after or self.previous.scope_before)
        return bool(facts) and scope.allows(facts)


def classify(entry: ChangeLogEntry, scope: Scope, history: History) -> str | None:
    """The event this entry means to the partner, or None if it means nothing to them.
    Entries are taken at face value, so a backlog (an endpoint switched back on) replays
    each change as it happened; the links in the payloads give the present state."""
    if entry.partner_id is not None:  # the partner's own scope changed
        return Event.OUT_OF_SCOPE if entry.action == DELETE else Event.PUBLISHED
    holds = history.holds(scope)
    if entry.action == UPSERT:
        if not scope.allows(entry.scope_after):
            return Event.OUT_OF_SCOPE if holds else None
        return Event.UPDATED if holds else Event.PUBLISHED
    if entry.reason == ChangeLogEntry.Reason.DELETED:
        return Event.DELETED if history.knows(scope) else None
    return Event.UNPUBLISHED if holds else None


def payload(event: str, entry: ChangeLogEntry) -> dict:
    url = None
    if event in HOLDING:
        path = reverse(f"api:{entry.resource}-detail", kwargs={"id": entry.object_id})
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return {
        "type": event,
        "timestamp": entry.modified.isoformat(),
        "data": {
            "id": str(entry.object_id),
            "resource": entry.resource,
            "locale": entry.locale or None,
            "url": url,
            "modified": entry.modified.isoformat(),
        },
    }
