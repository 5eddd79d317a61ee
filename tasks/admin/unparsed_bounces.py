"""Reports > Unreadable bounces: the messages that reached the bounce intake and said
nothing any parser could use (an out-of-office reply, a bounce in an unknown shape), for a
maintainer to read and, once dealt with, to mark so.

Kept by the intake, never made here: nothing is added, edited or deleted but
`reviewed_at`. Maintainers and superusers only. Registered in tasks/wagtail_hooks.py.
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.admin_actions import confirm_then_act
from tasks.admin.bounces import may_manage_bounces
from tasks.bounces.models import UnparsedBounce


class UnparsedBouncePolicy(ModelPermissionPolicy):
    """Reading, and marking as dealt with; for maintainers and superusers."""

    ACTIONS = {"view", "review"}

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and may_manage_bounces(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


unparsed_bounce_policy = UnparsedBouncePolicy(UnparsedBounce)
register_permission_policy(UnparsedBounce, unparsed_bounce_policy)


def mark_dealt_with(bounce: UnparsedBounce, *, now=None) -> bool:
    """Returns whether it was still to do."""
    if bounce.reviewed_at is not None:
        return False
    bounce.reviewed_at = now or timezone.now()
    bounce.save(update_fields=["reviewed_at"])
    return True


class UnparsedBounceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[("to-do", "To look at"), ("dealt-with", "Dealt with")],
        method="filter_state",
        empty_label="Any",
    )

    class Meta:
        model = UnparsedBounce
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(reviewed_at__isnull=value == "to-do")


class UnparsedBounceIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.reviewed_at is None:
            url = reverse("unparsed_bounces:review", args=[instance.pk])
            buttons.append(MenuItem("Mark as dealt with", url=url, icon_name="check", priority=30))
        return buttons


class UnparsedBounceInspectView(generic.InspectView):
    def get_message_display_value(self):
        # Escaped by format_html: the message is whatever a stranger sent us.
        return format_html(
            '<pre style="white-space: pre-wrap; overflow-wrap: anywhere;">{}</pre>',
            self.object.message,
        )

    @cached_property
    def header_buttons(self):
        if self.object.reviewed_at is not None:
            return []
        url = reverse("unparsed_bounces:review", args=[self.object.pk])
        return [HeaderButton("Mark as dealt with", url=url, icon_name="check")]


class UnparsedBounceViewSet(ModelViewSet):
    model = UnparsedBounce
    name = "unparsed_bounces"
    url_prefix = "unreadable-bounces"
    icon = "mail"
    menu_label = "Unreadable bounces"
    menu_name = "unreadable-bounces"
    menu_order = 1220
    menu_hook = "register_reports_menu_item"
    index_view_class = UnparsedBounceIndexView
    inspect_view_class = UnparsedBounceInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    filterset_class = UnparsedBounceFilterSet
    list_display = ["__str__", "sender", "reason", "received_at", "reviewed_at"]
    search_fields = ["subject", "sender", "reason"]
    ordering = ["-received_at", "-pk"]
    inspect_view_fields = [
        "subject",
        "sender",
        "reason",
        "source",
        "received_at",
        "reviewed_at",
        "message",
    ]

    def review_view(self, request, pk):
        bounce = get_object_or_404(UnparsedBounce, pk=pk)

        def review():
            mark_dealt_with(bounce)
            return f"Marked as dealt with: {bounce}."

        return confirm_then_act(
            request,
            allowed=unparsed_bounce_policy.user_has_permission(request.user, "review"),
            act=review,
            then=reverse(self.get_url_name("index")),
            template="tasks/admin/bounces/mark_dealt_with.html",
            context={
                "bounce": bounce,
                "page_title": "Mark as dealt with",
                "page_subtitle": str(bounce),
                "header_icon": "mail",
                "cancel_url": reverse(self.get_url_name("inspect"), args=[bounce.pk]),
            },
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", self.review_view, name="review"),
        ]
