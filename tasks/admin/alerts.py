"""Maintainer alerts in the admin: who sees which, and a read-only listing with "Resolve".

Alerts are made by the jobs, never by hand, so nobody adds, edits or deletes one here.
Maintainers (and superusers, and anyone given "Can view maintainer alert") see every alert
and may resolve one; other editors see, on the dashboard, the open alerts about the
listings they may edit.
"""

import operator
from functools import reduce

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from alerts.models import MaintainerAlert
from cms.admin_actions import confirm_then_act
from cms.groups import MAINTAINERS
from tasks.admin.review_status import edit_url, editable
from tasks.listings import REVIEWABLE_MODELS


def is_maintainer(user) -> bool:
    if not hasattr(user, "_is_maintainer"):  # asked several times a request
        user._is_maintainer = user.groups.filter(name=MAINTAINERS).exists()
    return user._is_maintainer


class AlertPermissionPolicy(ModelPermissionPolicy):
    """Viewing and resolving only; for maintainers without a model permission too."""

    ACTIONS = {"view", "resolve"}

    def user_has_permission(self, user, action):
        if action not in self.ACTIONS or not user.is_active:
            return False
        return (
            user.is_superuser or user.has_perm("alerts.view_maintaineralert") or is_maintainer(user)
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# The daily scan raises these again while they apply: resolving one by hand is temporary.
RAISED_BY_SCAN = {MaintainerAlert.Kind.OVERDUE_REVIEW, MaintainerAlert.Kind.DEFUNCT_ORGANISATION}

alert_policy = AlertPermissionPolicy(MaintainerAlert)
register_permission_policy(MaintainerAlert, alert_policy)


def visible_alerts(user):
    """The alerts a user is shown: all of them to those who deal with alerts, otherwise
    the ones about listings they may edit (one query, whatever the number of types)."""
    if alert_policy.user_has_permission(user, "view"):
        return MaintainerAlert.objects.all()
    about_their_listings = [
        Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=editable(model, user).values("pk"),
        )
        for model in REVIEWABLE_MODELS
    ]
    return MaintainerAlert.objects.filter(reduce(operator.or_, about_their_listings))


def subject_edit_url(alert: MaintainerAlert) -> str | None:
    """The edit view of what the alert is about (no query but the cached content type)."""
    model = ContentType.objects.get_for_id(alert.content_type_id).model_class()
    return edit_url(model, alert.object_id) if model else None


class AlertFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[("open", "Open"), ("resolved", "Resolved")],
        method="filter_state",
        empty_label="Open or resolved",
    )

    class Meta:
        model = MaintainerAlert
        fields = ["kind"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(resolved_at__isnull=value == "open")


class AlertIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := subject_edit_url(instance):
            buttons.append(MenuItem("Open what it is about", url=url, icon_name="edit", priority=5))
        if instance.is_open:
            url = reverse("alerts:resolve", args=[instance.pk])
            buttons.append(MenuItem("Resolve", url=url, icon_name="check", priority=30))
        return buttons


class AlertInspectView(generic.InspectView):
    def get_fields_context(self):
        # A date not reached yet (not in a digest, not resolved) is left out, not "None".
        return [
            self.get_context_for_field(name)
            for name in self.fields
            if getattr(self.object, name) not in (None, "")
        ]

    @cached_property
    def header_buttons(self):
        buttons = []
        if url := subject_edit_url(self.object):
            buttons.append(HeaderButton("Open what it is about", url=url, icon_name="edit"))
        if self.object.is_open:
            url = reverse("alerts:resolve", args=[self.object.pk])
            buttons.append(HeaderButton("Resolve", url=url, icon_name="check"))
        return buttons


class MaintainerAlertViewSet(ModelViewSet):
    model = MaintainerAlert
    name = "alerts"
    icon = "warning"
    menu_label = "Alerts"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = AlertIndexView
    inspect_view_class = AlertInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    filterset_class = AlertFilterSet
    list_display = ["label", "kind", "created_at", "notified_at", "resolved_at"]
    search_fields = ["label", "message"]
    ordering = ["-created_at", "-pk"]
    # Not the cycle: it tells one occurrence from the next, for the jobs, and the details
    # already say it in words (the due date missed, the address that bounces).
    inspect_view_fields = ["kind", "label", "message", "created_at", "notified_at", "resolved_at"]

    def resolve_view(self, request, pk):
        alert = get_object_or_404(MaintainerAlert, pk=pk)

        def resolve():
            if alert.is_open:
                alert.resolved_at = timezone.now()
                alert.save(update_fields=["resolved_at"])
            return f"Alert resolved: {alert}."

        return confirm_then_act(
            request,
            allowed=alert_policy.user_has_permission(request.user, "resolve"),
            act=resolve,
            then=reverse(self.get_url_name("index")),
            template="tasks/admin/resolve_alert.html",
            context={
                "alert": alert,
                "page_title": "Resolve alert",
                "page_subtitle": str(alert),
                "header_icon": "warning",
                "raised_by_scan": alert.kind in RAISED_BY_SCAN,
                "cancel_url": reverse(self.get_url_name("inspect"), args=[alert.pk]),
            },
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("resolve/<int:pk>/", self.resolve_view, name="resolve"),
        ]
