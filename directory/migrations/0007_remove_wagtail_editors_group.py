from django.db import migrations

# Wagtail's first migrations make an "Editors" group that may add and edit pages anywhere
# in the tree. Here each section's team decides who edits it, so that group would either
# do nothing or get around the teams. Frozen here, as a migration must be.
WAGTAIL_EDITORS = "Editors"


def remove_wagtail_editors(apps, schema_editor=None) -> bool:
    """Delete Wagtail's default "Editors" group, with its permissions, unless someone is in
    it or a workflow's approval task names it: either is then someone's decision, not a
    default. True if it was deleted."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    unused = Group.objects.filter(name=WAGTAIL_EDITORS, user__isnull=True).exclude(
        pk__in=GroupApprovalTask.groups.through.objects.values("group_id")
    )
    deleted, _ = unused.delete()
    return bool(deleted)


class Migration(migrations.Migration):
    # After Wagtail's migrations that make the group (0002_editor_groups waits for them).
    dependencies = [("directory", "0006_age_errors_in_officers_words")]

    operations = [migrations.RunPython(remove_wagtail_editors, migrations.RunPython.noop)]
