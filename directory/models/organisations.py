from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models import StableIdMixin
from cms.panels import MaintenancePanel
from cms.teams import TeamOwnedForm, TeamOwnedMixin
from cms.validators import validate_uk_phone


class Organisation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TeamOwnedMixin,
    StableIdMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A body that runs services: the council, the NHS, a school, a charity.

    It belongs to a team (council, health, or shared by both), whose editors change it
    through moderation: the row is the published version, drafts are revisions.
    """

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local-authority", "Local authority"
        NHS = "nhs", "NHS"
        EDUCATION = "education", "School or college"
        VOLUNTARY = "voluntary", "Voluntary or community"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        DEFUNCT = "defunct", "No longer exists"

    name = models.CharField(max_length=255)
    description = models.TextField(
        blank=True, help_text="What the organisation does, in a few sentences."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.VOLUNTARY)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="A general enquiries address, not a person's.")
    phone = models.CharField(max_length=40, blank=True, validators=[validate_uk_phone])
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text="The organisation that took over its work, if any.",
    )
    defunct_since = models.DateField("closed on", null=True, blank=True)
    defunct_note = models.TextField(
        "what happened",
        blank=True,
        help_text="For example: abolished on 1 July 2022 and replaced by the ICB.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organisation")

    base_form_class = TeamOwnedForm
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("team")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                MaintenancePanel("contact_delivery"),
            ],
            heading="Contact",
        ),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("defunct_since")]),
                FieldPanel("replaced_by"),
                FieldPanel("defunct_note"),
            ],
            heading="Status",
            help_text=(
                "When an organisation closes, every listing it runs is flagged for review, "
                "and partner sites are shown its successor."
            ),
        ),
    ]

    # A translation belongs to its source's team.
    override_translatable_fields = [SynchronizedField("phone"), SynchronizedField("team")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("team"),
        index.FilterField("status"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} (closed)" if self.is_defunct else self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_defunct(self) -> bool:
        return self.status == self.Status.DEFUNCT

    def successor(self):
        """The organisation now doing this one's work, following a chain of closures."""
        seen, current = {self.pk}, self.replaced_by
        while current is not None and current.is_defunct and current.replaced_by_id not in seen:
            seen.add(current.pk)
            current = current.replaced_by
        return current

    def clean(self):
        super().clean()
        errors = {}
        if self.is_defunct and not self.replaced_by_id and not self.defunct_note.strip():
            errors.setdefault("replaced_by", []).append(
                "An organisation that no longer exists needs its successor, or a note of what "
                "happened to it."
            )
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors.setdefault("replaced_by", []).append("An organisation cannot replace itself.")
        if self.replaced_by_id and not self.is_defunct:
            errors["status"] = "Only an organisation that no longer exists can have a successor."
        if errors:
            raise ValidationError(errors)
