"""Local development: starts with no environment at all (embedded defaults)."""

from .base import *  # noqa: F403
from .base import LOGGING, SECRET_KEY, env

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# Browsable API pages are handy when exploring the feed by hand.
API_BROWSABLE = True
WEBHOOK_ALLOW_LOOPBACK = True  # receivers on this machine, over plain http

# `make run` shows web, worker and beat in one terminal: one line per job (the worker's
# "succeeded"), not its "received" too, nor beat's "sending" for each scheduled one, nor
# axes' banner from every process.
LOGGING["loggers"].update(
    {
        "celery.worker.strategy": {"level": "WARNING"},
        "celery.beat": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},
    }
)
