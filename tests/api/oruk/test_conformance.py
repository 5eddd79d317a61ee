"""Every endpoint's answers on the demo content validate against the official ORUK 3.0
schemas, offline, with format checking on: first, middle and last pages of every list,
every variant (minimal, full, full_service, ndjson) and every item's detail."""

import json

import pytest

from tests.api.oruk.conftest import (
    API,
    DETAIL_SCHEMAS,
    LIST_SCHEMAS,
    assert_conforms,
    assert_no_nulls,
    get_json,
    schema_errors,
)

# Per-list page sizes that give the demo content at least three pages.
PER_PAGE = {
    "services": 5,
    "service_at_locations": 5,
    "organizations": 3,
    "taxonomies": 1,
    "taxonomy_terms": 5,
}
VARIANTS = [
    ("services", {"minimal": "true"}),
    ("services", {"full": "true"}),
    ("service_at_locations", {"full": "true"}),
    ("service_at_locations", {"postcode": "CO4 3SQ", "proximity": "20000"}),
    ("organizations", {"full": "true"}),
    ("organizations", {"full_service": "true"}),
    ("taxonomy_terms", {"top_only": "true"}),
]


def all_pages(api, resource, params=None):
    params = {"per_page": PER_PAGE[resource], **(params or {})}
    first = get_json(api, f"/{resource}", params)
    pages = {1: first}
    for number in range(2, first["total_pages"] + 1):
        pages[number] = get_json(api, f"/{resource}", {**params, "page": number})
    return pages


def test_the_validator_checks_formats_and_references(demo):
    """So that a pass below means something: a bad uuid inside a $ref'd schema fails."""
    record = {"id": "not-a-uuid", "name": "x", "status": "active"}
    assert schema_errors(record, "service.json")
    organization = {"id": "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2", "name": "x", "description": ""}
    assert not schema_errors({**record, "id": organization["id"]}, "service.json")
    broken = {**record, "id": organization["id"], "organization": {**organization, "email": "x"}}
    assert schema_errors(broken, "service.json")


def test_api_details(demo, api):
    body = get_json(api, "/")
    assert_conforms(body, "api_details.json")
    assert body["version"] == "HSDS-UK-3.0"


@pytest.mark.parametrize("resource", LIST_SCHEMAS)
def test_every_page_of_every_list_conforms(demo, api, resource):
    pages = all_pages(api, resource)
    assert len(pages) >= 3, "the demo content should give first, middle and last pages"
    seen = []
    for number, body in pages.items():
        assert_conforms(body, LIST_SCHEMAS[resource])
        assert_no_nulls(body)
        assert body["page_number"] == number
        assert body["first_page"] == (number == 1)
        assert body["last_page"] == (number == len(pages))
        assert body["size"] == len(body["contents"]) > 0
        assert body["empty"] is False
        seen += [item["id"] for item in body["contents"]]
    assert len(seen) == len(set(seen)) == pages[1]["total_items"]


@pytest.mark.parametrize(("resource", "params"), VARIANTS)
def test_every_variant_conforms(demo, api, resource, params):
    for body in all_pages(api, resource, params).values():
        assert_conforms(body, LIST_SCHEMAS[resource])
        assert_no_nulls(body)
        assert body["contents"]


@pytest.mark.parametrize("resource", LIST_SCHEMAS)
def test_every_item_detail_conforms(demo, api, resource):
    listed = get_json(api, f"/{resource}", {"per_page": 200})["contents"]
    for item in listed:
        body = get_json(api, f"/{resource}/{item['id']}")
        assert_conforms(body, DETAIL_SCHEMAS[resource])
        assert_no_nulls(body)
        assert body["id"] == item["id"]


@pytest.mark.parametrize("resource", LIST_SCHEMAS)
def test_ndjson_lists_every_item_without_paging(demo, api, resource):
    response = api.get(f"{API}/{resource}", {"format": "ndjson"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    records = [json.loads(line) for line in lines]
    paged = get_json(api, f"/{resource}", {"per_page": 200})
    assert [r["id"] for r in records] == [item["id"] for item in paged["contents"]]
    for record in records:
        assert_conforms(record, f"{LIST_SCHEMAS[resource]}#/properties/contents/items")


def test_ids_are_unique_across_every_nested_record(demo, api):
    """Derived ids (locations, addresses, schedules…) never collide with each other."""
    ids = []

    def collect(document):
        if isinstance(document, dict):
            if "id" in document:
                ids.append(document["id"])
            for value in document.values():
                collect(value)
        elif isinstance(document, list):
            for value in document:
                collect(value)

    services = get_json(api, "/services", {"full": "true", "per_page": 200})["contents"]
    for service in services:
        service = dict(service)
        service.pop("organization")  # shared between services, on purpose
        for attribute in service.get("attributes", []):
            attribute.pop("taxonomy_term")  # terms are shared too
        collect(service)
    assert len(ids) == len(set(ids))
