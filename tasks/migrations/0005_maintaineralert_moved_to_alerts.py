"""The alert model now belongs to `alerts` (alerts 0001): the digest's foreign keys point
there, this app forgets its copy, and the content type moves with the model, so the
permissions granted on alerts, and anything else that names its content type, still
apply. No table changes here."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, from_app: str, to_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label=to_app, model="maintaineralert").exists():
        # Already made by a migrate that stopped between alerts 0001 and this one: keep it.
        return
    ContentType.objects.filter(app_label=from_app, model="maintaineralert").update(
        app_label=to_app
    )


def forwards(apps, schema_editor):
    move_content_type(apps, "tasks", "alerts")


def backwards(apps, schema_editor):
    move_content_type(apps, "alerts", "tasks")


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tasks", "0004_score_bounced_addresses"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="digestitem",
                    name="alert",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="alerts.maintaineralert",
                    ),
                ),
                migrations.AlterField(
                    model_name="digestemail",
                    name="alerts",
                    field=models.ManyToManyField(
                        related_name="digest_emails",
                        through="tasks.DigestItem",
                        to="alerts.maintaineralert",
                    ),
                ),
                migrations.DeleteModel(name="MaintainerAlert"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
