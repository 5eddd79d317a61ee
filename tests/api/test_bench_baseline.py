"""The benchmark's baseline, Wagtail's API v2 (bench/urls.py), carries the data the
partner API carries for a service, and nothing the partner API keeps back."""

import pytest
from django.test import override_settings

from directory.factories import (
    OrganisationFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import ServiceSchedule
from tests.conftest import publish

V2_LIST = "/api/v2/pages/?type=directory.ServicePage&fields=*&limit=50"
# The lists and objects both APIs nest, and scalar fields under the same name.
SAME_IN_BOTH = (
    "organisation",
    "terms",
    "locations",
    "schedules",
    "contacts",
    "title",
    "summary",
    "status",
    "min_age",
    "max_age",
    "eligibility",
    "cost",
    "website",
    "languages",
    "service_areas",
    "next_review_due",
)


@pytest.fixture
def service(sections):
    page = ServicePageFactory(
        parent=sections["council"],
        organisation=OrganisationFactory(name="Essex Child and Family Wellbeing Service"),
        eligibility="Families with children under five.",
        languages=["en", "pl"],
    )
    page.terms.set([TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism")])
    ServiceLocationFactory(page=page, postcode="CM1 1QH", sort_order=0)
    ServiceSchedule.objects.create(page=page, description="Monday drop-in", weekday="MO")
    ServiceContactFactory(page=page, name="Family support team", email="team@example.org")
    ServiceContactFactory(
        page=page, name="Review contact", email="review@example.org", **{"is_public": False}
    )
    return publish(page)


@override_settings(ROOT_URLCONF="bench.urls", WAGTAILAPI_LIMIT_MAX=100)
def test_the_baseline_nests_the_services_data(service, client):
    response = client.get(V2_LIST)
    assert response.status_code == 200, response.content
    (item,) = response.json()["items"]

    assert item["uuid"] == str(service.uuid)
    assert item["organisation"]["name"] == "Essex Child and Family Wellbeing Service"
    assert [location["postcode"] for location in item["locations"]] == ["CM1 1QH"]
    assert [schedule["weekday"] for schedule in item["schedules"]] == ["MO"]
    assert [term["code"] for term in item["terms"]] == ["autism"]
    assert [contact["name"] for contact in item["contacts"]] == ["Family support team"]
    assert "Review contact" not in response.content.decode()
    assert "review@example.org" not in response.content.decode()


@override_settings(ROOT_URLCONF="bench.urls", WAGTAILAPI_LIMIT_MAX=100)
def test_the_baseline_carries_what_the_partner_api_carries(service, client, partner_api):
    (baseline,) = client.get(V2_LIST).json()["items"]
    (ours,) = partner_api.get("/api/v1/services/").json()["results"]

    assert {name: baseline[name] for name in SAME_IN_BOTH} == {
        name: ours[name] for name in SAME_IN_BOTH
    }
    assert baseline["last_reviewed_at"] == ours["last_reviewed"]
