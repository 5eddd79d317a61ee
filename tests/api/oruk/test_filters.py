"""Each query parameter of the ORUK lists filters as the standard says, and several
combine with AND. One small directory, made once for the module:

    service     organisation         terms                  location (distance from CO1 1JB)
    Hearing     County Council       hearing < sensory,     Colchester, CO1 1JB (0 km)
                                     learning
    Autism      North East Essex CCG autism                 Clacton, CO15 1QB (about 21 km)
                (closed, now the ICB)
    Sensory     NHS ICB              sensory, young people  Chelmsford, CM1 1QH (about 34 km)
                                                            and one with no coordinates
    Advice      County Council       autism, learning       Southend, SS1 1AA (about 40 km)
    Archive     Old Charity (closed) none                   none
"""

import math
from datetime import UTC, datetime

import pytest

from api.oruk import geocoding
from api.oruk.querysets import service_locations
from directory.factories import OrganisationFactory, TaxonomyTermFactory
from directory.models import Organisation, ServicePage
from tests.api.oruk.conftest import (
    add_service,
    get_json,
    location,
    make_sections,
    module_transaction,
)

PLACES = {
    "Colchester": ("CO1 1JB", "51.889500", "0.898600"),
    "Clacton": ("CO15 1QB", "51.789500", "1.152700"),
    "Chelmsford": ("CM1 1QH", "51.735600", "0.468500"),
    "Southend": ("SS1 1AA", "51.545900", "0.707700"),
}


def place(town):
    postcode, latitude, longitude = PLACES[town]
    return location(name=town, town=town, postcode=postcode, latitude=latitude, longitude=longitude)


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        council = OrganisationFactory(name="County Council")
        icb = OrganisationFactory(name="NHS ICB")
        ccg = OrganisationFactory(
            name="North East Essex CCG", status=Organisation.Status.DEFUNCT, replaced_by=icb
        )
        old = OrganisationFactory(
            name="Old Charity", status=Organisation.Status.DEFUNCT, defunct_note="Wound up."
        )
        sensory = TaxonomyTermFactory(vocabulary="need", code="sensory", name="Sensory")
        terms = {
            "sensory": sensory,
            "hearing": TaxonomyTermFactory(
                vocabulary="need", code="hearing", name="Hearing", parent=sensory
            ),
            "autism": TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism"),
            "learning": TaxonomyTermFactory(vocabulary="category", code="learning"),
            "young": TaxonomyTermFactory(vocabulary="audience", code="young-people"),
        }
        section = make_sections()["council"]
        services = {
            "Hearing": add_service(
                section,
                title="Hearing",
                summary="Audiology clinic for children.",
                organisation=council,
                terms=[terms["hearing"], terms["learning"]],
                locations=[place("Colchester")],
            ),
            "Autism": add_service(
                section,
                title="Autism",
                organisation=ccg,
                terms=[terms["autism"]],
                locations=[place("Clacton")],
            ),
            "Sensory": add_service(
                section,
                title="Sensory",
                organisation=icb,
                terms=[terms["sensory"], terms["young"]],
                locations=[place("Chelmsford"), location(name="Online", postcode="")],
            ),
            "Advice": add_service(
                section,
                title="Advice",
                organisation=council,
                terms=[terms["autism"], terms["learning"]],
                locations=[place("Southend")],
            ),
            "Archive": add_service(section, title="Archive", organisation=old),
        }
        for month, page in enumerate(services.values(), start=1):
            published = datetime(2026, month, 1, tzinfo=UTC)
            ServicePage.objects.filter(pk=page.pk).update(last_published_at=published)
        yield {
            "services": services,
            "terms": terms,
            "organisations": {"council": council, "icb": icb, "ccg": ccg, "old": old},
        }


@pytest.fixture
def known(directory, db):
    return directory


def names(api, path, **params):
    return [item["name"] for item in get_json(api, path, params)["contents"]]


def service_names(api, **params):
    return names(api, "/services", **params)


def towns(api, **params):
    body = get_json(api, "/service_at_locations", params)
    return [item["location"]["name"] for item in body["contents"]]


def uuid_of(obj):
    return str(obj.uuid)


class TestServices:
    def test_no_filter(self, known, api):
        assert service_names(api) == ["Hearing", "Autism", "Sensory", "Advice", "Archive"]

    def test_taxonomy_term_id_includes_the_terms_below_it(self, known, api):
        terms = known["terms"]
        assert service_names(api, taxonomy_term_id=uuid_of(terms["sensory"])) == [
            "Hearing",
            "Sensory",
        ]
        assert service_names(api, taxonomy_term_id=uuid_of(terms["hearing"])) == ["Hearing"]

    def test_taxonomy_term_id_takes_codes_and_several_terms_with_and(self, known, api):
        learning = uuid_of(known["terms"]["learning"])
        assert service_names(api, taxonomy_term_id="autism") == ["Autism", "Advice"]
        assert service_names(api, taxonomy_term_id=f"sensory,{learning}") == ["Hearing"]
        assert service_names(api, taxonomy_term_id=["autism", "learning"]) == ["Advice"]

    def test_taxonomy_id_by_id_or_vocabulary(self, known, api):
        taxonomies = {t["name"]: t["id"] for t in get_json(api, "/taxonomies")["contents"]}
        assert service_names(api, taxonomy_id=taxonomies["Audience"]) == ["Sensory"]
        assert service_names(api, taxonomy_id="category") == ["Hearing", "Advice"]

    def test_organization_id_includes_the_services_of_organisations_it_succeeded(self, known, api):
        organisations = known["organisations"]
        assert service_names(api, organization_id=uuid_of(organisations["icb"])) == [
            "Autism",
            "Sensory",
        ]
        # A closed organisation's services are shown under its successor, not itself.
        assert service_names(api, organization_id=uuid_of(organisations["ccg"])) == []
        # One with no successor is still shown.
        assert service_names(api, organization_id=uuid_of(organisations["old"])) == ["Archive"]

    def test_modified_after_is_on_or_after(self, known, api):
        march = "2026-03-01T00:00:00Z"
        assert service_names(api, modified_after=march) == ["Sensory", "Advice", "Archive"]
        same_moment = "2026-03-01T01:00:00+01:00"
        assert service_names(api, modified_after=same_moment) == ["Sensory", "Advice", "Archive"]
        assert service_names(api, modified_after="2026-03-01T00:00:01Z") == ["Advice", "Archive"]

    def test_search(self, known, api):
        assert service_names(api, search="audiology") == ["Hearing"]
        assert service_names(api, search="zanzibar") == []

    def test_parameters_combine_with_and(self, known, api):
        terms, organisations = known["terms"], known["organisations"]
        council = uuid_of(organisations["council"])
        autism = uuid_of(terms["autism"])
        assert service_names(api, organization_id=council) == ["Hearing", "Advice"]
        assert service_names(api, taxonomy_term_id=autism) == ["Autism", "Advice"]
        assert service_names(api, organization_id=council, taxonomy_term_id=autism) == ["Advice"]
        assert (
            service_names(
                api, organization_id=council, taxonomy_term_id=autism, modified_after="2026-05-01"
            )
            == []
        )
        assert service_names(api, taxonomy_id="need", search="audiology") == ["Hearing"]

    def test_minimal_lists_everything_in_one_page_with_just_enough(self, known, api):
        body = get_json(api, "/services", {"minimal": "true"})
        assert body["total_pages"] == 1
        assert [set(item) for item in body["contents"]] == [
            {"id", "name", "status", "last_modified"}
        ] * 5
        assert body["contents"][0]["last_modified"] == "2026-01-01T00:00:00.000Z"

    def test_full_nests_what_the_default_leaves_out(self, known, api):
        plain = get_json(api, "/services")["contents"][0]
        full = get_json(api, "/services", {"full": "true"})["contents"][0]
        assert "attributes" not in plain
        assert "service_at_locations" not in plain
        assert {"attributes", "service_at_locations", "cost_options"} <= set(full)
        assert plain["organization"]["name"] == full["organization"]["name"] == "County Council"


class TestServiceAtLocations:
    def test_every_location_of_every_public_service(self, known, api):
        assert towns(api) == ["Colchester", "Clacton", "Chelmsford", "Online", "Southend"]

    def test_a_postcode_orders_by_distance_with_unplaced_locations_last(self, known, api):
        assert towns(api, postcode="CO1 1JB") == [
            "Colchester",
            "Clacton",
            "Chelmsford",
            "Southend",
            "Online",
        ]

    def test_proximity_keeps_what_is_within_that_many_metres(self, known, api):
        assert towns(api, postcode="CO1 1JB", proximity="25000") == ["Colchester", "Clacton"]
        assert towns(api, postcode="CO1 1JB", proximity="1") == ["Colchester"]
        assert len(towns(api, postcode="CO1 1JB", proximity="1000000")) == 4  # not Online

    def test_postcodes_are_read_leniently(self, known, api):
        assert towns(api, postcode="co11jb", proximity="1") == ["Colchester"]

    def test_an_unknown_postcode_is_placed_at_the_centre_of_its_outward_code(self, known, api):
        assert towns(api, postcode="CO15 9ZZ", proximity="1") == ["Clacton"]
        assert towns(api, postcode="CO15", proximity="1") == ["Clacton"]

    def test_filters_apply_to_the_service(self, known, api):
        terms, organisations = known["terms"], known["organisations"]
        assert towns(api, taxonomy_term_id=uuid_of(terms["autism"])) == ["Clacton", "Southend"]
        assert towns(api, organization_id=uuid_of(organisations["icb"])) == [
            "Clacton",
            "Chelmsford",
            "Online",
        ]
        assert towns(api, taxonomy_id="audience") == ["Chelmsford", "Online"]
        assert towns(api, modified_after="2026-04-01T00:00:00Z") == ["Southend"]
        assert towns(api, search="audiology") == ["Colchester"]

    def test_filters_and_proximity_combine_with_and(self, known, api):
        autism = uuid_of(known["terms"]["autism"])
        assert towns(api, taxonomy_term_id=autism, postcode="CO1 1JB", proximity="25000") == [
            "Clacton"
        ]

    def test_full_nests_the_address_and_the_whole_service(self, known, api):
        plain = get_json(api, "/service_at_locations")["contents"][0]
        full = get_json(api, "/service_at_locations", {"full": "true"})["contents"][0]
        assert "addresses" not in plain["location"]
        assert full["location"]["addresses"][0]["postal_code"] == "CO1 1JB"
        assert "attributes" not in plain["service"]
        assert full["service"]["attributes"]


def haversine(a, b):
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * geocoding.EARTH_RADIUS_METRES * math.asin(math.sqrt(h))


def test_distances_are_great_circle_metres(known):
    colchester = geocoding.locate("CO1 1JB")
    measured = {
        row.name: row.distance
        for row in service_locations()
        .exclude(latitude=None)
        .annotate(distance=geocoding.distance_from(colchester))
    }
    for town, (_postcode, latitude, longitude) in PLACES.items():
        expected = haversine(
            (colchester.latitude, colchester.longitude), (float(latitude), float(longitude))
        )
        assert measured[town] == pytest.approx(expected, abs=0.5)
    assert 20_000 < measured["Clacton"] < 22_000


class TestOrganizations:
    def test_closed_organisations_with_a_successor_are_not_listed(self, known, api):
        assert names(api, "/organizations") == ["County Council", "NHS ICB", "Old Charity"]
        ccg = known["organisations"]["ccg"]
        assert get_json(api, f"/organizations/{ccg.uuid}", status=404)

    def test_search(self, known, api):
        assert names(api, "/organizations", search="council") == ["County Council"]

    def test_full_nests_their_services_and_full_service_nests_them_fully(self, known, api):
        icb = known["organisations"]["icb"]
        plain = get_json(api, "/organizations", {"search": "ICB"})["contents"][0]
        assert "services" not in plain
        full = get_json(api, "/organizations", {"search": "ICB", "full": "true"})["contents"][0]
        assert [s["name"] for s in full["services"]] == ["Autism", "Sensory"]
        assert "attributes" not in full["services"][0]
        nested = get_json(api, f"/organizations/{icb.uuid}", {"full_service": "true"})
        assert [s["name"] for s in nested["services"]] == ["Autism", "Sensory"]
        assert nested["services"][0]["attributes"]


class TestTaxonomies:
    def test_taxonomy_terms_by_taxonomy_parent_and_top_only(self, known, api):
        terms = known["terms"]
        path = "/taxonomy_terms"
        assert names(api, path, taxonomy_id="need") == ["Autism", "Hearing", "Sensory"]
        assert names(api, path, parent_id=uuid_of(terms["sensory"])) == ["Hearing"]
        assert "Hearing" not in names(api, path, top_only="true")
        assert names(api, path, top_only="true", taxonomy_id="need") == ["Autism", "Sensory"]
        assert names(api, path, search="hearing") == ["Hearing"]

    def test_taxonomies_and_their_terms(self, known, api):
        [need] = get_json(api, "/taxonomies", {"search": "SEND"})["contents"]
        assert need["name"] == "SEND need"
        detail = get_json(api, f"/taxonomies/{need['id']}")
        assert [term["name"] for term in detail["taxonomy_terms"]] == [
            "Autism",
            "Hearing",
            "Sensory",
        ]
        assert {term["taxonomy_id"] for term in detail["taxonomy_terms"]} == {need["id"]}
