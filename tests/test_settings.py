"""Each settings module, started in a fresh interpreter with a chosen environment."""

import json
import os

import pytest

from tests.conftest import bare_environment, run_manage

PRINT_SETTINGS = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'engine': s.DATABASES['default']['ENGINE'], "
    "'cache': s.CACHES['default']['BACKEND'], "
    "'broker': s.CELERY_BROKER_URL, "
    "'results': s.CELERY_RESULT_BACKEND, "
    "'broker_options': s.CELERY_BROKER_TRANSPORT_OPTIONS, "
    "'email': s.EMAIL_BACKEND, "
    "'debug': s.DEBUG, "
    "'languages': [code for code, _ in s.WAGTAIL_CONTENT_LANGUAGES]}))"
)

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789",
    "ALLOWED_HOSTS": "local-offer.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/localoffer",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "WAGTAILADMIN_BASE_URL": "https://local-offer.example.org",
    "DEFAULT_FROM_EMAIL": "Local Offer <local-offer@example.org>",
    "EMAIL_HOST": "smtp.example.org",
}


def settings_in(env, tmp_path):
    result = run_manage("shell", "-c", PRINT_SETTINGS, env={"LOCAL_DATA_DIR": str(tmp_path), **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_dev_settings_start_with_no_environment_at_all(tmp_path):
    env = bare_environment(LOCAL_DATA_DIR=str(tmp_path))
    check = run_manage("check", env=env)
    assert check.returncode == 0, check.stderr
    assert "no issues" in check.stdout

    embedded = settings_in(bare_environment(), tmp_path)
    assert embedded["engine"] == "django.db.backends.sqlite3"
    assert embedded["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert embedded["broker"].startswith("filesystem://")
    assert embedded["results"].startswith("file://")
    # Every folder the filesystem broker writes (kombu's control_folder defaults to
    # ./control in the working directory) is under LOCAL_DATA_DIR.
    folders = {key: value for key, value in embedded["broker_options"].items() if "folder" in key}
    assert set(folders) == {"data_folder_in", "data_folder_out", "control_folder"}
    assert all(folder.startswith(str(tmp_path)) for folder in folders.values())
    assert embedded["email"] == "django.core.mail.backends.console.EmailBackend"
    assert embedded["debug"] is True
    assert embedded["languages"] == ["en", "pl"]


@pytest.mark.parametrize("redis", [False, True], ids=["embedded", "with-redis"])
def test_commands_work_before_the_local_data_folder_exists(tmp_path, redis):
    # A fresh clone has no var/ yet: migrate (or any command that opens the database)
    # must not fail with SQLite's "unable to open database file".
    data_dir = tmp_path / "not-made-yet"
    env = bare_environment(LOCAL_DATA_DIR=str(data_dir))
    if redis:  # no file cache to make the folder as a side effect
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    result = run_manage("showmigrations", "cms", env=env)
    assert result.returncode == 0, result.stderr
    assert "0001_cache_epoch" in result.stdout
    assert (data_dir / "db.sqlite3").exists()


def test_redis_url_makes_redis_the_broker_result_backend_and_cache(tmp_path):
    configured = settings_in(
        bare_environment(
            REDIS_URL="redis://127.0.0.1:6379/15",
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/localoffer",
            EMAIL_HOST="smtp.example.org",
        ),
        tmp_path,
    )
    assert configured["engine"] == "django.db.backends.postgresql"
    assert configured["cache"] == "cms.cache.ResilientRedisCache"
    assert configured["broker"] == "redis://127.0.0.1:6379/15"
    assert configured["results"] == "redis://127.0.0.1:6379/15"
    assert configured["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_redis_timeouts_and_the_cache_key_prefix_come_from_the_environment(tmp_path):
    script = (
        "import json; from django.conf import settings as s; c = s.CACHES['default']; "
        "b = s.CELERY_BROKER_TRANSPORT_OPTIONS; print(json.dumps({"
        "'cache': [c['OPTIONS']['socket_connect_timeout'], c['OPTIONS']['socket_timeout']], "
        "'broker': [b['socket_connect_timeout'], b['socket_timeout']], "
        "'results': [s.CELERY_REDIS_SOCKET_CONNECT_TIMEOUT, s.CELERY_REDIS_SOCKET_TIMEOUT], "
        "'retry': s.REDIS_RETRY_SECONDS, 'prefix': c['KEY_PREFIX']}))"
    )
    env = bare_environment(
        REDIS_URL="redis://127.0.0.1:6379/15",
        REDIS_CONNECT_TIMEOUT="0.1",
        REDIS_SOCKET_TIMEOUT="0.4",
        REDIS_RETRY_SECONDS="2",
        CACHE_KEY_PREFIX="staging",
        LOCAL_DATA_DIR=str(tmp_path),
    )
    result = run_manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "cache": [0.1, 0.4],
        "broker": [0.1, 0.4],
        "results": [0.1, 0.4],
        "retry": 2,
        "prefix": "staging",
    }
    # Unset, a request waits for Redis a quarter of a second at most.
    env = bare_environment(REDIS_URL="redis://127.0.0.1:6379/15", LOCAL_DATA_DIR=str(tmp_path))
    result = run_manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "cache": [0.25, 0.25],
        "broker": [0.25, 0.25],
        "results": [0.25, 0.25],
        "retry": 5,
        "prefix": "localoffer",
    }


def test_production_settings_refuse_to_start_without_secret_key(tmp_path):
    env = bare_environment(**{k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"})
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Missing required environment variable(s): SECRET_KEY." in result.stderr


def test_production_settings_name_every_missing_variable(tmp_path):
    env = bare_environment(DJANGO_SETTINGS_MODULE="cms.settings.production")
    result = run_manage("check", env=env)
    assert result.returncode != 0
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_HOST"):
        assert name in result.stderr


def test_production_settings_start_when_configured(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=bare_environment(**PRODUCTION_ENV)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    configured = settings_in(bare_environment(**PRODUCTION_ENV), tmp_path)
    assert configured["debug"] is False
    assert configured["engine"] == "django.db.backends.postgresql"


PRINT_PROXY_SSL = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps(s.SECURE_PROXY_SSL_HEADER))"
)


def test_x_forwarded_proto_is_believed_only_from_declared_proxies(tmp_path):
    def proxy_ssl_header(**env):
        result = run_manage(
            "shell",
            "-c",
            PRINT_PROXY_SSL,
            env=bare_environment(**PRODUCTION_ENV, LOCAL_DATA_DIR=str(tmp_path), **env),
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    assert proxy_ssl_header() is None  # no proxy: a client's claim of https is ignored
    assert proxy_ssl_header(TRUSTED_PROXY_COUNT="1") == ["HTTP_X_FORWARDED_PROTO", "https"]
