"""The alert table takes this app's name. PostgreSQL's foreign keys to it (the digest's)
follow the rename; its rows, sequence, index and constraint are the same objects."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("tasks", "0005_maintaineralert_moved_to_alerts"),
    ]

    operations = [
        migrations.AlterModelTable(name="maintaineralert", table=None),
    ]
