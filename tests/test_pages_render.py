"""Every page type renders: what editors see in previews and on the fallback site."""

from directory.factories import (
    PartnerPageFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
)
from guides.factories import GuidePageFactory


def test_each_page_type_renders(client, sections):
    site = sections
    service = ServicePageFactory(
        parent=site["council"], title="Sensory play", summary="Messy play."
    )
    ServiceLocationFactory(page=service, name="Colchester Library")
    ServiceContactFactory(page=service, name="Play team")
    ServiceContactFactory(page=service, name="Secret reviewer", is_public=False)
    guide = GuidePageFactory(
        parent=site["guides"],
        body=[
            {"type": "heading", "value": {"text": "Talk first", "level": "h2"}},
            {
                "type": "callout",
                "value": {"tone": "tip", "title": "Tip", "text": "<p>Be calm.</p>"},
            },
            {
                "type": "accordion",
                "value": {
                    "title": "FAQ",
                    "items": [{"question": "Who?", "answer": "<p>SENCo.</p>"}],
                },
            },
            {
                "type": "related_services",
                "value": {"heading": "See also", "services": [service.pk]},
            },
        ],
    )
    partner = PartnerPageFactory(parent=site["directory"], organisation=service.organisation)

    for page in (site["home"], site["directory"], site["council"], site["guides"]):
        assert client.get(page.url).status_code == 200

    html = client.get(service.url).content.decode()
    assert "Messy play." in html
    assert "Colchester Library" in html
    assert "Play team" in html
    assert "Secret reviewer" not in html

    html = client.get(guide.url).content.decode()
    assert "<h2>Talk first</h2>" in html
    assert "<summary>Who?</summary>" in html
    assert f'href="{service.url}"' in html

    html = client.get(partner.url).content.decode()
    assert "Sensory play" in html  # the partner's services
