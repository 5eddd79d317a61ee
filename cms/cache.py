"""The cache: Django's Redis cache, made to survive Redis going away, and keys that
cannot collide between two databases sharing one Redis.

A cache is an optimisation: while Redis is unreachable every read is a miss and every
write is dropped, so the site keeps answering from the database. The breaker in
cms.redis keeps a dead server from being dialled on every call and notices its return.
"""

import hashlib
import logging
import uuid

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction

from cms.redis import breaker_for

logger = logging.getLogger(__name__)


class ResilientRedisCache(BaseCache):
    """RedisCache whose outages are misses. `unguarded` is the plain RedisCache behind it,
    for callers that must see the failure (the health check)."""

    def __init__(self, server, params):
        super().__init__(params)
        self.unguarded = RedisCache(server, params)
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server))

    def _run(self, operation, *args, fallback=None, **kwargs):
        return self.breaker.run(lambda: operation(*args, **kwargs), lambda: fallback)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Nothing was stored: a caller using add() as a lock must not think it holds one.
        return self._run(self.unguarded.add, key, value, timeout, version, fallback=False)

    def get(self, key, default=None, version=None):
        return self._run(self.unguarded.get, key, default, version, fallback=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._run(self.unguarded.set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._run(self.unguarded.touch, key, timeout, version, fallback=False)

    def delete(self, key, version=None):
        return self._run(self.unguarded.delete, key, version, fallback=False)

    def get_many(self, keys, version=None):
        return self._run(self.unguarded.get_many, keys, version, fallback={})

    def has_key(self, key, version=None):
        return self._run(self.unguarded.has_key, key, version, fallback=False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._run(self.unguarded.incr, key, delta, version, fallback=missing)
        if value is missing:  # as for any key the cache does not hold
            raise ValueError(f"Key '{key}' not found.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that could not be stored: all of them, while Redis is away.
        return self._run(self.unguarded.set_many, data, timeout, version, fallback=list(data))

    def delete_many(self, keys, version=None):
        self._run(self.unguarded.delete_many, keys, version)

    def clear(self):
        return self._run(self.unguarded.clear, fallback=False)

    def close(self, **kwargs):
        self.unguarded.close(**kwargs)


# Keys made while the database cannot say who it is: private to this process, so
# they can neither match another database's entries nor be found again by another.
_PROCESS_ONLY = f"process-{uuid.uuid4().hex[:12]}"
_namespaces: dict[str, str] = {}


def database_namespace() -> str:
    """A short name for this database, different for every database sharing the cache.

    Looked up once per process (per database name). PostgreSQL gives each database an
    oid of its own, and each cluster a system identifier; a copy made from a template
    or restored from a dump gets a new oid, while the epoch row (made by a migration)
    tells apart databases that were migrated separately.
    """
    name = str(connection.settings_dict["NAME"])
    if name not in _namespaces:
        try:
            _namespaces[name] = _look_up_namespace()
        except Exception as error:
            # Down, or not migrated yet: tried again at the next key.
            logger.info("Cache keys are private to this process for now (%s)", error)
            return _PROCESS_ONLY
    return _namespaces[name]


def _look_up_namespace() -> str:
    from cms.models import CacheEpoch

    # A savepoint: a failure here must not break the caller's transaction.
    with transaction.atomic():
        parts = [CacheEpoch.current()]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT (SELECT system_identifier FROM pg_control_system()), oid"
                    " FROM pg_database WHERE datname = current_database()"
                )
                parts += [str(value) for value in cursor.fetchone()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def make_key(key: str, key_prefix: str, version) -> str:
    """Django's cache key, with this database's namespace after the prefix (KEY_FUNCTION)."""
    return f"{key_prefix}:{database_namespace()}:{version}:{key}"
