"""Snippet admin in which every view of one object obeys the permission policy for that
object, not only for its model.

Wagtail asks a snippet's permission policy about the model ("may this user edit
organisations?") in its edit, history, revisions, workflow and locking views, and about
the object itself only when deleting or copying. A policy that answers per object, such
as `cms.teams.TeamPermissionPolicy`, is obeyed everywhere through this viewset: the
listing shows the objects the user may edit, and every view of one object refuses a user
who may not edit it. The chooser is another viewset, and is left alone: choosing an
object for a page is not editing it.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet


class ObjectPermissionCheckedMixin:
    """Refuses the view when the URL names an object the user may not edit."""

    checked_model = None  # set per viewset, so that no view goes unchecked

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            instance = get_object_or_404(self.checked_model, pk=unquote(str(kwargs["pk"])))
            policy = policy_registry.get_by_type(self.checked_model)
            if not policy.user_has_permission_for_instance(request.user, "change", instance):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ObjectPermissionSnippetViewSet(SnippetViewSet):
    def get_queryset(self, request):
        policy = policy_registry.get_by_type(self.model)
        return policy.instances_user_has_permission_for(request.user, "change")

    def construct_view(self, view_class, **kwargs):
        checked = type(
            view_class.__name__,
            (ObjectPermissionCheckedMixin, view_class),
            {"checked_model": self.model},
        )
        return super().construct_view(checked, **kwargs)
