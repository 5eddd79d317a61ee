"""The test suite: real PostgreSQL and Redis, defaulting to the local servers."""

import os
import tempfile

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/localoffer")
# pytest-django gives each pytest-xdist worker its own test database (test_…_gw0, …);
# this gives each its own Redis database (15, 14, … or down from TEST_REDIS_DB) for the
# cache, throttles and broker.
os.environ.setdefault(
    "REDIS_URL",
    "redis://127.0.0.1:6379/{}".format(
        int(os.environ.get("TEST_REDIS_DB", "15"))
        - int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    ),
)
os.environ.setdefault("LOCAL_DATA_DIR", tempfile.mkdtemp(prefix="localoffer-test-"))
# A busy test machine can keep a healthy Redis waiting longer than production would.
os.environ.setdefault("REDIS_CONNECT_TIMEOUT", "1")
os.environ.setdefault("REDIS_SOCKET_TIMEOUT", "1")

from .base import *  # noqa: F403
from .base import LOCAL_DATA_DIR

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
