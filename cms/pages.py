"""The base of every Local Offer page type.

The pages are entries of a headless directory: partner sites receive their content
through the API, and nothing here is a blog. So the title and slug say what partners
get, and the promote panel keeps only the slug: the API sends no title tag and no
search description, and partner sites build their own menus ("Show in menus").
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from cms.forms import LocalOfferPageForm

TITLE_HELP = "The name partner sites show as its heading, in the words families use."
SLUG_HELP = (
    "The last part of its web address, in lower case with hyphens. Partner sites receive "
    "this address as its link: changing it changes the link."
)


class LocalOfferPage(Page):
    base_form_class = LocalOfferPageForm

    content_panels = [TitleFieldPanel("title", help_text=TITLE_HELP)]
    promote_panels = [
        MultiFieldPanel([FieldPanel("slug", help_text=SLUG_HELP)], heading="Web address")
    ]
    # Nobody edits these, so translators are not given them either. A page type that
    # overrides more fields adds its own to these.
    override_translatable_fields = [
        SynchronizedField("seo_title", overridable=False),
        SynchronizedField("search_description", overridable=False),
    ]

    class Meta:
        abstract = True
