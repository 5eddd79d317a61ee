"""The run path: what `make run` starts, on a free port, on embedded defaults
(SQLite, file cache, filesystem broker) in a temporary directory."""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from openapi_spec_validator import validate

from tests.conftest import REPO_ROOT, bare_environment, free_port

START_TIMEOUT = 240


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until(condition, timeout: float, process: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the run command exited early with {process.returncode}")
        try:
            if condition():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    raise AssertionError("timed out waiting for the running instance")


def process_group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


PAGE_TREE_PROBLEMS = (
    "from wagtail.models import Page; print(sum(len(found) for found in Page.find_problems()))"
)


@pytest.fixture
def running_instance(tmp_path):
    port = free_port()
    log_path = tmp_path / "run.log"
    env = bare_environment(LOCAL_DATA_DIR=str(tmp_path / "data"), HEARTBEAT_INTERVAL="1")
    with log_path.open("w") as log:
        process = subprocess.Popen(
            # As `make run` runs it: runserver with its autoreloader (a child process).
            [sys.executable, "manage.py", "runlocal", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, like a terminal's job
        )
    base = f"http://127.0.0.1:{port}"
    try:
        yield process, base, log_path, env
    finally:
        # A test that failed half way leaves it running. Its children each have a process
        # group of their own, out of reach of a signal to its group: stop them by name.
        for pgid in [process.pid, *started_groups(log_path.read_text())]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        process.wait()


def started_groups(output: str) -> list[int]:
    """honcho starts web, worker and beat each in a process group of its own."""
    return [int(pid) for pid in re.findall(r"(?:web|worker|beat) started \(pid=(\d+)\)", output)]


def test_run_serves_admin_api_docs_and_health_then_stops_on_ctrl_c(running_instance):
    process, base, log_path, env = running_instance

    def healthy():
        status, body = get(f"{base}/health/")
        return status == 200 and json.loads(body)["status"] == "ok"

    try:
        wait_until(healthy, START_TIMEOUT, process)

        status, _ = get(f"{base}/admin/login/")
        assert status == 200

        status, body = get(f"{base}/api/v1/schema/?format=json")
        assert status == 200
        schema = json.loads(body)
        validate(schema)
        assert schema["openapi"].startswith("3.")

        status, body = get(f"{base}/api/v1/")
        assert status == 200
        assert json.loads(body)["schema"] == f"{base}/api/v1/schema/"

        status, body = get(f"{base}/api/v1/docs/")
        assert status == 200
        assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/" in body

        # The demo content and the admin account were made before serving.
        status, body = get(f"{base}/")
        assert status == 200
        assert b"Essex Local Offer" in body
        status, body = get(f"{base}/pl/")
        assert status == 200
        assert b"Oferta lokalna hrabstwa Essex" in body

        # The page tree's bookkeeping holds after the demo load (a stale child count makes
        # an editor's first translation under a section collide with another page).
        tree = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", PAGE_TREE_PROBLEMS],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert tree.stdout.strip().splitlines()[-1] == "0", tree.stdout + tree.stderr

        # The partner API answers on the embedded database too, filters included.
        created = subprocess.run(
            [sys.executable, "manage.py", "create_partner", "Run check"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        key = created.stdout.strip().splitlines()[-1]
        request = urllib.request.Request(
            f"{base}/api/v1/services/?area=south&age=10&page_size=5",
            headers={"Authorization": f"Api-Key {key}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            services = json.loads(response.read())
        assert services["count"] > 0
        assert all(item["min_age"] <= 10 <= item["max_age"] for item in services["results"])
        # Links name the address served, not the demo site's placeholder one.
        assert all(item["url"].startswith(f"{base}/") for item in services["results"])

        # Scheduled jobs really happen: beat sends the heartbeat, the worker runs it.
        def heartbeat_recorded():
            return "last_heartbeat" in json.loads(get(f"{base}/health/")[1])["scheduler"]

        wait_until(heartbeat_recorded, 120, process)
    finally:
        output = log_path.read_text()
        print(output[-5000:])

    assert f"Sign in at {base}/admin/" in output
    assert "username: admin" in output
    assert "password: " in output
    assert ":8000" not in output

    groups = started_groups(output)
    assert len(groups) == 3

    # Ctrl-C in a terminal signals the whole foreground process group.
    os.killpg(process.pid, signal.SIGINT)
    returncode = process.wait(timeout=40)
    deadline = time.monotonic() + 15
    for pgid in [process.pid, *groups]:
        while process_group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not process_group_alive(pgid), "a process outlived Ctrl-C"

    # A clean start and a clean stop: nothing alarming on the way.
    output = log_path.read_text()
    print(output[-3000:])
    assert returncode == 0
    for alarming in ("ERROR", "Traceback", "SIGKILL", "SIGTERM"):
        assert alarming not in output
    assert "worker stopped (rc=0)" in output
    assert "web stopped (rc=0)" in output
    assert "beat stopped (rc=0)" in output
