"""Queries per request, counted in-process with Django's test client.

Run by bench/run.py with the benchmark's environment (DJANGO_SETTINGS_MODULE,
DATABASE_URL, ...) and BENCH_API_KEY; prints one JSON object on its last line.
Each URL is requested once to warm per-process caches; the cache is then emptied and a
second call counted, so the counts are those of building the answer.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Api-Key {os.environ['BENCH_API_KEY']}")


def count(path: str, expect: int = 200, **headers) -> int:
    client.get(path, **headers)  # per-process work: the site, the key's last use
    cache.clear()  # then count the work itself, not a page the cache holds
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    if response.status_code != expect:
        raise SystemExit(f"{path}: expected {expect}, got {response.status_code}")
    return len(queries)


def main() -> None:
    first = client.get("/api/v1/services/?page_size=1")
    service_id = first.json()["results"][0]["id"]
    etag = client.get("/api/v1/services/?page_size=50")["ETag"]
    counts = {
        "list_10": count("/api/v1/services/?page_size=10"),
        "list_50": count("/api/v1/services/?page_size=50"),
        "list_100": count("/api/v1/services/?page_size=100"),
        "detail": count(f"/api/v1/services/{service_id}/"),
        "not_modified": count("/api/v1/services/?page_size=50", 304, HTTP_IF_NONE_MATCH=etag),
        "changes_500": count("/api/v1/changes/?page_size=500"),
    }
    for limit in (10, 50, 100):
        counts[f"v2_{limit}"] = count(
            f"/api/v2/pages/?type=directory.ServicePage&fields=*&limit={limit}"
        )
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
