"""The editorial groups and what each may do.

Page permissions on a team's own section are granted by `cms.teams.sync_team_permissions`,
since the sections are pages that exist only once content does. Everything else is here,
applied by a data migration through `ensure_groups(apps)` (historical models) and safe to
run again; so is `ensure_snippet_workflows(apps)`, which moderates snippets as pages are.
Wagtail's own "Editors" group is removed by a migration of the directory.
"""

COUNCIL_EDITORS = "Council editors"
ICB_EDITORS = "ICB editors"
MODERATORS = "Moderators"
MAINTAINERS = "Maintainers"

# Wagtail's first migration makes an "Editors" group that may add and edit pages anywhere
# in the tree. Here the team of each section decides who edits it, so that group would
# either do nothing or get around the teams.
WAGTAIL_EDITORS = "Editors"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
TRANSLATE = ["wagtail_localize.submit_translation"]
EDIT_ORGANISATIONS = ["directory.add_organisation", "directory.change_organisation"]
VIEW_TAXONOMY = ["directory.view_taxonomyterm"]
EDIT_CLUSTERS = ["directory.add_cluster", "directory.change_cluster"]
MANAGE_SNIPPETS = [
    *EDIT_ORGANISATIONS,
    "directory.delete_organisation",
    "directory.publish_organisation",
    "directory.lock_organisation",
    "directory.unlock_organisation",
    "directory.add_taxonomyterm",
    "directory.change_taxonomyterm",
    "directory.delete_taxonomyterm",
    *EDIT_CLUSTERS,
    "directory.delete_cluster",
    "directory.publish_cluster",
]

GROUP_PERMISSIONS: dict[str, list[str]] = {
    # Editors draft; only moderators publish, so every edit is approved first. Team editors'
    # organisation permissions cover their team's organisations and shared ones only
    # (cms.teams.TeamPermissionPolicy); everyone else's cover all of them.
    COUNCIL_EDITORS: [
        *ADMIN_ACCESS,
        *TRANSLATE,
        *EDIT_ORGANISATIONS,
        *VIEW_TAXONOMY,
        *EDIT_CLUSTERS,
    ],
    ICB_EDITORS: [*ADMIN_ACCESS, *TRANSLATE, *EDIT_ORGANISATIONS, *VIEW_TAXONOMY],
    MODERATORS: [*ADMIN_ACCESS, *TRANSLATE, *MANAGE_SNIPPETS],
    # The SEND information team checks listings everywhere; their edits are moderated too.
    MAINTAINERS: [*ADMIN_ACCESS, *EDIT_ORGANISATIONS, *VIEW_TAXONOMY, *EDIT_CLUSTERS],
}

# Images and documents in the root collection.
COLLECTION_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]

# Snippets whose changes go through the moderation workflow of the page tree's root.
MODERATED_SNIPPETS = ["directory.organisation"]

# Page permissions over the whole tree, for groups that are not tied to one team.
TREE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MAINTAINERS: ["change_page"],
}


def ensure_groups(apps) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    def permission(dotted: str):
        app_label, codename = dotted.split(".")
        model = codename.split("_", 1)[1]
        if app_label == "wagtailadmin":
            content_type, _ = ContentType.objects.get_or_create(
                app_label="wagtailadmin", model="admin"
            )
        else:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        found, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )
        return found

    root_collection = Collection.objects.filter(depth=1).first()
    root_page = Page.objects.filter(depth=1).first()
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(dotted) for dotted in permissions))
        if root_collection is not None:
            for codename in COLLECTION_PERMISSIONS:
                app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(f"{app_label}.{codename}"),
                )
        if root_page is not None:
            for codename in TREE_PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission(f"wagtailcore.{codename}")
                )


def ensure_snippet_workflows(apps) -> None:
    """Give each moderated snippet the workflow that moderates the page tree (Wagtail's
    "Moderators approval", on the root page), unless it already has one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    root_page = Page.objects.filter(depth=1).first()
    on_tree = WorkflowPage.objects.filter(page=root_page).first() if root_page else None
    if on_tree is None:
        return
    for dotted in MODERATED_SNIPPETS:
        app_label, model = dotted.split(".")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow_id": on_tree.workflow_id}
        )
