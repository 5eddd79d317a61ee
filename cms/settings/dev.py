"""Local development: starts with no environment at all (embedded defaults)."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# Browsable API pages are handy when exploring the feed by hand.
API_BROWSABLE = True
WEBHOOK_ALLOW_LOOPBACK = True  # receivers on this machine, over plain http
