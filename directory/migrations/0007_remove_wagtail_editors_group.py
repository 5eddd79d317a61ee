from django.db import migrations


def remove_wagtail_editors(apps, schema_editor):
    from cms.groups import remove_wagtail_editors

    remove_wagtail_editors(apps)


class Migration(migrations.Migration):
    # After Wagtail's migrations that make the group (0002_editor_groups waits for them).
    dependencies = [("directory", "0006_age_errors_in_officers_words")]

    operations = [migrations.RunPython(remove_wagtail_editors, migrations.RunPython.noop)]
