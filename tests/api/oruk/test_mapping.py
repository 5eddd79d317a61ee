"""How a service and what hangs off it become ORUK records."""

from datetime import UTC, datetime, time

import pytest
from django.utils import timezone

from directory.factories import OrganisationFactory, TaxonomyTermFactory
from directory.models import Organisation, TaxonomyTerm
from tests.api.oruk.conftest import (
    add_service,
    assert_conforms,
    assert_no_nulls,
    get_json,
    location,
    make_sections,
    module_transaction,
)
from tests.conftest import publish


@pytest.fixture(scope="module")
def service_module(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_hearing_service(make_sections()["council"])


@pytest.fixture
def service(service_module, db):
    return service_module


def make_hearing_service(section):
    icb = OrganisationFactory(name="NHS Suffolk and North East Essex ICB", phone="")
    ccg = OrganisationFactory(
        name="North East Essex CCG",
        status=Organisation.Status.DEFUNCT,
        replaced_by=icb,
        defunct_note="Abolished on 1 July 2022.",
    )
    sensory = TaxonomyTermFactory(vocabulary="need", code="sensory", name="Sensory")
    hearing = TaxonomyTermFactory(
        vocabulary="need", code="hearing", name="Hearing", parent=sensory, description=""
    )
    families = TaxonomyTermFactory(vocabulary="audience", code="parents-carers", name="Parents")
    return add_service(
        section,
        title="Hearing support",
        summary="Help for children with hearing loss & their families.",
        description='<p>Visits at home.</p><script>alert("x")</script>',
        organisation=ccg,
        status="temporarily closed",
        min_age=0,
        max_age=18,
        eligibility="Children with a diagnosed hearing loss.",
        cost="paid",
        cost_description="£5 a session",
        website="https://hearing.test/",
        languages=["en", "bfi"],
        service_areas=["north-east", "mid"],
        last_reviewed_at=timezone.make_aware(datetime(2025, 9, 14, 10)),
        terms=[hearing, families],
        locations=[
            location(
                address_2="Culver Street",
                latitude="51.889500",
                longitude="0.898600",
                accessibility="Step-free entrance.",
            ),
            location(name="Online", address_1="", town="", postcode=""),
        ],
        schedules=[
            {
                "description": "Drop-in",
                "frequency": "weekly",
                "weekday": "TU",
                "opens_at": time(9, 30),
                "closes_at": time(11, 30),
            },
            {"description": "Clinic", "frequency": "fortnightly", "weekday": "WE"},
            {
                "description": "Parents' group",
                "frequency": "monthly",
                "weekday": "TH",
                "notes": "Not in August.",
            },
            {"description": "Course", "frequency": "termly"},
        ],
        contacts=[
            {
                "name": "Hearing team",
                "role": "Audiologists",
                "email": "hearing@example.org",
                "phone": "020 7946 0200",
                "is_public": True,
            },
            {"name": "Review contact", "email": "internal@example.org", "is_public": False},
        ],
    )


@pytest.fixture
def record(service, api):
    body = get_json(api, f"/services/{service.uuid}")
    assert_conforms(body, "service.json")
    assert_no_nulls(body)
    return body


def test_one_to_one_fields(service, record):
    assert record["id"] == str(service.uuid)
    assert record["name"] == "Hearing support"
    assert record["status"] == "temporarily closed"
    assert (record["minimum_age"], record["maximum_age"]) == (0, 18)
    assert record["url"] == "https://hearing.test/"
    assert record["email"] == "hearing@example.org"  # the first public contact's
    assert record["eligibility_description"] == "Children with a diagnosed hearing loss."
    assert record["fees_description"] == "£5 a session"


def test_description_leads_with_the_summary_and_is_sanitised(record):
    assert record["description"] == (
        "<p>Help for children with hearing loss &amp; their families.</p><p>Visits at home.</p>"
    )


def test_assured_date_is_the_last_review_and_last_modified_the_last_publish(service, record):
    assert record["assured_date"] == "2025-09-14"
    published = service.last_published_at.astimezone(UTC)
    assert record["last_modified"] == published.isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )


def test_a_closed_organisation_is_shown_as_its_successor(service, record):
    icb = Organisation.objects.get(name__startswith="NHS Suffolk")
    assert record["organization_id"] == str(icb.uuid)
    assert record["organization"]["id"] == str(icb.uuid)
    assert record["organization"]["name"] == icb.name
    assert "phones" not in record["organization"]  # it has none


def test_cost_options(record):
    [option] = record["cost_options"]
    assert option["option"] == "Paid for, or some costs"
    assert option["amount_description"] == "£5 a session"
    assert "amount" not in option  # unknown, so left out rather than 0


def test_schedules_as_recurrence_rules(record):
    drop_in, clinic, group, course = record["schedules"]
    assert {
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "TU",
        "opens_at": "09:30:00",
        "closes_at": "11:30:00",
        "description": "Drop-in",
    }.items() <= drop_in.items()
    assert (clinic["freq"], clinic["interval"], clinic["byday"]) == ("WEEKLY", 2, "WE")
    # BYDAY=TH under MONTHLY would mean every Thursday: the weekday goes into words.
    assert group["freq"] == "MONTHLY"
    assert "byday" not in group
    assert group["notes"] == "On a Thursday. Not in August."
    assert "freq" not in course
    assert course["notes"] == "Every school term."
    assert {s["service_id"] for s in record["schedules"]} == {record["id"]}


def test_service_areas_and_languages(record):
    assert [area["name"] for area in record["service_areas"]] == ["North East Essex", "Mid Essex"]
    assert [(lang["code"], lang["name"]) for lang in record["languages"]] == [
        ("en", "English"),
        ("bfi", "British Sign Language"),
    ]


def test_only_public_contacts(record):
    [contact] = record["contacts"]
    assert contact["name"] == "Hearing team"
    assert contact["title"] == "Audiologists"
    assert contact["email"] == "hearing@example.org"
    assert contact["phones"][0]["number"] == "020 7946 0200"
    assert "internal@example.org" not in str(record)


def test_terms_as_attributes(record, api):
    by_term = {a["taxonomy_term"]["name"]: a for a in record["attributes"]}
    assert set(by_term) == {"Hearing", "Parents"}
    hearing = by_term["Hearing"]
    assert hearing["link_id"] == record["id"]
    assert hearing["link_type"] == "need"
    term = hearing["taxonomy_term"]
    assert term["taxonomy"] == "SEND need"
    assert term["description"] == ""  # required by the schema, so present though empty
    assert term["parent_id"] == str(TaxonomyTerm.objects.get(code="sensory").uuid)
    assert (
        term["taxonomy_id"]
        == get_json(api, "/taxonomies", {"search": "SEND need"})["contents"][0]["id"]
    )


def test_locations_addresses_and_accessibility(record):
    library, online = (sal["location"] for sal in record["service_at_locations"])
    assert library["location_type"] == "physical"
    assert (library["latitude"], library["longitude"]) == (51.8895, 0.8986)
    [address] = library["addresses"]
    assert address["address_1"] == "Trinity Square, Culver Street"
    assert (address["city"], address["postal_code"], address["country"]) == (
        "Colchester",
        "CO1 1JB",
        "GB",
    )
    assert address["state_province"] == "Essex"
    assert library["accessibility"][0]["description"] == "Step-free entrance."
    # No address, no coordinates: nothing made up.
    assert online == {"id": online["id"], "location_type": "physical", "name": "Online"}


def test_ids_are_stable_across_publishes(service, api, record):
    service.title = "Hearing support service"
    publish(service)
    again = get_json(api, f"/services/{service.uuid}")
    assert again["name"] == "Hearing support service"

    def nested_ids(body):
        return [
            [item["id"] for item in body[key]]
            for key in ("schedules", "contacts", "service_at_locations", "attributes")
        ] + [[sal["location"]["id"] for sal in body["service_at_locations"]]]

    assert nested_ids(again) == nested_ids(record)


def test_a_free_service_costs_nothing(make_service, api):
    page = make_service(cost="free", cost_description="")
    [option] = get_json(api, f"/services/{page.uuid}")["cost_options"]
    assert option["amount"] == 0
    assert option["option"] == "Free"
