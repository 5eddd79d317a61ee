"""The alert model, moved here from `tasks` with its table and rows: this migration only
tells Django's model state that the model is ours (the table is still `tasks`'s name);
tasks 0005 points the digest's foreign keys here and forgets its own copy, and 0002 renames
the table."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("tasks", "0004_score_bounced_addresses"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MaintainerAlert",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("overdue-review", "Overdue for review"),
                                    (
                                        "defunct-organisation",
                                        "Run by an organisation that has closed",
                                    ),
                                    ("provider-changes", "Provider says it needs changes"),
                                    ("reader-feedback", "Reader feedback"),
                                    ("failing-webhook", "Partner webhook failing"),
                                    ("bouncing-contact", "Contact email returned undelivered"),
                                ],
                                db_index=True,
                                max_length=40,
                                verbose_name="alert",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        (
                            "label",
                            models.CharField(
                                help_text="The object's name when the alert was raised.",
                                max_length=255,
                                verbose_name="about",
                            ),
                        ),
                        ("cycle", models.CharField(blank=True, max_length=254)),
                        ("message", models.TextField(blank=True, verbose_name="details")),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="raised",
                            ),
                        ),
                        (
                            "notified_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="When it last went into the maintainers' digest.",
                                null=True,
                                verbose_name="last in the digest",
                            ),
                        ),
                        (
                            "resolved_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="resolved"),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at", "-pk"],
                        "db_table": "tasks_maintaineralert",
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id"], name="tasks_alert_subject"
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("resolved_at__isnull", True)),
                                fields=("content_type", "object_id", "kind", "cycle"),
                                name="tasks_one_open_alert_per_object_kind_cycle",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
