from django.contrib import messages as django_messages
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.snippets import ObjectPermissionSnippetViewSet
from cms.teams import TeamSectionMixin, sync_team_permissions
from directory.models import Cluster, Organisation, TaxonomyTerm


class OrganisationViewSet(ObjectPermissionSnippetViewSet):
    """Each team's editors see and edit their team's organisations and shared ones
    (cms.teams.TeamPermissionPolicy, registered in DirectoryConfig.ready); the chooser
    offers every organisation."""

    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "kind", "team", "status", "locale", LiveStatusTagColumn()]
    list_filter = ["kind", "team", "status", "live", "locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = "Taxonomy"
    list_display = ["name", "vocabulary", "code", "parent", "locale"]
    list_filter = ["vocabulary", "locale"]
    search_fields = ["name", "code"]
    ordering = ["vocabulary", "sort_order", "name"]


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "site"
    menu_label = "Clusters"
    list_display = ["name", "quadrant", "next_review_due"]
    list_filter = ["quadrant", "live"]
    search_fields = ["name"]
    ordering = ["quadrant", "name"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (OrganisationViewSet, TaxonomyTermViewSet, ClusterViewSet)


register_snippet(DirectoryViewSetGroup)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def grant_team_sections(request, page):
    # A section's team decides who may edit below it: keep the grants in step.
    if isinstance(page.specific, TeamSectionMixin):
        sync_team_permissions()


@hooks.register("after_edit_page")
def say_what_approval_published(request, page):
    """Approving a page's last moderation task publishes it, but Wagtail's edit view says
    only "Page '…' has been updated.": say what went live instead."""
    if request.POST.get("workflow-action-name") != "approve":
        return
    page = type(page).objects.get(pk=page.pk)  # as the approval left it
    if page.workflow_in_progress or not page.live or page.has_unpublished_changes:
        return  # on to the workflow's next task, not yet published
    title = page.get_admin_display_title()
    updated = messages.render(
        gettext("Page '%(page_title)s' has been updated.") % {"page_title": title}, None
    )
    # Reading the queued messages takes them; put back all but Wagtail's.
    queued = list(django_messages.get_messages(request))
    for message in queued:
        if message.message != updated:
            django_messages.add_message(
                request, message.level, message.message, extra_tags=message.extra_tags
            )
    messages.success(request, f"'{title}' approved and published.")
