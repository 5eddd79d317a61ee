from django.conf import settings
from django.db import migrations

from tasks.bounces.rules import score_bounced_addresses


def score_bounced(apps, schema_editor):
    score_bounced_addresses(
        apps.get_model("tasks", "ContactAddress"), settings.BOUNCE_SOFT_THRESHOLD
    )


class Migration(migrations.Migration):
    dependencies = [("tasks", "0003_alert_and_bounce_field_wording")]

    operations = [migrations.RunPython(score_bounced, migrations.RunPython.noop)]
