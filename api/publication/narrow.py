"""Fitting a stored document to one reader: the one place a reader's scope touches a
document's contents (the store decides what is public; the read query, which items)."""

from datetime import datetime

from django.utils import timezone

from api.scope import Scope


def hidden_targets(links: dict, scope: Scope, now: datetime) -> set[str]:
    """The ids a document points to that this reader may not follow: out of its scope,
    or expired since the document was rendered."""
    hidden = set()
    for target, facts in links.get("facts", {}).items():
        expires = facts.get("expires")
        if (expires is not None and datetime.fromisoformat(expires) <= now) or not scope.allows(
            facts
        ):
            hidden.add(target)
    return hidden


def narrow(document: dict, links: dict, scope: Scope, now: datetime | None = None) -> dict:
    """`document` as this reader may have it: every pointer to an item it may not read
    removed (a translation, a related guide or service, a partner's service). The stored
    document is never changed; one that needs nothing removed is returned as it is."""
    if not links:
        return document
    hidden = hidden_targets(links, scope, now or timezone.now())
    if not hidden:
        return document
    document = dict(document)
    for path in links.get("at", []):
        parent, key = _copy_down(document, path)
        value = parent[key]
        if isinstance(value, dict):  # locale → id
            parent[key] = {code: id_ for code, id_ in value.items() if id_ not in hidden}
        else:  # ids, or links with an id
            parent[key] = [
                entry
                for entry in value
                if (entry["id"] if isinstance(entry, dict) else entry) not in hidden
            ]
    return document


def _copy_down(document: dict, path: list):
    """The container holding the last step of `path`, copied on the way down so the
    stored document's nested parts are not changed."""
    node = document
    for step in path[:-1]:
        child = node[step]
        child = dict(child) if isinstance(child, dict) else list(child)
        node[step] = child
        node = child
    return node, path[-1]
