"""/health/: can this instance serve? Database, cache and Celery broker must answer.

Each check returns a small report; the view answers 200 when every check passes
and 503 naming the failing ones otherwise. The scheduler's last heartbeat is
reported too, for information: a stopped worker does not make the web tier
unhealthy, but an operator should see it.

The page is public, so it names what failed and the kind of error, never the
error's text (which holds host names and ports): that goes to the log.
"""

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.celery import app as celery_app
from cms.heartbeat import last_heartbeat
from cms.redis import server_name

logger = logging.getLogger(__name__)

BROKER_TIMEOUT_SECONDS = 3


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    # The site's cache hides an outage from its readers (cms.cache); this check must not.
    backend = getattr(cache, "unguarded", cache)
    key = f"health:{uuid.uuid4().hex}"
    backend.set(key, "ok", timeout=10)
    try:
        if backend.get(key) != "ok":
            raise RuntimeError("a value written to the cache could not be read back")
    finally:
        backend.delete(key)


def check_broker() -> None:
    with celery_app.connection_for_write() as broker:
        broker.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0.5, timeout=BROKER_TIMEOUT_SECONDS
        )


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


def checked_server(name: str) -> str:
    """Where a check looked, without credentials: for the log, never for the page."""
    if name == "database":
        database = connection.settings_dict
        return f"{database['HOST'] or 'local'}:{database['PORT'] or '-'}/{database['NAME']}"
    if name == "cache":
        return server_name(str(settings.CACHES["default"].get("LOCATION", "")))
    return server_name(celery_app.conf.broker_url)


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # any failure of a dependency is a failed check
            logger.warning("Health check %s (%s) failed", name, checked_server(name), exc_info=True)
            results[name] = {"status": "error", "error": type(error).__name__}
        else:
            results[name] = {"status": "ok"}
        results[name]["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return results


def scheduler_report(cache_answers: bool) -> dict:
    if not cache_answers:  # the heartbeat is kept there: the cache check says why
        return {"status": "unknown"}
    try:
        beat_at = last_heartbeat()
    except Exception:
        return {"status": "unknown"}
    if beat_at is None:
        return {"status": "unknown", "detail": "no heartbeat recorded yet"}
    age = (timezone.now() - beat_at).total_seconds()
    fresh = age <= 3 * settings.HEARTBEAT_INTERVAL
    return {
        "status": "ok" if fresh else "stale",
        "last_heartbeat": beat_at.isoformat(),
        "age_seconds": round(age, 1),
    }


@never_cache
@require_GET
def health(request):
    checks = run_checks()
    failing = sorted(name for name, result in checks.items() if result["status"] != "ok")
    body = {
        "status": "error" if failing else "ok",
        "failing": failing,
        "checks": checks,
        "scheduler": scheduler_report(cache_answers="cache" not in failing),
    }
    return JsonResponse(body, status=503 if failing else 200)
