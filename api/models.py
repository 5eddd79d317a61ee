from django.conf import settings
from django.db import models
from django.db.models import Subquery
from django.utils import timezone
from rest_framework_api_key.models import AbstractAPIKey, BaseAPIKeyManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from cms.fields import ChoiceListField
from cms.forms import LocalOfferModelForm
from cms.widgets import GroupedCheckboxes
from directory.choices import ServiceArea

# Resource types of the feed, by the name partners see in URLs and the change feed.
RESOURCE_TYPES = [
    ("services", "Services"),
    ("guides", "Guides"),
    ("partners", "Partner pages"),
    ("clusters", "Clusters"),
    ("organisations", "Organisations"),
    ("taxonomy-terms", "Taxonomy terms"),
]


class Partner(models.Model):
    """A site that reads the Local Offer through the API, and what it may read.

    An empty scope list means "everything of that kind".
    """

    name = models.CharField(max_length=255, unique=True)
    organisation = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_email = models.EmailField(
        blank=True, help_text="Told about failing webhooks and key changes."
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Untick to refuse all of this partner's keys at once."
    )
    scope_types = ChoiceListField(
        "content types", choices_list=RESOURCE_TYPES, help_text="Leave empty for all."
    )
    scope_terms = models.ManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        related_name="+",
        verbose_name="taxonomy terms",
        help_text=(
            "Services and guides must have at least one of these terms (or a term below one). "
            "Leave empty for all."
        ),
    )
    scope_areas = ChoiceListField(
        "service areas",
        choices_list=ServiceArea.choices,
        help_text="Services and clusters must cover one of these quadrants. Leave empty for all.",
    )
    scope_locales = ChoiceListField(
        "languages",
        choices_list=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text="Leave empty for all.",
    )
    # The scope the change feed last acted on: when the scope changes, the feed
    # writes this partner's tombstones and upserts (see api.changes.apply_scope_change).
    scope_applied = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = LocalOfferModelForm
    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("contact_email"),
        FieldPanel("is_active"),
        MultiFieldPanel(
            [
                FieldPanel("scope_types"),
                FieldPanel("scope_terms", widget=GroupedCheckboxes),
                FieldPanel("scope_areas"),
                FieldPanel("scope_locales"),
            ],
            heading="Scope",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # scope_applied belongs to the change feed: an edit made from a stale copy
        # of the partner must not wind it back.
        if self.pk and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "scope_applied"
            ]
        super().save(*args, **kwargs)


class PartnerAPIKeyManager(BaseAPIKeyManager):
    def get_usable_keys(self):
        return super().get_usable_keys().filter(partner__is_active=True).select_related("partner")

    def authenticate(self, key: str) -> "PartnerAPIKey":
        """The usable key matching `key`, read together with the change log's latest
        entry (`content_sequence`, `content_modified`) and the latest expiry that has
        passed (see api.public.lapse_subqueries): the feed's ETags derive from them, so
        a conditional request is decided on one database round trip."""
        from api.public import lapse_subqueries  # imports content models

        latest = ChangeLogEntry.objects.order_by("-id")
        prefix = key.partition(".")[0]
        api_key = (
            self.get_usable_keys()
            .annotate(
                content_sequence=Subquery(latest.values("id")[:1]),
                content_modified=Subquery(latest.values("modified")[:1]),
                **lapse_subqueries(),
            )
            .get(prefix=prefix)
        )
        if api_key.has_expired or not api_key.is_valid(key):
            raise self.model.DoesNotExist("Key is not valid.")
        return api_key


class PartnerAPIKey(AbstractAPIKey):
    """An API key of a partner: hashed at rest, shown once, revocable."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PartnerAPIKeyManager()

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "partner API key"
        verbose_name_plural = "partner API keys"

    # Recording use on every request would write on every read: once a minute is enough.
    LAST_USED_RESOLUTION_SECONDS = 60

    def record_use(self) -> None:
        now = timezone.now()
        last = self.last_used_at
        if last is None or (now - last).total_seconds() >= self.LAST_USED_RESOLUTION_SECONDS:
            PartnerAPIKey.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class ChangeLogEntry(models.Model):
    """One change to one published item, in the order changes happened.

    The id is the feed's sequence. Each row carries the item's scope facts before
    and after the change, so each partner can tell, without looking anything up,
    whether the change brought the item into its scope, kept it there, or took it
    out (a tombstone). Rows with a partner are that partner's alone: the upserts
    and tombstones of a change of its scope.
    """

    class Action(models.TextChoices):
        UPSERT = "upsert"
        DELETE = "delete"

    resource = models.CharField(max_length=20, choices=RESOURCE_TYPES)
    object_id = models.UUIDField(db_index=True)
    locale = models.CharField(max_length=10)

    class Reason(models.TextChoices):
        PUBLISHED = "published"
        UNPUBLISHED = "unpublished"
        DELETED = "deleted"
        MOVED = "moved"
        RESTRICTED = "restricted"  # a view restriction was added or removed
        RELATED = "related"  # an organisation or term it shows changed
        REVIEWED = "reviewed"
        SCOPE = "scope"  # the partner's scope changed

    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    modified = models.DateTimeField(default=timezone.now)
    # The stored document's version this entry announces (the last one, for a removal).
    version = models.PositiveIntegerField(null=True, blank=True)
    scope_before = models.JSONField(null=True, blank=True)
    scope_after = models.JSONField(null=True, blank=True)
    partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_id", "-id"])]
        verbose_name_plural = "change log entries"

    def __str__(self):
        return f"#{self.pk} {self.action} {self.resource} {self.object_id}"


class ReaderFeedback(models.Model):
    """A reader's report, passed on by a partner site, that a listing is wrong.

    Kept for maintainers (each raises an alert); never published.
    """

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="reader_feedback"
    )
    partner = models.ForeignKey(
        Partner, null=True, on_delete=models.SET_NULL, related_name="feedback_sent"
    )
    message = models.TextField()
    contact = models.CharField(
        max_length=255, blank=True, help_text="How to reach the reader, if they gave it."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "reader feedback"

    def __str__(self):
        return f"Feedback on {self.service} ({self.created_at:%Y-%m-%d})"


# Declared in their own modules; imported here so Django finds them in this app.
from api.publication.models import PendingPublication, PublishedDocument  # noqa: E402
from api.webhooks.models import (  # noqa: E402
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

__all__ = [
    "ChangeLogEntry",
    "Partner",
    "PartnerAPIKey",
    "PendingPublication",
    "PublishedDocument",
    "ReaderFeedback",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
