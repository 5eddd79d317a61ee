"""Anymail's tracking webhook views, for the providers BOUNCE_WEBHOOK_PROVIDERS names.

Only tracking endpoints are exposed (anymail.urls also has inbound ones, which we do
not use, for every provider), and only for the chosen providers. Amazon SES's view is
anymail's without its boto3 set-up: boto3 is needed only to confirm an SNS subscription
automatically, a call to AWS that we leave to the operator (docs/bounces.md), so nothing
here ever reaches the network.
"""

import logging
import warnings

from anymail.exceptions import AnymailNotSupportedWarning
from anymail.webhooks.amazon_ses import AmazonSESBaseWebhookView
from anymail.webhooks.amazon_ses import (
    AmazonSESTrackingWebhookView as AnymailAmazonSESTrackingWebhookView,
)
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridTrackingWebhookView

logger = logging.getLogger(__name__)

# Anymail warns on every SendGrid request that it no longer supports SendGrid
# officially; docs/bounces.md says so once.
warnings.filterwarnings("ignore", category=AnymailNotSupportedWarning, module="anymail")


class AmazonSESTrackingWebhookView(AnymailAmazonSESTrackingWebhookView):
    """Anymail's SES tracking view, without boto3 and without confirming SNS
    subscriptions itself: the confirmation URL is logged for the operator to open."""

    def __init__(self, **kwargs):
        self.auto_confirm_enabled = False
        self.session_params, self.client_params = {}, {}
        super(AmazonSESBaseWebhookView, self).__init__(**kwargs)  # skips the boto3 set-up

    def auto_confirm_sns_subscription(self, sns_message):
        logger.warning(
            "Amazon SNS asks to confirm a subscription of topic %s to the bounce webhook. "
            "If it is yours, open this URL to confirm it: %s",
            sns_message.get("TopicArn"),
            sns_message.get("SubscribeURL"),
        )


# URL segment (as in anymail.urls) -> view. Another anymail provider is one line here,
# and a reader of its bounce severity in tasks.bounces.providers.
TRACKING_VIEWS = {
    "amazon_ses": AmazonSESTrackingWebhookView,
    "mailgun": MailgunTrackingWebhookView,
    "postmark": PostmarkTrackingWebhookView,
    "sendgrid": SendGridTrackingWebhookView,
}
