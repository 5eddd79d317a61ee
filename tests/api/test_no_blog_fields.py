"""The page fields of a blog engine that the edit forms no longer offer, because partners
receive nothing of them."""

from directory.factories import ServicePageFactory
from tests.conftest import publish


def test_the_api_sends_neither_a_title_tag_nor_a_search_description(partner_api, sections):
    service = ServicePageFactory(parent=sections["council"], title="Portage home visiting")
    service.seo_title = "Portage | Essex"
    service.search_description = "Home visits for under-fives."
    publish(service)

    body = partner_api.get(f"/api/v1/services/{service.uuid}/").content.decode()
    assert "Portage home visiting" in body
    assert "Portage | Essex" not in body
    assert "Home visits for under-fives." not in body
