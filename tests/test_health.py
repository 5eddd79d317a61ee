import json

import pytest
from django.test import override_settings

from cms.celery import app as celery_app
from tasks.heartbeat import record_heartbeat
from tests.conftest import bare_environment, run_manage
from tests.redis_server import RedisServer, everything_on

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_healthy_when_database_cache_and_broker_answer(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_reports_the_scheduler_heartbeat(client, db):
    assert client.get("/health/").json()["scheduler"]["status"] == "unknown"
    record_heartbeat()
    scheduler = client.get("/health/").json()["scheduler"]
    assert scheduler["status"] == "ok"
    assert scheduler["age_seconds"] < 60


def test_unavailable_naming_the_cache_when_it_does_not_answer(client, db):
    broken_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
        }
    }
    with override_settings(CACHES=broken_cache):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"]["error"].startswith("ConnectionError")
    assert body["checks"]["database"]["status"] == "ok"


@pytest.fixture
def unreachable_broker():
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = UNREACHABLE_REDIS
    yield
    celery_app.conf.broker_url = original


def test_unavailable_naming_the_broker_when_it_does_not_answer(client, db, unreachable_broker):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["broker"]
    assert body["checks"]["broker"]["status"] == "error"


def test_unavailable_naming_the_database_when_it_does_not_answer(tmp_path):
    # A process whose database is unreachable, asked through Django's test client.
    script = (
        "from django.test import Client; r = Client().get('/health/'); "
        "print(r.status_code); print(r.content.decode())"
    )
    env = bare_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unreachable",
        LOCAL_DATA_DIR=str(tmp_path),
    )
    result = run_manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    assert json.loads(body)["failing"] == ["database"]


def test_only_get(client, db):
    assert client.post("/health/").status_code == 405


@pytest.mark.parametrize("outage", ["killed", "paused"])
def test_redis_down_names_the_cache_and_the_broker_and_no_address(
    client, db, tmp_path, caplog, outage
):
    server = RedisServer(tmp_path)
    server.start()
    try:
        with everything_on(server):
            assert client.get("/health/").status_code == 200
            getattr(server, "kill" if outage == "killed" else "pause")()
            response = client.get("/health/")
    finally:
        server.stop()
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["failing"] == ["broker", "cache"]
    assert body["checks"]["database"]["status"] == "ok"
    assert body["scheduler"] == {"status": "unknown"}
    text = response.content.decode()
    for secret in ("127.0.0.1", str(server.port), "localhost", "connecting", "redis://"):
        assert secret not in text
    # The operator reads the details in the log.
    logged = [record.getMessage() for record in caplog.records if record.name == "cms.health"]
    assert logged == [
        f"Health check cache ({server.url}) failed",
        f"Health check broker ({server.url}) failed",
    ]
