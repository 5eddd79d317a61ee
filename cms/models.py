"""Abstract models shared by several apps, and the cache epoch."""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

NAMESPACE_LOCAL_OFFER = uuid.UUID("6f0b5d0e-3c0a-4b8e-9a43-6c1e0f0d2a11")


class StableIdMixin(models.Model):
    """A public UUID for the API and the ORUK feed that never changes.

    A translatable object's id is derived from its translation key and locale, so
    each translation has its own id, and copying or syncing a translation can
    never leave two objects with one id.
    """

    uuid = models.UUIDField(
        "public id", unique=True, editable=False, default=uuid.uuid4, db_index=True
    )

    class Meta:
        abstract = True

    def assign_uuid(self) -> None:
        translation_key = getattr(self, "translation_key", None)
        if not translation_key:
            return
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        self.uuid = uuid.uuid5(
            NAMESPACE_LOCAL_OFFER, f"{translation_key}:{self.locale.language_code}"
        )

    # Both: wagtail-localize validates a translation (a copy of its source, id
    # included) before saving it.
    def full_clean(self, *args, **kwargs):
        self.assign_uuid()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.assign_uuid()
        super().save(*args, **kwargs)


class ReviewMixin(models.Model):
    """When a person last checked a listing, and when it is due again.

    Last *reviewed* is not last *modified*: editing a typo does not make the rest
    of a listing true. `next_review_due` is derived and indexed, recomputed on
    every save and by the daily job, so a change of default cannot leave it stale.
    """

    last_reviewed_at = models.DateTimeField(
        "last reviewed",
        null=True,
        blank=True,
        help_text=(
            "When someone last checked that everything on this listing is still correct. "
            "Editing the listing does not change this."
        ),
    )
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="reviewed by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reviewed_by_name = models.CharField(
        "reviewer's name",
        max_length=255,
        blank=True,
        help_text=(
            "For a check made by someone without an account, such as the service's own contact."
        ),
    )
    review_interval_days = models.PositiveIntegerField(
        "review every (days)",
        null=True,
        blank=True,
        help_text="Leave blank to use the usual interval for this kind of listing.",
    )
    next_review_due = models.DateField(
        "next review due", null=True, blank=True, editable=False, db_index=True
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_reviewed_at"), FieldPanel("review_interval_days")]),
                FieldRowPanel(
                    [FieldPanel("last_reviewed_by"), FieldPanel("last_reviewed_by_name")]
                ),
                FieldPanel("next_review_due", read_only=True),
            ],
            heading="Review",
        )
    ]

    class Meta:
        abstract = True

    @classmethod
    def default_review_interval_days(cls) -> int:
        return settings.REVIEW_INTERVAL_DAYS[cls._meta.label_lower]

    @property
    def review_interval(self) -> timedelta:
        return timedelta(days=self.review_interval_days or self.default_review_interval_days())

    def review_baseline(self) -> date:
        """Never reviewed: the clock starts when it was first published (or now)."""
        moment = (
            self.last_reviewed_at or getattr(self, "first_published_at", None) or timezone.now()
        )
        return timezone.localdate(moment)

    def compute_next_review_due(self) -> date:
        return self.review_baseline() + self.review_interval

    def mark_reviewed(self, *, user=None, name: str = "", at=None) -> None:
        self.last_reviewed_at = at or timezone.now()
        self.last_reviewed_by = user
        self.last_reviewed_by_name = name or (user.get_full_name() if user else "")
        self.next_review_due = self.compute_next_review_due()

    def save(self, *args, **kwargs):
        self.next_review_due = self.compute_next_review_due()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "next_review_due" not in update_fields:
            kwargs["update_fields"] = {*update_fields, "next_review_due"}
        super().save(*args, **kwargs)


def refused_by_the_form(exclude, *field_names: str) -> bool:
    """Whether the form has already refused one of these fields (a malformed email, a
    number that is not one): Django leaves such fields out of the model's validation, as
    `exclude`, and a rule about them would only repeat the form's message. A form's own
    rule passes its `errors` instead."""
    return bool(set(exclude or ()) & set(field_names))


MAX_AGE = 25  # the Local Offer covers children and young people from 0 to 25

AGE_ERRORS = {
    "required": "Enter an age from 0 to 25.",
    "invalid": "Enter the age in whole years, such as 5.",
    "min_value": "Ages start at 0: the Local Offer covers 0 to 25.",
    "max_value": "Ages go up to 25: the Local Offer covers 0 to 25.",
}


class AgeField(models.PositiveSmallIntegerField):
    """An age in years, within the Local Offer's 0 to 25, whose errors say so; the
    admin's number box is limited to that range too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MaxValueValidator(MAX_AGE)])
        kwargs.setdefault("error_messages", AGE_ERRORS)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(
            **{"min_value": 0, "max_value": MAX_AGE, "error_messages": AGE_ERRORS, **kwargs}
        )


class AgeRangeMixin(models.Model):
    """Who a listing is for, in years: within 0-25, "from" not above "to"."""

    min_age = AgeField("from age", default=0, help_text="In years, 0 to 25.")
    max_age = AgeField("to age", default=MAX_AGE, help_text="In years, 0 to 25.")

    class Meta:
        abstract = True

    # Checked with the fields, so that a refused age is not compared (see refused_by_the_form).
    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if (
            not refused_by_the_form(exclude, "min_age", "max_age")
            and self.min_age is not None
            and self.max_age is not None
            and self.min_age > self.max_age
        ):
            errors.setdefault("max_age", []).append(
                "The “to” age must be the same as or higher than the “from” age."
            )
        if errors:
            raise ValidationError(errors)


class CacheEpoch(models.Model):
    """A random value made when the database is migrated: part of the namespace of every
    cache key (cms.cache), so two databases sharing one Redis never read each other's
    entries. One row; a copy of the database copies it, and PostgreSQL's database oid
    tells such copies apart. `python manage.py new_cache_epoch` adds a newer row, which
    wins: after a database is restored in place, nothing cached before can match."""

    value = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        get_latest_by = "pk"

    def __str__(self):
        return str(self.value)

    @classmethod
    def current(cls) -> str:
        """The newest epoch; read only, so every process of one database agrees (a table
        emptied by hand gives "-": the database oid still tells databases apart)."""
        value = cls.objects.order_by("-pk").values_list("value", flat=True).first()
        return str(value) if value else "-"
