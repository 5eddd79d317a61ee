"""Reading settings from the environment.

`env` (environs) parses typed values; `require_env` makes a deployment fail at
start-up, naming every missing variable, instead of running on a fallback.
"""

import os

from django.core.exceptions import ImproperlyConfigured
from environs import Env

env = Env()


def require_env(*names: str) -> None:
    missing = [name for name in names if not os.environ.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(
            "Missing required environment variable(s): "
            + ", ".join(missing)
            + ". Set them (see .env.example) before starting in this mode."
        )
