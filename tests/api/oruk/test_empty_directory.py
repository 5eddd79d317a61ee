"""A directory with nothing in it yet still answers every endpoint, conformant."""

import uuid

import pytest

from tests.api.oruk.conftest import API, LIST_SCHEMAS, assert_conforms, get_json


@pytest.mark.parametrize("resource", LIST_SCHEMAS)
def test_empty_lists_conform(db, api, resource):
    body = get_json(api, f"/{resource}")
    assert_conforms(body, LIST_SCHEMAS[resource])
    if resource == "taxonomies":  # the vocabularies are fixed, even with no terms yet
        assert body["total_items"] == 3
        return
    assert body == {
        "total_items": 0,
        "total_pages": 1,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }
    assert api.get(f"{API}/{resource}", {"page": 2}).status_code == 404


@pytest.mark.parametrize("resource", ["services", "organizations", "taxonomy_terms"])
def test_ndjson_of_nothing_is_empty(db, api, resource):
    response = api.get(f"{API}/{resource}", {"format": "ndjson"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b""


def test_taxonomies_without_terms_conform(db, api):
    for taxonomy in get_json(api, "/taxonomies")["contents"]:
        body = get_json(api, f"/taxonomies/{taxonomy['id']}")
        assert_conforms(body, "taxonomy.json")
        assert "taxonomy_terms" not in body


@pytest.mark.parametrize("resource", LIST_SCHEMAS)
def test_details_are_404(db, api, resource):
    response = api.get(f"{API}/{resource}/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"]


def test_no_postcode_can_be_placed(db, api):
    response = api.get(f"{API}/service_at_locations", {"postcode": "CO4 3SQ"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "postcode"
