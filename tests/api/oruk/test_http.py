"""The ORUK API over HTTP: anonymous, CORS, conditional GETs, rate limits, errors
as JSON naming the parameter, and a fixed number of queries per page."""

import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from directory.factories import OrganisationFactory, TaxonomyTermFactory
from tests.api.oruk.conftest import (
    API,
    LIST_SCHEMAS,
    add_service,
    get_json,
    location,
    make_sections,
    module_transaction,
)
from tests.conftest import publish

SERVICES = f"{API}/services"


@pytest.fixture(scope="module")
def twelve_services(django_db_setup, django_db_blocker):
    """Twelve services of one organisation, each with a term, two locations (one
    placed), a schedule and a contact: made once for the module."""
    with module_transaction(django_db_blocker):
        section = make_sections()["council"]
        organisation = OrganisationFactory()
        need = TaxonomyTermFactory(vocabulary="need", code="autism")
        yield [
            add_service(
                section,
                slug=f"service-{n}",
                organisation=organisation,
                terms=[need],
                locations=[location(latitude="51.8895", longitude="0.8986"), location(name="Hall")],
                schedules=[{"description": "Drop-in", "frequency": "weekly", "weekday": "MO"}],
                contacts=[{"name": "Team", "email": f"team{n}@example.org"}],
            )
            for n in range(12)
        ]


@pytest.fixture
def one_service(twelve_services, db):
    return twelve_services[0]


class TestAccess:
    def test_anonymous_and_any_authorization_header_is_ignored(self, one_service, api):
        assert api.get(SERVICES).status_code == 200
        assert api.get(SERVICES, HTTP_AUTHORIZATION="Api-Key nonsense").status_code == 200

    def test_paths_work_with_or_without_a_trailing_slash(self, one_service, api):
        assert api.get(f"{SERVICES}/").json() == api.get(SERVICES).json()
        assert api.get(f"{SERVICES}/{one_service.uuid}/").status_code == 200

    def test_only_get_head_and_options(self, one_service, api):
        assert api.head(SERVICES).status_code == 200
        response = api.post(SERVICES, {})
        assert response.status_code == 405
        assert response.json()["errors"][0]["message"]


def test_the_partner_api_schema_leaves_the_oruk_api_to_the_standard(db, client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert schema["paths"]
    assert not [path for path in schema["paths"] if path.startswith("/api/oruk")]


class TestCors:
    @pytest.mark.parametrize(
        ("path", "status"),
        [
            ("/services", 200),
            ("/services?page=0", 400),
            (f"/services/{uuid.UUID(int=1)}", 404),
            ("/no-such-endpoint", 404),
        ],
    )
    def test_every_answer_allows_any_origin(self, one_service, api, path, status):
        response = api.get(f"{API}{path}", HTTP_ORIGIN="https://aggregator.example.org")
        assert response.status_code == status
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]

    def test_a_preflight_allows_conditional_requests(self, db, api):
        response = api.options(
            SERVICES,
            HTTP_ORIGIN="https://aggregator.example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert response.status_code == 204
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "GET" in response["Access-Control-Allow-Methods"]
        assert "If-None-Match" in response["Access-Control-Allow-Headers"]


class TestConditionalGets:
    def test_etag_and_last_modified_answer_304_until_something_is_published(self, one_service, api):
        first = api.get(SERVICES)
        assert first["ETag"].startswith('"')
        assert first["Cache-Control"].startswith("public, max-age=60")
        again = api.get(SERVICES, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
        assert again["Access-Control-Allow-Origin"] == "*"
        since = api.get(SERVICES, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304

        one_service.title = "Renamed"
        publish(one_service)
        changed = api.get(SERVICES, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200
        assert changed["ETag"] != first["ETag"]
        assert "Renamed" in {service["name"] for service in changed.json()["contents"]}

    @pytest.mark.parametrize("path", ["/", "/services", "/service_at_locations", "/taxonomies"])
    def test_304_is_decided_before_anything_is_loaded(
        self, one_service, api, path, django_assert_max_num_queries
    ):
        etag = api.get(f"{API}{path}")["ETag"]
        with django_assert_max_num_queries(1):  # the content version
            assert api.get(f"{API}{path}", HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_a_warm_page_comes_from_the_cache(self, one_service, api):
        with CaptureQueriesContext(connection) as cold:
            api.get(SERVICES, {"full": "true"})
        with CaptureQueriesContext(connection) as warm:
            api.get(SERVICES, {"full": "true"})
        assert len(warm) == 1 < len(cold)

    def test_each_url_has_its_own_etag(self, one_service, api):
        etags = {
            api.get(SERVICES)["ETag"],
            api.get(SERVICES, {"full": "true"})["ETag"],
            api.get(f"{SERVICES}/{one_service.uuid}")["ETag"],
        }
        assert len(etags) == 3


class TestRateLimit:
    def test_429_with_retry_after_per_client_ip(self, one_service, api):
        limits = {**settings.API_RATE_LIMITS, "oruk_ip": "3/minute"}
        with override_settings(API_RATE_LIMITS=limits):
            statuses = [api.get(SERVICES).status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]
            refused = api.get(f"{API}/taxonomies")
            assert refused.status_code == 429  # one budget for the whole API
            assert int(refused["Retry-After"]) > 0
            assert refused.json()["errors"][0]["message"]
            assert refused["Access-Control-Allow-Origin"] == "*"
            # Another address has its own budget.
            assert api.get(SERVICES, REMOTE_ADDR="192.0.2.7").status_code == 200


BAD_PARAMETERS = [
    ("/services", {"modified_after": "yesterday"}, "modified_after"),
    ("/services", {"modified_after": "0001-01-01T00:00:00Z"}, "modified_after"),
    ("/services", {"organization_id": "not-a-uuid"}, "organization_id"),
    ("/services", {"organization_id": str(uuid.UUID(int=5))}, "organization_id"),
    ("/services", {"taxonomy_term_id": "no-such-term"}, "taxonomy_term_id"),
    ("/services", {"taxonomy_id": "no-such-taxonomy"}, "taxonomy_id"),
    ("/services", {"page": "0"}, "page"),
    ("/services", {"page": "-1"}, "page"),
    ("/services", {"page": "two"}, "page"),
    ("/services", {"per_page": "0"}, "per_page"),
    ("/services", {"per_page": "201"}, "per_page"),
    ("/services", {"per_page": "1.5"}, "per_page"),
    ("/services", {"minimal": "maybe"}, "minimal"),
    ("/services", {"full": "yes please"}, "full"),
    ("/services", {"minimal": "true", "full": "true"}, "minimal"),
    ("/services", {"format": "xml"}, "format"),
    ("/services", {"q": "autism"}, "q"),  # the feed's name for it, not the standard's
    ("/services", {"postcode": "CO4 3SQ"}, "postcode"),  # not a parameter of /services
    ("/services", {"search": "x" * 201}, "search"),
    ("/services", {"search": "nul\x00"}, "search"),
    ("/services/" + str(uuid.UUID(int=1)), {"full": "true"}, "full"),
    ("/service_at_locations", {"proximity": "1000"}, "proximity"),
    ("/service_at_locations", {"postcode": "CO1 1JB", "proximity": "-5"}, "proximity"),
    ("/service_at_locations", {"postcode": "CO1 1JB", "proximity": "far"}, "proximity"),
    ("/service_at_locations", {"postcode": "CO1 1JB", "proximity": "NaN"}, "proximity"),
    ("/service_at_locations", {"postcode": "not a postcode"}, "postcode"),
    ("/service_at_locations", {"postcode": "ZZ9 9ZZ"}, "postcode"),
    ("/organizations", {"full_service": "2"}, "full_service"),
    ("/organizations/" + str(uuid.UUID(int=1)), {"full": "true"}, "full"),
    ("/taxonomy_terms", {"top_only": "perhaps"}, "top_only"),
    ("/taxonomy_terms", {"parent_id": "nope"}, "parent_id"),
    ("/taxonomy_terms", {"parent_id": str(uuid.UUID(int=9))}, "parent_id"),
    ("/taxonomies", {"taxonomy_id": "need"}, "taxonomy_id"),
    ("/", {"page": "1"}, "page"),
]


@pytest.mark.parametrize(("path", "params", "param"), BAD_PARAMETERS)
def test_bad_parameters_are_400_naming_the_parameter(one_service, api, path, params, param):
    response = api.get(f"{API}{path}", params)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert [error["param"] for error in errors] == [param]
    assert errors[0]["message"]


def test_the_unknown_postcode_message_says_how_postcodes_are_placed(one_service, api):
    message = get_json(api, "/service_at_locations", {"postcode": "ZZ9 9ZZ"}, status=400)
    assert "directory's own locations" in message["errors"][0]["message"]


class TestNotFound:
    @pytest.mark.parametrize("resource", LIST_SCHEMAS)
    @pytest.mark.parametrize("id", [str(uuid.UUID(int=3)), "not-a-uuid", "%20"])
    def test_unknown_ids_are_json_404(self, one_service, api, resource, id):
        response = api.get(f"{API}/{resource}/{id}")
        assert response.status_code == 404
        assert response.json()["errors"][0]["message"]

    def test_unknown_paths_and_pages_past_the_last_are_json_404(self, one_service, api):
        for path in (
            "/nothing",
            "/services/a/b",
            "/services?page=2",
            "/services?page=1" + "0" * 30,
        ):
            response = api.get(f"{API}{path}")
            assert response.status_code == 404, path
            assert response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("path", "params", "large"),
    [
        ("/services", {}, 12),
        ("/services", {"full": "true"}, 12),
        ("/services", {"minimal": "true"}, 12),
        ("/service_at_locations", {}, 24),
        ("/service_at_locations", {"full": "true", "postcode": "CO1 1JB"}, 24),
        ("/organizations", {"full_service": "true"}, 1),
        ("/taxonomy_terms", {}, 1),
    ],
)
def test_queries_per_page_do_not_grow_with_its_size(
    one_service, api, path, params, large, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as small:
        assert len(get_json(api, path, {**params, "per_page": 1})["contents"]) == 1
    with django_assert_max_num_queries(len(small)):
        assert len(get_json(api, path, {**params, "per_page": 100})["contents"]) == large
