"""Webhook endpoints and deliveries in the Wagtail admin (registered in
api/wagtail_hooks.py): endpoints are created, edited and switched back on here as by
partners; deliveries are read-only, with their attempts and a Replay button."""

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from api.admin_views import SecretShownOnceCreateView
from api.webhooks import delivery as delivery_logic
from api.webhooks import dispatch
from api.webhooks.disabling import reactivate
from api.webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from api.webhooks.targets import UnsafeTarget, check_url
from cms.admin_actions import confirm_then_act
from cms.forms import LocalOfferModelForm


class WebhookEndpointForm(LocalOfferModelForm):
    url = forms.URLField(label="URL", max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=Event.choices, widget=forms.CheckboxSelectMultiple, initial=list(Event.values)
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["partner", "url", "events", "max_events_per_request", "is_active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except UnsafeTarget as error:
            raise forms.ValidationError(str(error)) from None
        return url

    def save(self, commit=True):
        endpoint = self.instance
        if "is_active" in self.changed_data and endpoint.is_active:
            reactivate(endpoint, timezone.now())
        return super().save(commit)


class EndpointCreateView(SecretShownOnceCreateView):
    secret_template_name = "api/admin/webhook_secret.html"

    def save_instance(self):
        self.secret = dispatch.open_endpoint(self.form.instance)
        return self.form.instance


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Webhooks"
    add_view_class = EndpointCreateView
    list_display = ["url", "partner", "is_active", "consecutive_failures", "disabled_reason"]
    list_filter = ["is_active", "partner"]
    search_fields = ["url"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "partner",
        "url",
        "events",
        "max_events_per_request",
        "is_active",
        "consecutive_failures",
        "disabled_at",
        "disabled_reason",
        "cursor",
        "created_at",
    ]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Deliveries are made by the dispatcher, never by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery))


class DeliveryInspectView(generic.InspectView):
    template_name = "api/admin/delivery_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = self.object.attempts.order_by("started_at")
        return context

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                "Replay",
                url=reverse("webhook_deliveries:replay", args=[self.object.pk]),
                icon_name="redirect",
            )
        ]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = "Webhook deliveries"
    list_display = ["message_id", "event", "endpoint", "state", "attempt_count", "created_at"]
    list_filter = ["state", "event", "endpoint"]
    search_fields = ["message_id"]
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = DeliveryInspectView
    inspect_view_fields = [
        "endpoint",
        "event",
        "state",
        "payload",
        "attempt_count",
        "next_attempt_at",
        "created_at",
        "finished_at",
    ]

    def replay_view(self, request, pk):
        delivery = get_object_or_404(WebhookDelivery, pk=pk)

        def replay():
            delivery_logic.replay(delivery)
            transaction.on_commit(lambda: dispatch.queue_delivery(delivery.pk))
            return f"Delivery {delivery.message_id} queued to be sent again."

        return confirm_then_act(
            request,
            allowed=self.permission_policy.user_has_permission(request.user, "view"),
            act=replay,
            then=reverse(self.get_url_name("inspect"), args=[delivery.pk]),
            template="api/admin/delivery_replay.html",
            context={"delivery": delivery, "header_title": f"Replay {delivery.message_id}"},
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("replay/<int:pk>/", self.replay_view, name="replay"),
        ]
