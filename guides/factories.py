import factory
import wagtail_factories

from guides.models import GuideIndexPage, GuidePage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuideIndexPage

    title = "Guides"
    team = ""


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Guide {n}")
    introduction = "What to do when you disagree with a decision about support."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Talk to the SENCo first.</p>"}]
    )
    min_age = 16
    max_age = 25
