"""What the maintenance jobs remember: the review requests sent to providers, and the
digest emails that tell maintainers about alerts (alerts.models).

Each email is a row before it is a message (an outbox): the jobs create the rows in one
transaction, then send each one and mark it sent. See docs/maintenance.md.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from alerts.models import MaintainerAlert


class ReviewRequest(models.Model):
    """One email asking one contact to confirm one listing, for one review cycle.

    The unique constraint is what makes "one email per listing, contact and cycle" hold
    when the job runs twice, or twice at once.
    """

    class Response(models.TextChoices):
        CONFIRMED = "confirmed", "Still correct"
        CHANGES = "changes", "Something has changed"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    listing = GenericForeignKey("content_type", "object_id")
    cycle = models.CharField(max_length=100)
    email = models.EmailField()
    name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    changes = models.TextField("what has changed", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "cycle", "email"],
                name="tasks_one_review_request_per_contact_and_cycle",
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
                name="tasks_review_request_unsent",
            ),
            models.Index(fields=["content_type", "object_id"], name="tasks_review_request_listing"),
        ]

    def __str__(self):
        return f"Review request to {self.email} ({self.cycle})"

    @property
    def reviewer_name(self) -> str:
        """How the review is credited on the listing."""
        return f"{self.name} ({self.email})" if self.name else self.email


class DigestEmail(models.Model):
    """One maintainer's copy of one digest: the alerts it tells them about."""

    recipient = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)
    alerts = models.ManyToManyField(
        MaintainerAlert, through="DigestItem", related_name="digest_emails"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
                name="tasks_digest_email_unsent",
            )
        ]

    def __str__(self):
        return f"Digest to {self.recipient} ({self.created_at:%Y-%m-%d})"


class DigestItem(models.Model):
    digest_email = models.ForeignKey(DigestEmail, on_delete=models.CASCADE, related_name="items")
    alert = models.ForeignKey(MaintainerAlert, on_delete=models.CASCADE, related_name="+")
    reminder = models.BooleanField(
        default=False, help_text="The alert had been in an earlier digest and is still open."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["digest_email", "alert"], name="tasks_digest_item")
        ]

    def __str__(self):
        return f"{self.alert} in {self.digest_email}"


# Deliverability of contact addresses (docs/bounces.md): defined in their own module,
# registered here.
from tasks.bounces.models import ContactAddress, DeliveryEvent, UnparsedBounce  # noqa: E402, F401
