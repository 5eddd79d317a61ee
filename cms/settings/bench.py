"""`make bench` only: production settings plus Wagtail's API v2 as a baseline.

bench/run.py sets the variables production requires (a throwaway key, a scratch
database and Redis database); nothing here is meant for real traffic.
"""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

DEBUG = False
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
# Wagtail's API v2 refuses limit > 20 by default; the baseline asks for 50.
WAGTAILAPI_LIMIT_MAX = 100

# Measure serving, not throttling: no request of the benchmark may be refused (the
# throttles still run and count in Redis).
API_RATE_LIMITS = {
    "partner_key": "100000000/second",
    "client_ip": "100000000/second",
    "oruk_ip": "100000000/second",
    "feedback": "100000000/second",
}
