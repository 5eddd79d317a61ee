"""The test suite: real PostgreSQL and Redis, defaulting to the local servers."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/localoffer")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
# A busy test machine can keep a healthy Redis waiting longer than production would.
os.environ.setdefault("REDIS_CONNECT_TIMEOUT", "1")
os.environ.setdefault("REDIS_SOCKET_TIMEOUT", "1")


def _own_redis_and_data_for_each_worker() -> None:
    """A pytest-xdist worker starts with the environment of the process that started it.
    pytest-django gives each worker its own test database (test_…_gw1); this gives each
    its own Redis database (REDIS_URL's, less the worker's number: 15, 14, …) and data
    folder, once. Processes a test starts inherit them as they are, and a data folder
    given to one outside a worker is kept."""
    os.environ.setdefault("LOCAL_DATA_DIR", tempfile.mkdtemp(prefix="localoffer-test-"))
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker or os.environ.get("TEST_SETTINGS_WORKER") == worker:
        return
    os.environ["TEST_SETTINGS_WORKER"] = worker
    os.environ["LOCAL_DATA_DIR"] = tempfile.mkdtemp(prefix="localoffer-test-")
    url = urlsplit(os.environ["REDIS_URL"])
    database = int(url.path.strip("/") or 0) - int(worker.removeprefix("gw"))
    os.environ["REDIS_URL"] = urlunsplit(url._replace(path=f"/{database}"))


_own_redis_and_data_for_each_worker()

from .base import *  # noqa: E402, F403
from .base import LOCAL_DATA_DIR  # noqa: E402

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = LOCAL_DATA_DIR / "media"
# Tests that are about the Celery path switch to it explicitly; the rest run
# Wagtail's background work in-process so indexes are current when they look.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Documents are rendered in process, in the transaction that publishes (tests that are
# about the worker's path switch it off).
PUBLICATION_RENDER_IMMEDIATELY = True
WEBHOOK_ALLOW_LOOPBACK = True  # receivers on this machine, over plain http
# Bounce intakes (docs/bounces.md): every provider webhook on, with known secrets.
BOUNCE_WEBHOOK_PROVIDERS = ["amazon_ses", "mailgun", "postmark", "sendgrid"]
ANYMAIL = {
    "WEBHOOK_SECRET": "anymail-test:webhook-secret",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "test-mailgun-signing-key",
}
# The sign-in lockout needs the request at every authenticate() (the test client's login()
# has none) and would count other tests' failed sign-ins: it is switched on by the tests
# that are about it (tests/test_login_lockout.py).
AXES_ENABLED = False
