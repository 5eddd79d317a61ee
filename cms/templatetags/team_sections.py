"""The admin's page explorer says when a section belongs to another team."""

from django import template
from wagtail.models import Page

from cms.teams import Team, team_of

register = template.Library()


@register.simple_tag(takes_context=True)
def other_teams_section(context, page: Page) -> str:
    """The name of the team whose section `page` is in, when the user may neither edit nor
    add pages there (Wagtail then lists none of its pages); else ""."""
    permissions = page.permissions_for_user(context["request"].user)
    if permissions.can_edit() or permissions.can_add_subpage():
        return ""
    team = team_of(page)
    return Team(team).label if team else ""
