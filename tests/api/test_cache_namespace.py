"""Cache keys that cannot collide: two databases on one Redis database (a staging copy, a
restored backup) each serve their own items, and a change-log id reused after a restore
cannot match an entry made before it."""

import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from api.models import ChangeLogEntry
from cms import cache as cms_cache
from directory.factories import ServicePageFactory
from tests.conftest import REPO_ROOT, bare_environment, free_port, publish, run_manage

SERVICES = "/api/v1/services/"

# Run by `manage.py shell -c`, each printing what the test needs on its last line.
NAMESPACE = """
from cms.cache import database_namespace
print(database_namespace())
"""

# One public service and a partner's key (and the namespace of the database).
SETUP = (
    """
from django.conf import settings
from wagtail.models import Locale, Page, Site
from api.models import Partner, PartnerAPIKey
from directory.factories import DirectoryIndexPageFactory, ServicePageFactory
from home.factories import HomePageFactory

Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
home = HomePageFactory(parent=root, slug="namespaces")
directory = DirectoryIndexPageFactory(parent=home, title="Directory", slug="directory")
Site.objects.update_or_create(
    is_default_site=True,
    defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
)
service = ServicePageFactory(parent=directory, slug="shared", title="The same in both")
service.save_revision().publish()
partner = Partner.objects.create(name="Hub", contact_email="hub@example.org")
_, key = PartnerAPIKey.objects.create_key(name="Hub key", partner=partner)
print(key, service.uuid, end=" ")
"""
    + NAMESPACE
)

# A change to the service through Wagtail (a publish: a change-log entry).
PUBLISH_TITLE = """
from api.models import ChangeLogEntry
from directory.models import ServicePage
page = ServicePage.objects.get(slug="shared")
page.title = {title!r}
page.save_revision().publish()
print(ChangeLogEntry.objects.order_by("-id").values_list("id", flat=True).first())
"""

# A difference between the two databases that no change-log entry records: in the
# content and in the stored document alike.
SET_TITLE_IN_PLACE = (
    """
from api.publication.models import PublishedDocument
from directory.models import ServicePage
ServicePage.objects.filter(slug="shared").update(title={title!r})
row = PublishedDocument.objects.get(resource="services")
row.document["title"] = {title!r}
row.save(update_fields=["document"])
"""
    + NAMESPACE
)


def admin_connection():
    database = settings.DATABASES["default"]
    return psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def copy_database(source: str, target: str) -> None:
    """CREATE DATABASE target TEMPLATE source: no other session may use the source."""
    connections.close_all()
    with admin_connection() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def drop_database(name: str) -> None:
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(name: str) -> str:
    database = settings.DATABASES["default"]
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{name}"


class Instance:
    """The site on one database: shell commands, and a live server."""

    def __init__(self, name: str, tmp_path):
        self.name = name
        self.env = bare_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            DATABASE_URL=database_url(name),
            REDIS_URL=settings.REDIS_URL,  # one Redis database for both
            LOCAL_DATA_DIR=str(tmp_path / name),
        )
        self.server = None

    def shell(self, script: str) -> str:
        result = run_manage("shell", "-c", script, env=self.env)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def serve(self) -> None:
        self.port = free_port()
        self.server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            assert self.server.poll() is None, "the server exited"
            try:
                self.get("/health/")
                return
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)

    def get(self, path: str, key: str | None = None) -> dict:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if key:
            request.add_header("Authorization", f"Api-Key {key}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            return json.load(error)

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)


@pytest.fixture
def two_databases(transactional_db, tmp_path):
    """Database `a` made from the migrated test database with one service; `b` a copy
    of `a` (CREATE DATABASE … TEMPLATE: identical rows, no second migrate)."""
    test_database = settings.DATABASES["default"]["NAME"]
    names = [f"{test_database}_ns_a", f"{test_database}_ns_b"]
    a, b = (Instance(name, tmp_path) for name in names)
    try:
        copy_database(test_database, a.name)
        key, service_id, a.namespace = a.shell(SETUP).split()
        copy_database(a.name, b.name)
        yield a, b, key, service_id
    finally:
        for instance in (a, b):
            instance.stop()
        for name in names:
            drop_database(name)


def titles(instance: Instance, key: str, service_id: str) -> dict:
    return {
        "v1 list": [item["title"] for item in instance.get(SERVICES, key)["results"]],
        "v1 detail": instance.get(f"{SERVICES}{service_id}/", key)["title"],
        "oruk list": [item["name"] for item in instance.get("/api/oruk/services")["contents"]],
        "oruk detail": instance.get(f"/api/oruk/services/{service_id}")["name"],
    }


def everywhere(title: str) -> dict:
    return {"v1 list": [title], "v1 detail": title, "oruk list": [title], "oruk detail": title}


def test_two_databases_on_one_redis_each_serve_their_own_items(two_databases):
    a, b, key, service_id = two_databases
    # b differs from a, and nothing in its change log says so: same ids, same versions.
    namespace_b = b.shell(SET_TITLE_IN_PLACE.format(title="Only in b's rows"))
    assert namespace_b != a.namespace
    a.serve()
    b.serve()

    for _ in range(2):  # the second time, each from its own cache
        assert titles(a, key, service_id) == everywhere("The same in both")
        assert titles(b, key, service_id) == everywhere("Only in b's rows")

    # Content differs at equal change-log numbers, as after a restore.
    sequence_a = a.shell(PUBLISH_TITLE.format(title="Edited in a"))
    sequence_b = b.shell(PUBLISH_TITLE.format(title="Edited in b"))
    assert sequence_a == sequence_b
    for _ in range(2):
        assert titles(a, key, service_id) == everywhere("Edited in a")
        assert titles(b, key, service_id) == everywhere("Edited in b")


@pytest.fixture
def fresh_namespace():
    cms_cache._namespaces.clear()
    yield
    cms_cache._namespaces.clear()


def test_the_namespace_is_looked_up_once_per_process(db, fresh_namespace):
    with CaptureQueriesContext(connection) as first:
        cache.set("probe", 1)
    with CaptureQueriesContext(connection) as later:
        assert cache.get("probe") == 1
        cache.get_many(["probe", "other"])
    assert len(first) > 0
    assert len(later) == 0


def test_a_new_epoch_after_a_restore_in_place_hides_everything_cached_before(db, fresh_namespace):
    cache.set("site-root-paths", "before the restore")
    before = cms_cache.database_namespace()
    call_command("new_cache_epoch", stdout=io.StringIO())
    cms_cache._namespaces.clear()  # as the restart the command asks for does
    assert cms_cache.database_namespace() != before
    assert cache.get("site-root-paths") is None


def test_a_change_log_id_reused_after_a_restore_cannot_match(sections, partner_api):
    """A database restored in place keeps its namespace; its next changes reuse the ids
    of changes made after the backup. Items cached before must not come back."""
    page = publish(ServicePageFactory(parent=sections["council"], title="Before the backup"))
    backup = ChangeLogEntry.objects.order_by("-id").first().id
    page.title = "Published after the backup"
    publish(page)
    assert ChangeLogEntry.objects.order_by("-id").first().id == backup + 1
    detail = f"{SERVICES}{page.uuid}/"
    assert partner_api.get(detail).json()["title"] == "Published after the backup"
    etag = partner_api.get(SERVICES)["ETag"]

    # The restore: the entries after the backup are gone, and so is that edit.
    ChangeLogEntry.objects.filter(id__gt=backup).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('api_changelogentry', 'id'), %s)", [backup]
        )
    page.title = "Published after the restore"
    publish(page)
    assert ChangeLogEntry.objects.order_by("-id").first().id == backup + 1  # again

    assert partner_api.get(detail).json()["title"] == "Published after the restore"
    listed = partner_api.get(SERVICES, HTTP_IF_NONE_MATCH=etag)
    assert listed.status_code == 200
    assert [item["title"] for item in listed.json()["results"]] == ["Published after the restore"]
