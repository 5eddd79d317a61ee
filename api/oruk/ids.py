"""Stable UUIDs for the ORUK records that have no `uuid` field of their own.

Each is a name-based UUID (uuid5) of something that never changes: the parent
record's public id and the inline row's translation key (which survives every
publish, and is unique per locale). Editing a row keeps its ids; deleting and
re-adding it makes new ones, as it should.
"""

import uuid

from cms.models import NAMESPACE_LOCAL_OFFER

NAMESPACE_ORUK = uuid.uuid5(NAMESPACE_LOCAL_OFFER, "open-referral-uk")


def derived_id(kind: str, *parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE_ORUK, ":".join([kind, *map(str, parts)])))


def row_id(kind: str, service, row) -> str:
    """An inline row of a service (location, schedule, contact) as a `kind` record."""
    return derived_id(kind, service.uuid, row.translation_key)


def taxonomy_id(vocabulary: str) -> str:
    return derived_id("taxonomy", vocabulary)
