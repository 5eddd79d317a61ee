from django.db import migrations

from cms.middleware import forget_unpermitted_admin_languages


def forget(apps, schema_editor):
    forget_unpermitted_admin_languages(apps.get_model("wagtailusers", "UserProfile"))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_cache_epoch"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
