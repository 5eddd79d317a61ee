"""The daily stale-listing scan over the whole directory, timed and counted.

Run by bench/run.py with the benchmark's environment once the directory holds
BENCH_STALE_LISTINGS listings; prints one JSON object on its last line. The scan runs
twice: the first raises the alerts, the second (the daily case) finds nothing new.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from alerts.models import MaintainerAlert  # noqa: E402
from tasks.listings import REVIEWABLE_MODELS, current_listings  # noqa: E402
from tasks.stale import check_stale_listings  # noqa: E402


def timed_scan() -> dict:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        scan = check_stale_listings()
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "queries": len(queries.captured_queries),
        "raised": scan.alerts_raised,
        "resolved": scan.alerts_resolved,
    }


listings = sum(current_listings(model).count() for model in REVIEWABLE_MODELS)
first = timed_scan()
second = timed_scan()
print(
    json.dumps(
        {
            "listings": listings,
            "first": first,
            "second": second,
            "open_alerts": MaintainerAlert.objects.open().count(),
        }
    )
)
