"""/anymail/<provider>/tracking/: the tracking webhooks of the providers chosen by
BOUNCE_WEBHOOK_PROVIDERS, at the paths and names anymail.urls gives them."""

from django.conf import settings
from django.urls import path

from tasks.bounces.webhooks import TRACKING_VIEWS

app_name = "anymail"
urlpatterns = [
    path(
        f"{provider}/tracking/",
        TRACKING_VIEWS[provider].as_view(),
        name=f"{provider}_tracking_webhook",
    )
    for provider in settings.BOUNCE_WEBHOOK_PROVIDERS
    if provider in TRACKING_VIEWS  # an unknown name is reported by tasks.bounces.checks
]
