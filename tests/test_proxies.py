"""TRUSTED_PROXY_COUNT, the one declaration of the proxies in front of the app, as gunicorn
and docker-compose.yml read it (the API's and the login's use of it: tests/api/test_client_ip.py,
tests/test_login_lockout.py)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, bare_environment
from tests.test_compose import compose

GUNICORN = Path(sys.executable).with_name("gunicorn")


def gunicorn_setting(name: str, **env: str) -> str:
    result = subprocess.run(
        [GUNICORN, "--config", "gunicorn.conf.py", "--print-config", "cms.wsgi:application"],
        cwd=REPO_ROOT,
        env={**bare_environment(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # One `name = value` line per setting, among whatever loading the app logs.
    found = re.search(rf"^{name}\s+= (.*)$", result.stdout, re.MULTILINE)
    assert found, result.stdout
    return found.group(1).strip()


@pytest.mark.parametrize(
    ("env", "allowed"),
    [({}, "[]"), ({"TRUSTED_PROXY_COUNT": "0"}, "[]"), ({"TRUSTED_PROXY_COUNT": "1"}, "['*']")],
)
def test_gunicorn_trusts_forwarded_headers_only_behind_declared_proxies(env, allowed):
    assert gunicorn_setting("forwarded_allow_ips", **env) == allowed


def test_compose_declares_no_proxy_in_front_of_web_and_gunicorn_reads_the_config():
    services = yaml.safe_load(compose("config").stdout)["services"]
    web = services["web"]
    assert web["environment"]["TRUSTED_PROXY_COUNT"] == "0"
    command = " ".join(web["command"]) if isinstance(web["command"], list) else web["command"]
    assert "--config gunicorn.conf.py" in command
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    assert '"--config", "gunicorn.conf.py"' in dockerfile
