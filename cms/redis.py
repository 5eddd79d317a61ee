"""Redis itself, for the few things Django's cache API cannot do in one round trip
(atomic counters with an expiry), and the circuit breaker every user of Redis shares.
None when the project runs without Redis.

Redis holds nothing the project cannot do without for a while: the cache, the shared
rate-limit counters and the Celery queue. When it stops answering, each caller falls back
(a cache miss, a count in this process, a task left to the sweep) and the breaker keeps
the process from dialling a dead server on every call: after a failure, callers skip
Redis for `REDIS_RETRY_SECONDS`, then one caller tries again, and the first success
closes the breaker for everyone.
"""

import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

import redis
from django.conf import settings
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

T = TypeVar("T")

# What an unreachable, unresponsive or unwritable server raises (refused, reset, timed
# out; a read-only replica after a failover; out of memory).
UNAVAILABLE: tuple[type[Exception], ...] = (
    redis.ConnectionError,
    redis.TimeoutError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.OutOfMemoryError,
)


def connection_options() -> dict:
    """Timeouts for every Redis connection the web tier opens: a dead or paused server
    costs a request a fraction of a second, not a hang. No retry inside redis-py: the
    breaker decides when to try again."""
    return {
        "socket_connect_timeout": settings.REDIS_CONNECT_TIMEOUT,
        "socket_timeout": settings.REDIS_SOCKET_TIMEOUT,
        "retry": Retry(NoBackoff(), 0),
    }


@functools.cache
def _client_for(url: str) -> redis.Redis:
    # One client, hence one connection pool, per process and URL.
    return redis.Redis.from_url(url, **connection_options())


def redis_client() -> redis.Redis | None:
    return _client_for(settings.REDIS_URL) if settings.REDIS_URL else None


def server_name(location: str) -> str:
    """A server's URL (or Django's list of them) for logs: never its password."""
    names = []
    for url in location.replace(";", ",").split(","):
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
        names.append(
            f"{parts.scheme}://{parts.hostname}{port}{parts.path}" if parts.scheme else url
        )
    return ",".join(names)


class Breaker:
    """Whether to call a Redis server now, shared by every thread of the process."""

    def __init__(self, location: str):
        self.name = server_name(location)
        self._lock = threading.Lock()
        self._closed = True
        self._probing = False
        self._retry_at = 0.0
        self._down_since = 0.0

    def allows(self) -> bool:
        if self._closed:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            # This caller tries; the others keep skipping until it has an answer.
            self._retry_at = now + settings.REDIS_RETRY_SECONDS
            self._probing = True
            return True

    def failed(self, error: Exception) -> None:
        with self._lock:
            if not (self._closed or self._probing):
                return  # a call begun before the breaker opened: already said
            now = time.monotonic()
            if self._closed:
                self._down_since = now
            self._closed = self._probing = False
            self._retry_at = now + settings.REDIS_RETRY_SECONDS
        # Once per retry interval and process, not once per request.
        logger.warning(
            "Redis at %s is unreachable (%s: %s): the cache is bypassed, rate limits "
            "count in this process and tasks wait for the sweep; next try in %s s",
            self.name,
            type(error).__name__,
            error,
            settings.REDIS_RETRY_SECONDS,
        )

    def succeeded(self) -> None:
        if self._closed:
            return
        with self._lock:
            if self._closed:
                return
            self._closed, self._probing = True, False
            down_for = time.monotonic() - self._down_since
        logger.warning("Redis at %s answers again after %.1f s", self.name, down_for)

    def run(
        self,
        operation: Callable[[], T],
        fallback: Callable[[], T],
        errors: tuple[type[Exception], ...] = UNAVAILABLE,
    ) -> T:
        """operation(), or fallback() while the server is unreachable."""
        if self.allows():
            try:
                result = operation()
            except errors as error:
                self.failed(error)
            else:
                self.succeeded()
                return result
        return fallback()


@functools.cache
def breaker_for(location: str) -> Breaker:
    """The one breaker of a server (a URL, or Django's LOCATION list): the cache, the
    rate limits and the broker on one Redis learn of an outage together."""
    return Breaker(location)
