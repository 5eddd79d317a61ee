from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import GuideBodyBlock
from cms.localise import in_page_language
from cms.models import AgeRangeMixin, ReviewMixin, StableIdMixin
from cms.pages import LocalOfferPage
from cms.panels import MaintenancePanel
from cms.reviewers import ReviewedPageForm
from cms.teams import TeamSectionMixin
from cms.widgets import GroupedCheckboxes


class GuideIndexPage(TeamSectionMixin, LocalOfferPage):
    introduction = RichTextField(features=["bold", "italic", "link"], blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]

    content_panels = LocalOfferPage.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + TeamSectionMixin.team_panels

    class Meta:
        verbose_name = "guide section"


class GuidePage(ReviewMixin, StableIdMixin, AgeRangeMixin, LocalOfferPage):
    """Advice for families or young people, such as "When people can't agree"."""

    base_form_class = ReviewedPageForm

    introduction = models.TextField(help_text="What the guide helps with, in a sentence or two.")
    body = StreamField(GuideBodyBlock())
    audience = ParentalManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        related_name="guides_for_audience",
        limit_choices_to={"vocabulary": "audience"},
        help_text="Who the guide is written for.",
    )
    topics = ParentalManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        related_name="guides_on_topic",
        limit_choices_to={"vocabulary__in": ["category", "need"]},
    )

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    content_panels = LocalOfferPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    audience_panels = [
        FieldPanel("audience", widget=GroupedCheckboxes),
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading="Ages"),
        FieldPanel("topics", widget=GroupedCheckboxes),
        InlinePanel("related_guides", heading="Related guides", label="guide"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList([MaintenancePanel("open_alerts"), *content_panels], heading="Guide"),
            ObjectList(audience_panels, heading="Audience and topics"),
            ObjectList(ReviewMixin.review_panels, heading="Review"),
            ObjectList(LocalOfferPage.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    override_translatable_fields = [
        *LocalOfferPage.override_translatable_fields,
        SynchronizedField("last_reviewed_by_name"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
    ]

    class Meta:
        verbose_name = "guide"

    @property
    def audience_in_page_language(self) -> list:
        return in_page_language(self, self.audience.all())

    @property
    def topics_in_page_language(self) -> list:
        return in_page_language(self, self.topics.all())


class RelatedGuide(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(GuidePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("guide", page_type="guides.GuidePage")]

    def clean(self):
        super().clean()
        if self.guide_id and self.guide_id == self.page_id:
            raise ValidationError({"guide": "A guide cannot be related to itself."})
