"""Redis itself, for the few things Django's cache API cannot do in one round trip
(atomic counters with an expiry). None when the project runs without Redis."""

import functools

import redis
from django.conf import settings


@functools.cache
def _client_for(url: str) -> redis.Redis:
    # One client, hence one connection pool, per process and URL.
    return redis.Redis.from_url(url)


def redis_client() -> redis.Redis | None:
    return _client_for(settings.REDIS_URL) if settings.REDIS_URL else None
