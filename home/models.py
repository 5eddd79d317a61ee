from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.pages import LocalOfferPage


class HomePage(LocalOfferPage):
    """The root of the Local Offer in one locale; everything else sits below it."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown at the top of partner sites' Local Offer pages.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["directory.DirectoryIndexPage", "guides.GuideIndexPage"]

    content_panels = LocalOfferPage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured", heading="Featured guides and services", label="feature", max_num=8),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = "home page"


class HomeFeature(Orderable):
    """A guide or service the home page puts forward."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type=["guides.GuidePage", "directory.ServicePage"])]
