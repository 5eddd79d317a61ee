"""Teams own parts of the page tree, and snippets such as organisations: each team's
editors edit only their own part (and what both teams share)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from cms.forms import LocalOfferModelForm
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS


class Team(models.TextChoices):
    COUNCIL = "council", "Essex County Council"
    HEALTH = "health", "NHS (ICB)"


class TeamOrShared(models.TextChoices):
    """Who looks after a snippet: one team, or both (a charity, a school)."""

    COUNCIL = Team.COUNCIL.value, Team.COUNCIL.label
    HEALTH = Team.HEALTH.value, Team.HEALTH.label
    SHARED = "shared", "Both teams"


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


def section_models() -> list[type[Page]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TeamSectionMixin) and issubclass(model, Page)
    ]


def team_sections() -> list[Page]:
    """Every index page that belongs to a team, whatever its type."""
    sections = []
    for model in section_models():
        sections.extend(model.objects.exclude(team=""))
    return sections


def sections_by_team() -> list[tuple[Page, str]]:
    """(section, team) for every section in every language that belongs to a team, deepest
    first. A translated section is its source's team's: the team is chosen on the source,
    and a translation may not have been synchronised since."""
    default = Locale.get_default()
    owned = []
    for model in section_models():
        source_teams = dict(
            model.objects.filter(locale=default).values_list("translation_key", "team")
        )
        for section in model.objects.all():
            # A section that exists only in another language is its own source.
            team = source_teams.get(section.translation_key, section.team)
            if team:
                owned.append((section, team))
    return sorted(owned, key=lambda owned: len(owned[0].path), reverse=True)


def section_paths() -> list[tuple[str, str]]:
    """(tree path, team) of every section that belongs to a team, deepest first: a page
    belongs to the team of the nearest such section above it (`team_of`)."""
    return [(section.path, team) for section, team in sections_by_team()]


def team_of(page: Page) -> str:
    """The team whose section `page` is in (the nearest one above it), or "" for none.

    A translation is in its source's section: teams are chosen, and reviewers recorded, in
    the source tree."""
    page = page.get_translation_or_none(Locale.get_default()) or page
    for path, team in section_paths():
        if page.path.startswith(path):
            return team
    return ""


def sync_team_permissions() -> None:
    """Give each team's editors their sections, and nothing else, in the page tree."""
    permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in TEAM_PAGE_PERMISSIONS
    }
    granted = set()
    for section, team in sections_by_team():
        group = Group.objects.get(name=TEAM_GROUPS[team])
        for permission in permissions.values():
            grant, _ = GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=permission
            )
            granted.add(grant.pk)
    GroupPagePermission.objects.filter(group__name__in=TEAM_GROUPS.values()).exclude(
        pk__in=granted
    ).delete()


class TeamOwnedMixin(models.Model):
    """A snippet that belongs to a team, or to both. `TeamPermissionPolicy` keeps each
    team's editors to their own and the shared ones."""

    team = models.CharField(
        max_length=20,
        choices=TeamOrShared.choices,
        default=TeamOrShared.SHARED,
        help_text="Whose editors look after it. Moderators look after all of them.",
    )

    class Meta:
        abstract = True


class TeamPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed by team, as page permissions are by section.

    A permission that a user holds only through a team's editors group covers that
    team's objects and the shared ones. Held any other way (Moderators, Maintainers, a
    permission given to the user, a superuser), it covers every object.
    """

    def teams_for(self, user, action: str) -> frozenset[str] | None:
        """The teams whose objects `user` may do `action` to; None for every object."""
        if not (user.is_active and user.is_authenticated):
            return frozenset()
        if user.is_superuser:
            return None
        cache = getattr(user, "_team_permission_cache", None)
        if cache is None:
            cache = user._team_permission_cache = {}
        key = (self.model._meta.label, action)
        if key not in cache:
            cache[key] = self._teams_granted(user, action)
        return cache[key]

    def _teams_granted(self, user, action: str) -> frozenset[str] | None:
        permissions = self._permissions([action])
        groups = set(
            Group.objects.filter(user=user, permissions__in=permissions).values_list(
                "name", flat=True
            )
        )
        if (
            groups - set(TEAM_GROUPS.values())
            or user.user_permissions.filter(pk__in=permissions).exists()
        ):
            return None
        teams = {team.value for team, group in TEAM_GROUPS.items() if group in groups}
        return frozenset(teams | {TeamOrShared.SHARED.value}) if teams else frozenset()

    def _permissions(self, actions):
        # By natural key: a content type's id is not cached, so it cannot go stale.
        return Permission.objects.filter(
            content_type__app_label=self.app_label,
            content_type__model=self.model_name,
            codename__in=self._get_permission_codenames(actions),
        )

    def user_has_permission_for_instance(self, user, action, instance):
        teams = self.teams_for(user, action)
        return teams is None or instance.team in teams

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = Q(pk__in=[])
        for action in actions:
            teams = self.teams_for(user, action)
            if teams is None:
                return self.model._default_manager.all()
            allowed |= Q(team__in=teams)
        return self.model._default_manager.filter(allowed)

    def users_with_any_permission_for_instance(self, actions, instance):
        permissions = self._permissions(actions)
        other_teams_groups = [
            group
            for team, group in TEAM_GROUPS.items()
            if instance.team not in (team, TeamOrShared.SHARED)
        ]
        groups = Group.objects.filter(permissions__in=permissions).exclude(
            name__in=other_teams_groups
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True) | Q(user_permissions__in=permissions) | Q(groups__in=groups)
            )
            .distinct()
        )


class TeamOwnedForm(LocalOfferModelForm):
    """Offers a team's editors only the teams they may give an object to: their own and
    shared, so that they never save what they could not edit again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("team")
        if field is None or self.for_user is None:
            return
        teams = policy_registry.get_by_type(self._meta.model).teams_for(self.for_user, "change")
        if teams is not None:
            field.choices = [(value, label) for value, label in field.choices if value in teams]
