import re

from openapi_spec_validator import validate


def test_api_root_lists_schema_docs_and_resources(client, db):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "v1"
    assert body["schema"] == "http://testserver/api/v1/schema/"
    assert body["docs"] == "http://testserver/api/v1/docs/"
    assert set(body["resources"]) == {
        "services",
        "guides",
        "partners",
        "clusters",
        "organisations",
        "taxonomy-terms",
        "changes",
        "webhooks",
    }
    assert body["resources"]["services"] == "http://testserver/api/v1/services/"


def test_schema_is_valid_openapi_3_for_the_partner_api_only(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["paths"], "the schema documents no paths"
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert schema["paths"]["/api/v1/"]["get"]["operationId"] == "api_root"
    for resource in (
        "services",
        "guides",
        "partners",
        "clusters",
        "organisations",
        "taxonomy-terms",
    ):
        assert f"/api/v1/{resource}/" in schema["paths"]
        assert f"/api/v1/{resource}/{{id}}/" in schema["paths"]
    service_params = {p["name"] for p in schema["paths"]["/api/v1/services/"]["get"]["parameters"]}
    assert service_params >= {
        "term",
        "audience",
        "age",
        "area",
        "organisation",
        "status",
        "locale",
        "q",
        "modified_after",
        "ordering",
        "page",
        "page_size",
    }
    assert "/api/v1/changes/" in schema["paths"]


def test_docs_are_served_with_our_own_assets(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    # No asset from a CDN: partners' machines may have no internet access.
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []
