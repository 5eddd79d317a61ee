"""Wagtail search on the database backend (PostgreSQL full text here)."""

from django.db import connection
from wagtail.models import Page

from directory.factories import OrganisationFactory, PartnerPageFactory, ServicePageFactory
from directory.models import ServicePage
from guides.factories import GuidePageFactory


def test_the_search_backend_is_postgres_full_text(db):
    from wagtail.search.backends import get_search_backend

    assert connection.vendor == "postgresql"
    assert "postgres" in type(get_search_backend()).__module__


def test_services_are_found_by_their_words_and_their_organisation(sections):
    maze = OrganisationFactory(name="The MAZE Group")
    hydro = ServicePageFactory(
        parent=sections["council"],
        title="Hydrotherapy sessions",
        description="<p>Warm-water hydrotherapy for children with physical disabilities.</p>",
    )
    ServicePageFactory(parent=sections["council"], title="Sensory play", organisation=maze)

    assert list(ServicePage.objects.live().search("hydrotherapy")) == [hydro]
    found = ServicePage.objects.live().search("maze")
    assert [page.title for page in found] == ["Sensory play"]
    assert list(ServicePage.objects.live().search("trampolining")) == []


def test_guides_and_partner_pages_are_searchable_together(sections):
    guide = GuidePageFactory(
        parent=sections["guides"],
        title="When people can't agree",
        introduction="What to do about a disagreement over special educational needs support.",
    )
    partner = PartnerPageFactory(
        parent=sections["directory"],
        title="Multi Schools Council",
        introduction=(
            "Pupils from mainstream and special schools meet each term to tackle disagreement."
        ),
    )
    results = {page.specific for page in Page.objects.live().search("disagreement")}
    assert results == {guide, partner}
