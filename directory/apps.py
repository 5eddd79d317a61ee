from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Local Offer directory"

    def ready(self) -> None:
        # Before any admin view or helper asks for the policy (Wagtail would make a
        # model-wide one): each team's editors edit their own organisations and shared ones.
        from wagtail.permissions import register_permission_policy

        from cms.teams import TeamPermissionPolicy
        from directory.models import Organisation

        register_permission_policy(Organisation, TeamPermissionPolicy(Organisation))
