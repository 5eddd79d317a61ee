"""The store of published documents, and the outbox of what must be rendered again."""

from django.db import models
from django.utils import timezone

# The resources of the feed (api.models.RESOURCE_TYPES names them for partners).
RESOURCE_MAX_LENGTH = 20


class PublishedDocumentQuerySet(models.QuerySet):
    def current(self, now=None):
        """What may be read now: the only condition the read path adds to the store."""
        now = now or timezone.now()
        return self.filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))


class PublishedDocument(models.Model):
    """One public item in one locale, as partners get it.

    A row exists only while its item is public by `cms.visibility`'s rule; the writer
    (`api.publication.writer`) is the only code that adds, changes or removes rows.
    `document` is the item's v1 JSON; `oruk` its Open Referral UK record where the
    resource has one; the scope columns are the facts any partner's scope is decided
    on; `links` holds, for the parts of the document that point to other items
    (translations, related guides and services), the facts of what they point to, so
    one function (`api.publication.narrow`) can fit the document to a reader's scope.
    """

    resource = models.CharField(max_length=RESOURCE_MAX_LENGTH)
    object_id = models.UUIDField(unique=True)
    locale = models.CharField(max_length=10, blank=True)
    # The source row (a page id or a snippet pk): for Wagtail search, and for repairs.
    source_pk = models.PositiveIntegerField()
    translation_key = models.UUIDField(null=True, blank=True)

    document = models.JSONField()
    oruk = models.JSONField(null=True, blank=True)
    links = models.JSONField(default=dict, blank=True)

    # Scope facts and filter columns.
    terms = models.JSONField(
        default=list, blank=True, help_text="Translation keys, with ancestors."
    )
    areas = models.JSONField(default=list, blank=True)
    organisation = models.UUIDField(null=True, blank=True, help_text="Its translation key.")
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # The order editors gave (a page's tree path) or the resource's natural order.
    sort_key = models.CharField(max_length=512, blank=True)
    title = models.CharField(max_length=512, blank=True)

    version = models.PositiveIntegerField(default=1)
    modified = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = PublishedDocumentQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["resource", "sort_key"], name="published_by_resource"),
            models.Index(fields=["resource", "modified"], name="published_by_modified"),
            models.Index(fields=["translation_key"], name="published_by_translation"),
            models.Index(fields=["resource", "source_pk"], name="published_by_source"),
            # The latest expiry passed, in every ETag (api.public.lapse_subqueries).
            models.Index(
                fields=["expires_at"],
                name="published_by_expiry",
                condition=models.Q(expires_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.resource} {self.object_id} v{self.version}"

    @property
    def facts(self) -> dict:
        """Its scope facts in the shape `api.scope.Scope.allows` reads."""
        return facts_of(self)


def facts_of(row) -> dict:
    facts = {"type": row.resource, "locale": row.locale or None}
    if row.resource in ("services", "guides"):
        facts["terms"] = row.terms
    if row.resource in ("services", "clusters"):
        facts["areas"] = row.areas
    return facts


class PendingPublication(models.Model):
    """An item whose documents must be rendered again: written in the same transaction
    as the change that calls for it, so a broker outage loses nothing. The worker
    renders and deletes it after commit; the sweep takes any left behind."""

    resource = models.CharField(max_length=RESOURCE_MAX_LENGTH)
    source_pk = models.PositiveIntegerField()
    reason = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="pending_by_age")]

    def __str__(self):
        return f"{self.resource} #{self.source_pk} ({self.reason or 'changed'})"
