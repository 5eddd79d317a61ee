"""docker-compose.yml checked by Debian's docker-compose (no Docker engine needed)."""

import shutil
import subprocess

import yaml

from tests.conftest import REPO_ROOT

SERVICES = {"db", "redis", "web", "worker", "beat"}


def compose(*args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("docker-compose")
    assert executable, "docker-compose is not installed: run `make test-tools`"
    return subprocess.run(
        [executable, "--env-file", ".env.example", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_compose_file_is_valid():
    result = compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_compose_defines_the_five_services_with_healthchecks():
    result = compose("config")
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    assert set(services) == SERVICES
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no healthcheck"


def test_web_starts_after_the_database_and_migrates_before_serving():
    services = yaml.safe_load(compose("config").stdout)["services"]
    web = services["web"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    command = " ".join(web["command"]) if isinstance(web["command"], list) else web["command"]
    assert command.index("migrate") < command.index("gunicorn")
    for name in ("worker", "beat"):
        assert services[name]["depends_on"]["web"]["condition"] == "service_healthy"
