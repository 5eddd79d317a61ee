"""The admin's sign-in locks a username out from one address after too many failures
(django-axes): said on Wagtail's sign-in page, lifted by the cool-off or by a command."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from tests.conftest import bare_environment, run_manage

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"
LOCKED = "Too many failed sign-in attempts for this account"
WRONG = "didn&#x27;t match"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, password, username="editor", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_twelve_wrong_passwords_then_the_right_one_do_not_sign_in(editor):
    client = Client()
    responses = [sign_in(client, f"guess {n}") for n in range(12)]
    assert [r.status_code for r in responses] == [200] * 4 + [429] * 8
    assert all(WRONG in r.text for r in responses[:4])
    # The fifth failure locks: from then on the sign-in page says why, and when to retry.
    for response in responses[4:]:
        assert LOCKED in response.text
        assert "Try again in 15 minutes" in response.text
        assert 'class="login-form"' in response.text  # Wagtail's page, not a bare 403

    right = sign_in(client, PASSWORD)
    assert right.status_code == 429
    assert LOCKED in right.text
    assert not signed_in(client)


def test_the_lockout_is_per_username_and_address(editor):
    get_user_model().objects.create_superuser("other", "other@example.org", PASSWORD)
    for n in range(5):
        sign_in(Client(), f"guess {n}")
    assert sign_in(Client(), PASSWORD).status_code == 429
    # Another account from the same address, the same account from another: unaffected.
    assert sign_in(Client(), PASSWORD, username="other").status_code == 302
    assert sign_in(Client(), PASSWORD, REMOTE_ADDR="192.0.2.9").status_code == 302


def test_a_spoofed_forwarded_for_does_not_escape_the_lockout(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(Client(), f"guess {n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert sign_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_proxy_the_forwarded_client_is_locked_out(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        sign_in(Client(), f"guess {n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7")
    assert sign_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # Every request came from the proxy; another client behind it may still sign in.
    assert sign_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


def test_after_the_cool_off_the_right_password_signs_in(editor):
    client = Client()
    for n in range(12):
        sign_in(client, f"guess {n}")
    assert sign_in(client, PASSWORD).status_code == 429
    # Time passes: the last failure is now older than the cool-off.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES, seconds=1)
    )
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize(
    "command",
    [
        ("axes_reset_username", "editor"),
        ("axes_reset_ip", "127.0.0.1"),
        ("axes_reset_ip_username", "127.0.0.1", "editor"),
        ("axes_reset",),
    ],
)
def test_an_administrator_unlocks_with_a_command(editor, command):
    client = Client()
    for n in range(12):
        sign_in(client, f"guess {n}")
    assert sign_in(client, PASSWORD).status_code == 429
    call_command(*command)
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_clears_earlier_failures(editor):
    client = Client()
    for n in range(4):
        sign_in(client, f"guess {n}")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        assert sign_in(client, f"again {n}").status_code == 200  # four fresh tries
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lockout_is_on_wherever_the_test_settings_are_not(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.AXES_ENABLED, s.AXES_FAILURE_LIMIT)",
        env=bare_environment(LOCAL_DATA_DIR=str(tmp_path), LOGIN_FAILURE_LIMIT="7"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["True", "7"]
