"""What we know about the deliverability of each contact address we show.

`ContactAddress` is one row per normalised address (trimmed, lower-cased), wherever it is
shown: editing a contact's address makes a new row, and the old one stays as it was.
`DeliveryEvent` is what we heard about it, from any intake, once each: a unique key made
from where the event came from and what it is about means a replayed webhook or a bounce
read twice is stored once. `UnparsedBounce` keeps what reached the bounce intake but could
not be read, for a person to look at.

Registered by tasks/models.py, which imports this module.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class EventKind(models.TextChoices):
    HARD_BOUNCE = "hard-bounce", "Permanent failure"
    SOFT_BOUNCE = "soft-bounce", "Temporary failure"
    COMPLAINT = "complaint", "Marked as spam"
    DELIVERED = "delivered", "Delivered"


class ContactAddressQuerySet(models.QuerySet):
    def undeliverable(self):
        """Addresses we must not write to: they bounce, or their owner called us spam."""
        return self.filter(
            status__in=[ContactAddress.Status.BOUNCED, ContactAddress.Status.COMPLAINED]
        )


class ContactAddress(models.Model):
    class Status(models.TextChoices):
        UNKNOWN = "unknown", "Nothing heard yet"
        OK = "ok", "Delivered"
        SOFT_BOUNCING = "soft-bouncing", "Failing now and then"
        BOUNCED = "bounced", "Returned undelivered"
        COMPLAINED = "complained", "Marked our email as spam"

    address = models.CharField(max_length=254, unique=True, help_text="Trimmed and lower-cased.")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.UNKNOWN, db_index=True
    )
    status_since = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(
        default=0,
        help_text=(
            "Days with a temporary failure since the last delivery; a permanent failure "
            "counts as the whole threshold (BOUNCE_SOFT_THRESHOLD) at once."
        ),
    )
    soft_bounced_on = models.DateField(
        null=True, blank=True, help_text="The last day counted in the score."
    )
    last_event_at = models.DateTimeField(null=True, blank=True)
    last_event_kind = models.CharField(max_length=20, choices=EventKind.choices, blank=True)
    last_diagnostic = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ContactAddressQuerySet.as_manager()

    class Meta:
        ordering = ["address"]
        verbose_name = "contact email address"
        verbose_name_plural = "contact email addresses"

    def __str__(self):
        return self.address

    @property
    def is_deliverable(self) -> bool:
        return self.status not in (self.Status.BOUNCED, self.Status.COMPLAINED)


class DeliveryEvent(models.Model):
    """One thing we heard about mail to one address."""

    class Source(models.TextChoices):
        WEBHOOK = "webhook", "Email provider"
        DSN = "dsn", "Bounce message"
        SMTP = "smtp", "Refused while sending"
        MANUAL = "manual", "A maintainer"

    Kind = EventKind

    address = models.ForeignKey(ContactAddress, on_delete=models.CASCADE, related_name="events")
    source = models.CharField(max_length=10, choices=Source.choices)
    provider = models.CharField(
        max_length=100, blank=True, help_text="The email provider, or the reporting mail server."
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    smtp_status = models.CharField(
        "SMTP status", max_length=20, blank=True, help_text="For example 5.1.1, or 550."
    )
    diagnostic = models.TextField(blank=True)
    payload = models.JSONField(
        default=dict, blank=True, help_text="The provider's event, or the report's fields."
    )
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    # sha256 of source, provider, event (or message) id and recipient: see ingest.event_key.
    key = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["address", "-occurred_at"], name="tasks_delivery_event_address")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.address_id} ({self.occurred_at:%Y-%m-%d})"


class UnparsedBounce(models.Model):
    """A message sent to the bounce address that says nothing we could use: not a bounce
    (an out-of-office reply, say), or a bounce in a shape no parser knows."""

    message = models.TextField(help_text="The raw message, as received (cut at 1 MB).")
    sender = models.CharField(max_length=255, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    reason = models.CharField(max_length=255)
    source = models.CharField(max_length=255, blank=True, help_text="Where it was read from.")
    received_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # sha256 of the raw message: reading the same mailbox twice keeps it once.
    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(
                fields=["received_at"],
                condition=Q(reviewed_at__isnull=True),
                name="tasks_unparsed_bounce_open",
            )
        ]

    def __str__(self):
        return self.subject or f"Unparsed bounce {self.pk}"
