"""A redis-server of a test's own, on a spare port, that the test can kill, pause and
bring back, and the settings that point the cache, the rate limits and the Celery
broker at it."""

import os
import signal
import subprocess
import time
from contextlib import contextmanager

import redis
from django.conf import settings
from django.test import override_settings

from api.resources.base import IN_PROCESS_COUNTS
from cms.celery import app as celery_app
from cms.redis import _client_for, breaker_for
from tests.conftest import free_port


class RedisServer:
    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.started: list[subprocess.Popen] = []

    def start(self) -> None:
        self.log = self.folder / f"redis-{time.monotonic_ns()}.log"
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
            + ["--logfile", str(self.log)],
        )
        self.started.append(self.process)
        probe = redis.Redis(port=self.port, socket_connect_timeout=2, socket_timeout=2)
        deadline = time.monotonic() + 20
        while True:
            try:
                probe.ping()
                return
            except (redis.ConnectionError, redis.TimeoutError) as error:
                if time.monotonic() > deadline:
                    log = self.log.read_text() if self.log.exists() else ""
                    raise AssertionError(f"redis-server: {self.process.poll()}\n{log}") from error
                time.sleep(0.02)
            finally:
                probe.close()

    def kill(self) -> None:
        """Gone: connections are refused."""
        self.process.kill()
        self.process.wait()

    def pause(self) -> None:
        """Unresponsive: the kernel still accepts connections, nothing ever answers."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def make_read_only(self) -> None:
        """Answering, but refusing writes (READONLY), as a replica does after a failover."""
        self.client().replicaof("127.0.0.1", "1")

    def make_writable(self) -> None:
        self.client().replicaof("NO", "ONE")

    def stop(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()  # SIGKILL ends a paused process too
                process.wait()

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=2)


@contextmanager
def broker_at(url: str):
    """Celery's broker and result backend at `url`, new connections included."""
    conf = celery_app.conf
    original = conf.broker_url, conf.result_backend

    def reset_pools():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        # The result backend is made once per thread, on the URL of its time.
        celery_app._local.__dict__.pop("backend", None)

    conf.broker_url = conf.result_backend = url
    reset_pools()
    try:
        yield
    finally:
        conf.broker_url, conf.result_backend = original
        reset_pools()


@contextmanager
def everything_on(server: RedisServer, **extra_settings):
    """The cache, the rate limits and the broker on `server`, as with REDIS_URL set to it."""
    caches = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    settings_on_server = override_settings(REDIS_URL=server.url, CACHES=caches, **extra_settings)
    with settings_on_server, broker_at(server.url):
        IN_PROCESS_COUNTS.clear()
        try:
            yield server
        finally:
            IN_PROCESS_COUNTS.clear()
            breaker_for.cache_clear()
            _client_for.cache_clear()
