import importlib
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask


def test_no_pending_migrations(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # makemigrations --check exits 1 when changes are missing
        raise AssertionError(f"Models and migrations differ:\n{out.getvalue()}") from exit_


def test_wagtails_editors_group_is_removed_unless_someone_uses_it(db, django_user_model):
    # The migration's own function, with the models as they were at that migration.
    name = "0007_remove_wagtail_editors_group"
    migration = importlib.import_module(f"directory.migrations.{name}")
    apps = MigrationExecutor(connection).loader.project_state(("directory", name)).apps

    def remove() -> bool:
        return migration.remove_wagtail_editors(apps, None)

    Group.objects.create(name="Editors")
    assert remove() is True
    assert not Group.objects.filter(name="Editors").exists()

    # Someone is in it.
    kept = Group.objects.create(name="Editors")
    someone = django_user_model.objects.create_user("someone", "someone@example.org")
    someone.groups.add(kept)
    assert remove() is False
    assert Group.objects.filter(name="Editors").exists()
    assert remove() is False  # and safe to run again

    # A workflow's approval task names it.
    someone.groups.clear()
    task = GroupApprovalTask.objects.create(name="Editors approve")
    task.groups.add(kept)
    assert remove() is False
    assert Group.objects.filter(name="Editors").exists()

    task.groups.clear()
    assert remove() is True
    assert not Group.objects.filter(name="Editors").exists()
