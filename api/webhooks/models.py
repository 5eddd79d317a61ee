"""Partners' webhook subscriptions and every delivery made to them.

Events come from the change log (api.changes): an endpoint keeps a cursor into it,
as a partner reading /api/v1/changes/ keeps its own.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from api.webhooks import secrets


class Event(models.TextChoices):
    PUBLISHED = "content.published", "Published"
    UPDATED = "content.updated", "Updated"
    UNPUBLISHED = "content.unpublished", "Unpublished"
    DELETED = "content.deleted", "Deleted"
    OUT_OF_SCOPE = "content.out_of_scope", "Out of scope"


# Sent by POST /api/v1/webhooks/{id}/test/ only: never subscribed to.
TEST_EVENT = "webhook.test"
# The type of a message carrying several events, to an endpoint that asked for them so.
BATCH_EVENT = "batch"
MAX_EVENTS_PER_REQUEST = 100


class WebhookEndpoint(models.Model):
    """A URL of a partner's, told about changes in that partner's scope."""

    # The id partners see; the integer key stays internal.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partner = models.ForeignKey("api.Partner", on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField("URL", max_length=500)
    events = models.JSONField(default=list, help_text="Event types sent to this URL.")
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Inactive endpoints are sent nothing; their events wait until reactivated.",
    )
    max_events_per_request = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_EVENTS_PER_REQUEST)],
        help_text=(
            "Send events in batches of up to this many per request (1 to 100), "
            "or leave empty for one event per request."
        ),
    )
    # Secrets are stored encrypted (api.webhooks.secrets) and never shown again.
    secret_encrypted = models.TextField(editable=False)
    previous_secret_encrypted = models.TextField(blank=True, editable=False)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The change log entry up to which events have been made into deliveries.
    cursor = models.BigIntegerField(default=0, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=255, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partner__name", "created_at"]
        verbose_name = "webhook endpoint"

    def __str__(self):
        return f"{self.partner} → {self.url}"

    def set_secret(self, now=None) -> str:
        """A new secret, returned once. The one it replaces stays valid for a while, so
        receivers can switch over (both sign each message meanwhile)."""
        now = now or timezone.now()
        if self.secret_encrypted:
            self.previous_secret_encrypted = self.secret_encrypted
            self.previous_secret_expires_at = now + secrets.ROTATION_OVERLAP
        plain = secrets.generate()
        self.secret_encrypted = secrets.encrypt(plain)
        return plain

    def signing_secrets(self, now=None) -> list[str]:
        now = now or timezone.now()
        current = [secrets.decrypt(self.secret_encrypted)]
        if self.previous_secret_encrypted and self.previous_secret_expires_at > now:
            current.append(secrets.decrypt(self.previous_secret_encrypted))
        return current


class WebhookDelivery(models.Model):
    """One event for one endpoint: sent until it succeeds, fails for good, or is
    given up on. Every attempt carries the same webhook-id."""

    class State(models.TextChoices):
        PENDING = "pending"  # waiting for its next attempt
        SENDING = "sending"  # claimed by a worker
        DELIVERED = "delivered"
        FAILED = "failed"  # a permanent failure, or retries ran out
        BATCHED = "batched"  # one event of a batch: sent, retried and logged as the batch

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    message_id = models.CharField("webhook-id", max_length=40, unique=True, editable=False)
    event = models.CharField(max_length=40)
    object_id = models.UUIDField(null=True, blank=True)
    change = models.BigIntegerField(
        null=True, blank=True, help_text="The change log entry this event came from."
    )
    payload = models.JSONField()
    # A batch's events are kept one by one too (state batched), so that what each
    # partner was told about each item reads the same whether it came batched or not.
    batch = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempt_count = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [
            models.Index(fields=["state", "next_attempt_at"]),
            models.Index(fields=["endpoint", "object_id", "id"]),
        ]

    def __str__(self):
        return f"{self.event} {self.message_id}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery, as it went."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    started_at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)
    latency_ms = models.PositiveIntegerField(default=0)
    response_excerpt = models.TextField(blank=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        outcome = self.status_code or self.error
        return f"{self.delivery.message_id} at {self.started_at:%Y-%m-%d %H:%M:%S}: {outcome}"
