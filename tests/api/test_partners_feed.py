"""/api/v1/partners/: each partner page lists its organisation's services, as the key
may see them, looked up once per response."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import (
    OrganisationFactory,
    PartnerPageFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from tests.conftest import publish

PARTNERS = "/api/v1/partners/"


def test_a_partner_lists_only_the_services_the_key_may_see(sections, make_partner, api_client_for):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism")
    maze = OrganisationFactory(name="MAZE")
    partner_page = publish(PartnerPageFactory(parent=sections["directory"], organisation=maze))

    def service(slug, terms=(), live=True):
        page = ServicePageFactory(
            parent=sections["council"], slug=slug, organisation=maze, live=live
        )
        page.terms.set(terms)
        return publish(page) if live else page

    tagged = service("tagged", [autism])
    untagged = service("untagged")
    gone = service("gone", [autism])
    gone.unpublish()
    service("draft", [autism], live=False)

    everything = api_client_for(make_partner()).get(f"{PARTNERS}{partner_page.uuid}/").json()
    assert everything["services"] == [str(tagged.uuid), str(untagged.uuid)]
    scoped = api_client_for(make_partner(name="Autism hub", terms=[autism]))
    assert scoped.get(f"{PARTNERS}{partner_page.uuid}/").json()["services"] == [str(tagged.uuid)]


def test_partner_lists_take_the_same_queries_for_more_partners(sections, partner_api):
    def make(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            publish(PartnerPageFactory(parent=sections["directory"], organisation=organisation))
            publish(ServicePageFactory(parent=sections["council"], organisation=organisation))

    def queries():
        partner_api.get(PARTNERS)  # first-call work: the key's last use, the site
        cache.clear()  # then serialize every item afresh
        with CaptureQueriesContext(connection) as captured:
            response = partner_api.get(PARTNERS, {"page_size": 100})
        assert response.status_code == 200
        return len(captured.captured_queries), response.json()["count"]

    make(1)
    few, count = queries()
    assert count == 1
    make(4)
    many, count = queries()
    assert count == 5
    assert many == few
