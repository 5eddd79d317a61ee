"""GET /api/v1/webhooks/{id}/deliveries/: paged in the envelope of every v1 list, newest
first, as the schema says."""

import pytest
from django.utils import timezone

from api.webhooks.models import WebhookAttempt, WebhookDelivery

URL = "http://127.0.0.1:9/hooks"


@pytest.fixture
def endpoint(make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    now = timezone.now()
    for number in range(25):
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint,
            message_id=f"msg_{number:032}",
            event="webhook.test",
            payload={"type": "webhook.test", "timestamp": now.isoformat(), "data": {}},
        )
        WebhookAttempt.objects.create(delivery=delivery, status_code=200, succeeded=True)
    return endpoint


def deliveries_url(endpoint) -> str:
    return f"/api/v1/webhooks/{endpoint.public_id}/deliveries/"


def test_pages_newest_first(endpoint, api_client_for, django_assert_max_num_queries):
    api = api_client_for(endpoint.partner)
    with django_assert_max_num_queries(8):
        first = api.get(deliveries_url(endpoint)).json()
    assert first["count"] == 25
    assert len(first["results"]) == 20  # the default page size of every list
    assert first["previous"] is None
    assert first["next"].endswith("deliveries/?page=2")
    ids = [entry["webhook_id"] for entry in first["results"]]
    assert ids[0] == f"msg_{24:032}"
    assert ids == sorted(ids, reverse=True)
    assert first["results"][0]["attempts"][0]["status_code"] == 200

    second = api.get(deliveries_url(endpoint), {"page": 2}).json()
    assert [entry["webhook_id"] for entry in second["results"]] == [
        f"msg_{number:032}" for number in range(4, -1, -1)
    ]
    # Queries do not grow with the page.
    with django_assert_max_num_queries(8):
        big = api.get(deliveries_url(endpoint), {"page_size": 100}).json()
    assert len(big["results"]) == 25
    assert big["next"] is None


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "101"}, "page_size"),
        ({"page": "first"}, "page"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(endpoint, api_client_for, query, field):
    response = api_client_for(endpoint.partner).get(deliveries_url(endpoint), query)
    assert response.status_code == 400
    assert [error["param"] for error in response.json()["errors"]] == [field]


def test_a_page_past_the_end_is_a_404(endpoint, api_client_for):
    response = api_client_for(endpoint.partner).get(deliveries_url(endpoint), {"page": 3})
    assert response.status_code == 404


def test_the_schema_says_what_the_endpoint_answers(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/webhooks/{id}/deliveries/"]["get"]
    assert {"page", "page_size"} <= {parameter["name"] for parameter in operation["parameters"]}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    envelope = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(envelope["properties"]) == {"count", "next", "previous", "results"}
    assert envelope["properties"]["results"]["items"]["$ref"].endswith("/Delivery")
