from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.moderation import ModeratedPageViewSet
from cms.snippets import ObjectPermissionSnippetViewSet
from cms.teams import TeamSectionMixin, sync_team_permissions
from directory.models import Cluster, Organisation, PartnerPage, ServicePage, TaxonomyTerm


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


@hooks.register("register_admin_viewset")
def register_service_page_viewset():
    return ModeratedPageViewSet("service_pages", model=ServicePage)


@hooks.register("register_admin_viewset")
def register_partner_page_viewset():
    return ModeratedPageViewSet("partner_pages", model=PartnerPage)
