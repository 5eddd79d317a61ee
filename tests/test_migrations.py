import importlib
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from tasks.models import DigestEmail


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


@pytest.mark.django_db(transaction=True)
def test_alerts_keep_their_rows_and_permissions_when_the_model_moves_to_its_own_app(
    django_user_model,
):
    raised = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    executor = MigrationExecutor(connection)
    # Back to before the move: the model is tasks', in tasks' table.
    executor.migrate([("alerts", None)])
    try:
        before = executor.loader.project_state(("tasks", "0004_score_bounced_addresses")).apps
        OldAlert = before.get_model("tasks", "MaintainerAlert")
        OldDigestEmail = before.get_model("tasks", "DigestEmail")
        OldDigestItem = before.get_model("tasks", "DigestItem")
        about = ContentType.objects.get_for_model(Group)
        group = Group.objects.create(name="Alert readers")
        old_alert = OldAlert.objects.create(
            kind="reader-feedback",
            content_type_id=about.pk,
            object_id=group.pk,
            label="Alert readers",
            cycle="1",
            message="The phone number is wrong.",
            created_at=raised,
        )
        digest = OldDigestEmail.objects.create(recipient="maintainer@example.org")
        OldDigestItem.objects.create(digest_email=digest, alert=old_alert)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="tasks", codename="view_maintaineralert")
        )
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    alert = MaintainerAlert.objects.open().about(group).get()
    assert (alert.pk, alert.kind, alert.label, alert.cycle, alert.message, alert.created_at) == (
        old_alert.pk,
        MaintainerAlert.Kind.READER_FEEDBACK,
        "Alert readers",
        "1",
        "The phone number is wrong.",
        raised,
    )
    assert list(DigestEmail.objects.get().alerts.all()) == [alert]

    tables = connection.introspection.table_names()
    assert "alerts_maintaineralert" in tables
    assert "tasks_maintaineralert" not in tables
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "alerts_maintaineralert")
    assert "tasks_one_open_alert_per_object_kind_cycle" in constraints

    # The permission granted before the move is the model's permission now.
    reader = django_user_model.objects.create_user("reader", "reader@example.org")
    reader.groups.add(group)
    assert reader.has_perm("alerts.view_maintaineralert")

    # The same alert again is the one that is open; a new one gets the next id.
    assert raise_alert(MaintainerAlert.Kind.READER_FEEDBACK, group, cycle="1") == (alert, False)
    another, created = raise_alert(MaintainerAlert.Kind.READER_FEEDBACK, group, cycle="2")
    assert created
    assert another.pk > alert.pk
