"""Partners manage their webhook endpoints with their API key."""

from datetime import timedelta

import pytest
from django.test import override_settings

from api.webhooks.models import WebhookEndpoint
from api.webhooks.secrets import decrypt

HOOKS = "/api/v1/webhooks/"
URL = "http://127.0.0.1:9/hooks"


def errors(response, status=400):
    assert response.status_code == status, response.content
    return {error.get("param"): error["message"] for error in response.json()["errors"]}


def test_create_shows_the_secret_once_and_stores_it_encrypted(make_partner, api_client_for):
    partner = make_partner()
    api = api_client_for(partner)
    response = api.post(HOOKS, {"url": URL, "events": ["content.deleted"]}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["secret"].startswith("whsec_")
    assert body["events"] == ["content.deleted"]
    assert body["is_active"] is True

    endpoint = WebhookEndpoint.objects.get(public_id=body["id"])
    assert endpoint.partner == partner
    assert body["secret"] not in endpoint.secret_encrypted  # not stored in the clear
    assert decrypt(endpoint.secret_encrypted) == body["secret"]

    listed = api.get(HOOKS).json()
    assert [item["id"] for item in listed["results"]] == [body["id"]]
    assert "secret" not in listed["results"][0]
    detail = api.get(f"{HOOKS}{body['id']}/").json()
    assert "secret" not in detail
    assert detail["url"] == URL


def test_events_default_to_all(partner_api):
    body = partner_api.post(HOOKS, {"url": URL}, format="json").json()
    assert body["events"] == [
        "content.published",
        "content.updated",
        "content.unpublished",
        "content.deleted",
        "content.out_of_scope",
    ]


def test_update_and_delete(partner_api):
    created = partner_api.post(HOOKS, {"url": URL}, format="json").json()
    detail = f"{HOOKS}{created['id']}/"
    response = partner_api.patch(detail, {"events": ["content.published"]}, format="json")
    assert response.status_code == 200
    assert response.json()["events"] == ["content.published"]
    assert partner_api.delete(detail).status_code == 204
    assert partner_api.get(detail).status_code == 404
    assert not WebhookEndpoint.objects.exists()


def test_another_partners_endpoints_are_invisible(make_partner, api_client_for):
    mine = api_client_for(make_partner()).post(HOOKS, {"url": URL}, format="json").json()
    theirs = api_client_for(make_partner(name="Other"))
    assert theirs.get(HOOKS).json()["count"] == 0
    assert theirs.get(f"{HOOKS}{mine['id']}/").status_code == 404
    assert theirs.patch(f"{HOOKS}{mine['id']}/", {"url": URL}, format="json").status_code == 404
    assert theirs.delete(f"{HOOKS}{mine['id']}/").status_code == 404
    assert theirs.post(f"{HOOKS}{mine['id']}/test/").status_code == 404
    assert theirs.get(f"{HOOKS}not-a-uuid/").status_code == 404


def test_no_key_no_webhooks(client, db):
    assert client.get(HOOKS).status_code == 401
    assert client.post(HOOKS, {"url": URL}).status_code == 401


@pytest.mark.parametrize(
    ("data", "param"),
    [
        ({}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "ftp://partner.example.org/hooks"}, "url"),
        ({"url": "https://user:pw@partner.example.org/hooks"}, "url"),
        ({"url": URL, "events": ["content.exploded"]}, "events"),
        ({"url": URL, "events": []}, "events"),
        ({"url": URL, "events": "content.published"}, "events"),
        ({"url": URL, "secret": "whsec_mine"}, "secret"),
        ({"url": URL, "colour": "blue"}, "colour"),
    ],
)
def test_bad_subscriptions_are_400_naming_the_field(partner_api, data, param):
    assert param in errors(partner_api.post(HOOKS, data, format="json"))
    assert not WebhookEndpoint.objects.exists()


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hooks",  # plain http
        "http://93.184.215.14/hooks",  # plain http, public address
        "https://127.0.0.1/hooks",  # loopback
        "https://localhost/hooks",
        "https://[::1]/hooks",
        "https://10.1.2.3/hooks",  # private
        "https://192.168.0.10/hooks",
        "https://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
        "https://100.64.0.1/hooks",  # shared address space
        "https://0.0.0.0/hooks",
    ],
)
def test_production_refuses_plain_http_and_internal_addresses(partner_api, url):
    assert "url" in errors(partner_api.post(HOOKS, {"url": url}, format="json"))


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
def test_production_accepts_https_to_a_public_address(partner_api):
    response = partner_api.post(HOOKS, {"url": "https://93.184.215.14/hooks"}, format="json")
    assert response.status_code == 201


@override_settings(WEBHOOK_MAX_ENDPOINTS_PER_PARTNER=2)
def test_endpoints_per_partner_are_limited(partner_api):
    for _ in range(2):
        assert partner_api.post(HOOKS, {"url": URL}, format="json").status_code == 201
    assert "url" in errors(partner_api.post(HOOKS, {"url": URL}, format="json"))


def test_rotating_the_secret_keeps_the_old_one_for_a_day(partner_api):
    created = partner_api.post(HOOKS, {"url": URL}, format="json").json()
    response = partner_api.post(f"{HOOKS}{created['id']}/rotate-secret/")
    assert response.status_code == 200
    new = response.json()["secret"]
    assert new.startswith("whsec_")
    assert new != created["secret"]
    endpoint = WebhookEndpoint.objects.get(public_id=created["id"])
    assert endpoint.signing_secrets() == [new, created["secret"]]
    hours = (endpoint.previous_secret_expires_at - endpoint.updated_at).total_seconds() / 3600
    assert 23.9 < hours < 24.1
    later = endpoint.previous_secret_expires_at
    assert endpoint.signing_secrets(now=later + timedelta(seconds=1)) == [new]


def test_webhooks_are_in_the_openapi_schema(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/webhooks/"])
    assert {"get", "patch", "delete"} <= set(schema["paths"]["/api/v1/webhooks/{id}/"])
    assert "post" in schema["paths"]["/api/v1/webhooks/{id}/test/"]
    assert "post" in schema["paths"]["/api/v1/webhooks/{id}/rotate-secret/"]
    assert "get" in schema["paths"]["/api/v1/webhooks/{id}/deliveries/"]
