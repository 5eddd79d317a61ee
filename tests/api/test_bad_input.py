"""Input that once made 500s: a `%` in a code or id filter (the message quoting it was
formatted with `%`), a NUL byte (PostgreSQL refuses it in text). Unknown or malformed codes
and ids are 400s naming the parameter, in /api/v1/ and ORUK alike; free text with a `%` is
searched as text; NUL anywhere is a 400 naming the parameter, free text included."""

import pytest
from rest_framework.test import APIClient

from directory.factories import ServicePageFactory
from tests.conftest import publish

# The attack strings (tests/api/test_schemathesis.py sends them to every parameter too).
PERCENT = "%s"  # ?audience=%25s
PERCENT_MANY = "%(x)s%d%%"
NUL = "a\x00b"  # ?audience=a%00b

V1_CODE_AND_ID_FILTERS = [
    ("/api/v1/services/", "audience"),
    ("/api/v1/services/", "term"),
    ("/api/v1/services/", "organisation"),
    ("/api/v1/guides/", "audience"),
    ("/api/v1/guides/", "term"),
    ("/api/v1/partners/", "organisation"),
    ("/api/v1/services/", "area"),
    ("/api/v1/services/", "status"),
    ("/api/v1/services/", "locale"),
    ("/api/v1/clusters/", "area"),
    ("/api/v1/organisations/", "kind"),
    ("/api/v1/taxonomy-terms/", "vocabulary"),
]
ORUK_CODE_AND_ID_FILTERS = [
    ("/api/oruk/services", "taxonomy_term_id"),
    ("/api/oruk/services", "taxonomy_id"),
    ("/api/oruk/services", "organization_id"),
    ("/api/oruk/service_at_locations", "taxonomy_term_id"),
    ("/api/oruk/service_at_locations", "organization_id"),
    ("/api/oruk/service_at_locations", "postcode"),
    ("/api/oruk/taxonomy_terms", "parent_id"),
    ("/api/oruk/taxonomy_terms", "taxonomy_id"),
]
# Text matched as text: free-text search, and a term's own code (no match: an empty list).
V1_TEXT = [
    ("/api/v1/services/", "q"),
    ("/api/v1/guides/", "q"),
    ("/api/v1/partners/", "q"),
    ("/api/v1/clusters/", "q"),
    ("/api/v1/organisations/", "q"),
    ("/api/v1/taxonomy-terms/", "q"),
    ("/api/v1/taxonomy-terms/", "code"),
]
ORUK_TEXT = [
    ("/api/oruk/services", "search"),
    ("/api/oruk/service_at_locations", "search"),
    ("/api/oruk/organizations", "search"),
    ("/api/oruk/taxonomy_terms", "search"),
]


def error_params(response):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return [error["param"] for error in response.json()["errors"]]


@pytest.fixture
def oruk_api(db):
    return APIClient()


@pytest.mark.parametrize("value", [PERCENT, PERCENT_MANY, NUL, "no-such-code"])
@pytest.mark.parametrize(("path", "param"), V1_CODE_AND_ID_FILTERS)
def test_v1_unknown_codes_and_ids_are_400_naming_the_parameter(partner_api, path, param, value):
    response = partner_api.get(path, {param: value})
    assert error_params(response) == [param]
    if value != NUL:  # the message quotes the value as given
        assert value in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("value", [PERCENT, PERCENT_MANY, NUL, "no-such-code"])
@pytest.mark.parametrize(("path", "param"), ORUK_CODE_AND_ID_FILTERS)
def test_oruk_unknown_codes_and_ids_are_400_naming_the_parameter(oruk_api, path, param, value):
    assert error_params(oruk_api.get(path, {param: value})) == [param]


@pytest.mark.parametrize(("path", "param"), V1_TEXT)
def test_v1_text_with_a_percent_is_text_and_nul_is_400(partner_api, path, param):
    assert partner_api.get(path, {param: "100%"}).status_code == 200
    assert partner_api.get(path, {param: PERCENT_MANY}).status_code == 200
    assert error_params(partner_api.get(path, {param: NUL})) == [param]


@pytest.mark.parametrize(("path", "param"), ORUK_TEXT)
def test_oruk_text_with_a_percent_is_text_and_nul_is_400(oruk_api, path, param):
    assert oruk_api.get(path, {param: "100%"}).status_code == 200
    assert oruk_api.get(path, {param: PERCENT_MANY}).status_code == 200
    assert error_params(oruk_api.get(path, {param: NUL})) == [param]


def test_a_percent_in_free_text_finds_what_says_it(sections, partner_api, oruk_api):
    wanted = publish(ServicePageFactory(parent=sections["council"], title="100% inclusive swim"))
    publish(ServicePageFactory(parent=sections["council"], title="Art club"))
    found = partner_api.get("/api/v1/services/", {"q": "100%"}).json()["results"]
    assert [item["id"] for item in found] == [str(wanted.uuid)]
    found = oruk_api.get("/api/oruk/services", {"search": "100%"}).json()["contents"]
    assert [item["id"] for item in found] == [str(wanted.uuid)]
