"""Alerts for maintainers: something about one object (a listing, an organisation, a
partner's webhook) that a maintainer should look at.

They sit below `api` and `tasks`, which both raise them: a reader's feedback and a failing
webhook (api), the stale scan, review requests and bounces (tasks). Raising and resolving
them is `alerts.raising`; the digest that tells maintainers about them and their admin
are in `tasks`. See docs/maintenance.md.
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
        PUBLICATION_DRIFT = "publication-drift", "Published document was out of step (repaired)"

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
        # The constraint and index were named when the model was in `tasks`; the names
        # stayed with them (renaming would rebuild them).
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
