"""What the maintenance jobs remember: alerts for maintainers, the review requests sent to
providers, and the digest emails that tell maintainers about alerts.

Each email is a row before it is a message (an outbox): the jobs create the rows in one
transaction, then send each one and mark it sent. See docs/maintenance.md.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def about(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )


class MaintainerAlert(models.Model):
    """Something about one object that a maintainer should look at.

    At most one alert is open per object, kind and cycle (a partial unique index), so a
    job that raises the same alert every day raises it once. The cycle says which
    occurrence it is: an overdue review names the due date it missed, so when the listing
    is reviewed and falls due again, the new cycle raises a new alert.
    """

    class Kind(models.TextChoices):
        OVERDUE_REVIEW = "overdue-review", "Overdue for review"
        DEFUNCT_ORGANISATION = "defunct-organisation", "Run by an organisation that has closed"
        PROVIDER_CHANGES = "provider-changes", "Provider says it needs changes"
        READER_FEEDBACK = "reader-feedback", "Reader feedback"
        FAILING_WEBHOOK = "failing-webhook", "Partner webhook failing"
        BOUNCING_CONTACT = "bouncing-contact", "Contact email returned undelivered"

    kind = models.CharField("alert", max_length=40, choices=Kind.choices, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # Every object we alert about has an integer primary key; an integer keeps the
    # jobs' joins on indexes (Wagtail's generic relations use text to allow any key).
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    label = models.CharField(
        "about", max_length=255, help_text="The object's name when the alert was raised."
    )
    # Long enough for an email address: a bouncing contact's cycle is the address.
    cycle = models.CharField(max_length=254, blank=True)
    message = models.TextField("details", blank=True)
    created_at = models.DateTimeField("raised", default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(
        "last in the digest",
        null=True,
        blank=True,
        help_text="When it last went into the maintainers' digest.",
    )
    resolved_at = models.DateTimeField("resolved", null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind", "cycle"],
                condition=Q(resolved_at__isnull=True),
                name="tasks_one_open_alert_per_object_kind_cycle",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="tasks_alert_subject")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


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
