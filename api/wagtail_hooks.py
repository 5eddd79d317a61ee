from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from api.admin_views import SecretShownOnceCreateView
from api.models import Partner, PartnerAPIKey
from api.webhooks.admin import WebhookDeliveryViewSet, WebhookEndpointViewSet


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "site"
    menu_label = "Partners"
    form_fields = [
        "name",
        "organisation",
        "contact_email",
        "is_active",
        "scope_types",
        "scope_terms",
        "scope_areas",
        "scope_locales",
    ]
    list_display = ["name", "contact_email", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "contact_email"]


class KeyCreateView(SecretShownOnceCreateView):
    secret_template_name = "api/admin/key_created.html"

    def save_instance(self):
        self.secret = PartnerAPIKey.objects.assign_key(self.form.instance)
        return super().save_instance()


class PartnerAPIKeyViewSet(ModelViewSet):
    model = PartnerAPIKey
    icon = "key"
    menu_label = "API keys"
    add_view_class = KeyCreateView
    form_fields = ["partner", "name", "expiry_date", "revoked"]
    list_display = [
        "name",
        "partner",
        "prefix",
        "created",
        "last_used_at",
        "expiry_date",
        "revoked",
    ]
    list_filter = ["revoked", "partner"]
    search_fields = ["name", "prefix"]
    copy_view_enabled = False
    inspect_view_enabled = True


class PartnerAPIViewSetGroup(ViewSetGroup):
    menu_label = "Partner API"
    menu_icon = "code"
    menu_order = 300
    items = (
        PartnerViewSet,
        PartnerAPIKeyViewSet,
        WebhookEndpointViewSet("webhook_endpoints"),
        WebhookDeliveryViewSet("webhook_deliveries"),
    )


@hooks.register("register_admin_viewset")
def register_partner_api_viewsets():
    return PartnerAPIViewSetGroup()
