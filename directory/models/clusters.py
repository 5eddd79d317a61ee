from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index

from cms.models import ReviewMixin, StableIdMixin
from cms.panels import MaintenancePanel
from cms.reviewers import ReviewedSnippetForm
from cms.validators import validate_uk_phone
from directory.choices import ServiceArea


class Cluster(
    ReviewMixin, StableIdMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """An Education, Early Years and SEND cluster: settings grouped by locality, with
    the council staff allocated to them (seed 000)."""

    base_form_class = ReviewedSnippetForm

    name = models.CharField(max_length=255)
    quadrant = models.CharField(max_length=20, choices=ServiceArea.choices)
    description = models.TextField(blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cluster")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("quadrant")]),
        FieldPanel("description"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList([MaintenancePanel("open_alerts"), *panels], heading="Cluster"),
            ObjectList(
                [
                    MaintenancePanel("contact_delivery", "staff"),
                    InlinePanel("staff", heading="Allocated staff", label="staff member"),
                ],
                heading="Staff",
            ),
            ObjectList(
                [InlinePanel("settings", heading="Member settings", label="setting")],
                heading="Settings",
            ),
            ObjectList(ReviewMixin.review_panels, heading="Review"),
        ]
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("quadrant"),
        index.FilterField("live"),
        index.RelatedFields("settings", [index.SearchField("name")]),
        index.RelatedFields("staff", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["quadrant", "name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class ClusterSetting(Orderable):
    class Kind(models.TextChoices):
        EARLY_YEARS = "early-years", "Early years setting"
        PRIMARY = "primary", "Primary school"
        SECONDARY = "secondary", "Secondary school"
        SPECIAL = "special", "Special school"
        COLLEGE = "college", "College"

    cluster = ParentalKey(Cluster, on_delete=models.CASCADE, related_name="settings")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    town = models.CharField(max_length=100, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("town")])]

    def __str__(self):
        return self.name


class ClusterStaff(Orderable):
    class Role(models.TextChoices):
        INCLUSION_PARTNER = "inclusion-partner", "Inclusion Partner"
        QUADRANT_MANAGER = "send-quadrant-manager", "SEND Quadrant Manager"
        EDUCATIONAL_PSYCHOLOGIST = "educational-psychologist", "Educational Psychologist"
        SPECIALIST_TEACHER = "specialist-teacher", "Specialist Teacher"
        EARLY_YEARS_LEAD = "early-years-lead", "Early Years SEND Lead"

    cluster = ParentalKey(Cluster, on_delete=models.CASCADE, related_name="staff")
    role = models.CharField(max_length=40, choices=Role.choices)
    name = models.CharField(max_length=255)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True, validators=[validate_uk_phone])

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("name")]),
        # Even in a draft: the email is how maintainers reach them, and what bounces.
        FieldRowPanel([FieldPanel("email", required_on_save=True), FieldPanel("phone")]),
    ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
