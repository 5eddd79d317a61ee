from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import LinkBlock, PartnerBodyBlock
from cms.models import ReviewMixin, StableIdMixin
from cms.pages import LocalOfferPage
from cms.panels import MaintenancePanel
from cms.reviewers import ReviewedPageForm
from cms.teams import TeamSectionMixin
from cms.visibility import is_public_media, public_pages


class DirectoryIndexPage(TeamSectionMixin, LocalOfferPage):
    """A section of the directory, such as Council services or Health services."""

    introduction = RichTextField(features=["bold", "italic", "link"], blank=True)

    parent_page_types = ["home.HomePage", "directory.DirectoryIndexPage"]
    subpage_types = [
        "directory.ServicePage",
        "directory.PartnerPage",
        "directory.DirectoryIndexPage",
    ]

    content_panels = LocalOfferPage.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + TeamSectionMixin.team_panels

    class Meta:
        verbose_name = "directory section"


class PartnerPage(ReviewMixin, StableIdMixin, LocalOfferPage):
    """The profile of a partner organisation, such as MAZE or the Multi Schools Council."""

    base_form_class = ReviewedPageForm

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="partner_pages"
    )
    introduction = models.TextField(help_text="A short introduction, shown in lists of partners.")
    body = StreamField(PartnerBodyBlock(), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave blank to use the organisation's logo.",
    )
    links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="Their website, social media, app."
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    content_panels = [MaintenancePanel("open_alerts"), *LocalOfferPage.content_panels] + [
        FieldPanel("organisation"),
        MaintenancePanel("contact_delivery", "organisation"),
        FieldPanel("introduction"),
        FieldPanel("logo"),
        FieldPanel("body"),
        FieldPanel("links"),
        *ReviewMixin.review_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "partner page"

    @property
    def display_logo(self):
        """The page's logo, else its organisation's; None if that one is in a restricted
        collection (a restricted page logo does not fall back: the page replaced the
        organisation's logo, and its editor should see it is not shown)."""
        logo = self.logo or self.organisation.logo
        return logo if is_public_media(logo) else None

    def services(self):
        """The partner's public services (cms.visibility), in this page's language."""
        from directory.models import ServicePage

        return public_pages(ServicePage).filter(
            organisation__translation_key=self.organisation.translation_key, locale=self.locale
        )
