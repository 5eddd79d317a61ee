"""Teams own parts of the page tree: each team's editors edit only their own part."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import GroupPagePermission, Page

from cms.groups import COUNCIL_EDITORS, ICB_EDITORS


class Team(models.TextChoices):
    COUNCIL = "council", "Essex County Council"
    HEALTH = "health", "NHS (ICB)"


TEAM_GROUPS = {Team.COUNCIL: COUNCIL_EDITORS, Team.HEALTH: ICB_EDITORS}

# Editors add and edit drafts in their section; publishing goes through moderation.
TEAM_PAGE_PERMISSIONS = ["add_page", "change_page"]


class TeamSectionMixin(models.Model):
    """An index page whose subtree belongs to a team."""

    team = models.CharField(
        max_length=20,
        choices=Team.choices,
        blank=True,
        help_text=(
            "The team whose editors look after everything in this section. Leave blank for a "
            "section only moderators edit."
        ),
    )

    team_panels = [FieldPanel("team", permission="wagtailcore.change_grouppagepermission")]

    class Meta:
        abstract = True


def team_sections() -> list[Page]:
    """Every index page that belongs to a team, whatever its type."""
    sections = []
    for model in apps.get_models():
        if issubclass(model, TeamSectionMixin) and issubclass(model, Page):
            sections.extend(model.objects.exclude(team=""))
    return sections


def sync_team_permissions() -> None:
    """Give each team's editors their sections, and nothing else, in the page tree."""
    permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in TEAM_PAGE_PERMISSIONS
    }
    granted = set()
    for section in team_sections():
        group = Group.objects.get(name=TEAM_GROUPS[section.team])
        for permission in permissions.values():
            grant, _ = GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=permission
            )
            granted.add(grant.pk)
    GroupPagePermission.objects.filter(group__name__in=TEAM_GROUPS.values()).exclude(
        pk__in=granted
    ).delete()
