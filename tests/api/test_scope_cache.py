"""One partner's cached answer is never served to another: every part of an item that
depends on the reader's scope (related guides, related services in guide bodies, a
partner page's services, the translations map) is built for that scope. Each test has a
wide partner read first, so the caches are warm when the narrow one reads the same URL."""

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from directory.factories import (
    OrganisationFactory,
    PartnerPageFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from guides.factories import GuidePageFactory
from guides.models import RelatedGuide
from tests.conftest import publish


@pytest.fixture
def needs():
    return {
        code: TaxonomyTermFactory(vocabulary="need", code=code, name=code.title())
        for code in ("autism", "hearing")
    }


def service(sections, slug, *, terms=(), **fields):
    page = ServicePageFactory(parent=sections["council"], slug=slug, **fields)
    page.terms.set(terms)
    return publish(page)


@pytest.fixture
def guide_with_links(sections, needs):
    """An autism guide that links to an autism guide and a hearing guide, and whose body
    lists an autism service in the north-east and a hearing service in the south."""
    autism, hearing = needs["autism"], needs["hearing"]
    services = {
        "in": service(sections, "autism-service", terms=[autism], service_areas=["north-east"]),
        "out": service(sections, "hearing-service", terms=[hearing], service_areas=["south"]),
    }
    related = {}
    for key, term in (("in", autism), ("out", hearing)):
        page = GuidePageFactory(parent=sections["guides"], slug=f"{key}-guide")
        page.topics.set([term])
        related[key] = publish(page)
    guide = GuidePageFactory(
        parent=sections["guides"],
        slug="main-guide",
        body=[
            {
                "type": "related_services",
                "value": {
                    "heading": "Who can help",
                    "services": [services["in"].pk, services["out"].pk],
                },
            }
        ],
    )
    guide.topics.set([autism])
    guide.related_guides = [RelatedGuide(guide=related["in"]), RelatedGuide(guide=related["out"])]
    guide.save()
    return publish(guide), related, services


def links_of(item) -> tuple[list[str], list[str]]:
    (block,) = [block for block in item["body"] if block["type"] == "related_services"]
    return (
        [guide["id"] for guide in item["related_guides"]],
        [service["id"] for service in block["value"]["services"]],
    )


def test_related_guides_and_services_follow_the_readers_terms(
    guide_with_links, needs, make_partner, api_client_for
):
    guide, related, services = guide_with_links
    wide = api_client_for(make_partner(name="Wide"))
    narrow = api_client_for(make_partner(name="Autism only", terms=[needs["autism"]]))
    url = f"/api/v1/guides/{guide.uuid}/"

    everything = (
        [str(related["in"].uuid), str(related["out"].uuid)],
        [str(services["in"].uuid), str(services["out"].uuid)],
    )
    in_scope = ([str(related["in"].uuid)], [str(services["in"].uuid)])
    assert links_of(wide.get(url).json()) == everything
    assert links_of(narrow.get(url).json()) == in_scope
    # Lists too, each read after the other partner's.
    for client, expected in ((wide, everything), (narrow, in_scope)):
        listed = client.get("/api/v1/guides/", {"page_size": 100}).json()["results"]
        (item,) = [item for item in listed if item["id"] == str(guide.uuid)]
        assert links_of(item) == expected


def test_related_services_in_guide_bodies_follow_the_readers_areas(
    guide_with_links, make_partner, api_client_for
):
    guide, _related, services = guide_with_links
    url = f"/api/v1/guides/{guide.uuid}/"
    wide = api_client_for(make_partner(name="Wide"))
    south = api_client_for(make_partner(name="South", scope_areas=["south"]))
    assert len(links_of(wide.get(url).json())[1]) == 2
    assert links_of(south.get(url).json())[1] == [str(services["out"].uuid)]


def test_guides_without_services_in_scope_list_none(guide_with_links, make_partner, api_client_for):
    guide, _related, _services = guide_with_links
    api_client_for(make_partner(name="Wide")).get(f"/api/v1/guides/{guide.uuid}/")
    guides_only = api_client_for(make_partner(name="Guides", scope_types=["guides"]))
    assert links_of(guides_only.get(f"/api/v1/guides/{guide.uuid}/").json())[1] == []


def test_a_partner_pages_services_follow_the_readers_areas(sections, make_partner, api_client_for):
    organisation = OrganisationFactory()
    north = service(sections, "north", organisation=organisation, service_areas=["north-east"])
    south = service(sections, "south", organisation=organisation, service_areas=["south"])
    page = publish(PartnerPageFactory(parent=sections["directory"], organisation=organisation))
    url = f"/api/v1/partners/{page.uuid}/"
    wide = api_client_for(make_partner(name="Wide"))
    narrow = api_client_for(make_partner(name="South", scope_areas=["south"]))

    assert wide.get(url).json()["services"] == [str(north.uuid), str(south.uuid)]
    assert narrow.get(url).json()["services"] == [str(south.uuid)]
    listed = narrow.get("/api/v1/partners/").json()["results"]
    assert [item["services"] for item in listed] == [[str(south.uuid)]]


def test_the_translations_map_follows_the_readers_scope(sections, make_partner, api_client_for):
    """A translation can fall outside a scope its source is in (its areas were changed)."""
    polish = Locale.objects.create(language_code="pl")
    for section in (sections["home"], sections["directory"], sections["council"]):
        translate_object(section, [polish])
        publish(section.get_translation(polish))
    page = service(sections, "translated", service_areas=["north-east"])
    translate_object(page, [polish])
    translation = page.get_translation(polish)
    translation.service_areas = ["south"]
    publish(translation)
    url = f"/api/v1/services/{page.uuid}/"
    wide = api_client_for(make_partner(name="Wide"))
    north_east = api_client_for(make_partner(name="North-east", scope_areas=["north-east"]))

    assert wide.get(url).json()["translations"] == {"pl": str(translation.uuid)}
    assert north_east.get(url).json()["translations"] == {}
    (listed,) = north_east.get("/api/v1/services/").json()["results"]
    assert listed["translations"] == {}


def test_a_change_of_scope_terms_is_served_at_once(sections, needs, make_partner, api_client_for):
    """Terms are a relation apart from the partner's row: changing them must still make
    the partner's validators, and so its cached pages, new."""
    autism = service(sections, "autism", terms=[needs["autism"]])
    hearing = service(sections, "hearing", terms=[needs["hearing"]])
    partner = make_partner(terms=[needs["autism"]])
    client = api_client_for(partner)
    first = client.get("/api/v1/services/")
    assert [item["id"] for item in first.json()["results"]] == [str(autism.uuid)]
    detail = client.get(f"/api/v1/services/{autism.uuid}/")

    partner.scope_terms.set([needs["hearing"]])

    again = client.get("/api/v1/services/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert [item["id"] for item in again.json()["results"]] == [str(hearing.uuid)]
    gone = client.get(f"/api/v1/services/{autism.uuid}/", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert gone.status_code == 404
