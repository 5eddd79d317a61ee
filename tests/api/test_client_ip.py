"""Per-IP rate limits count the client's address, taken from X-Forwarded-For only through
the proxies TRUSTED_PROXY_COUNT declares: a spoofed header buys no fresh budget."""

import itertools

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

SERVICES = "/api/v1/services/"
ORUK_SERVICES = "/api/oruk/services"
LIMITS = {
    "partner_key": "100/minute",
    "client_ip": "2/minute",
    "feedback": "100/minute",
    "oruk_ip": "2/minute",
}
spoofs = (f"203.0.113.{n}" for n in itertools.count(1))


@pytest.fixture
def v1(make_partner, api_client_for):
    """GET a v1 list with a partner key of its own each time (so only the IP budget
    can run out), from REMOTE_ADDR 192.0.2.1 unless told."""

    def get(**headers):
        client = api_client_for(make_partner(name=f"Partner {next(spoofs)}"))
        return client.get(SERVICES, **{"REMOTE_ADDR": "192.0.2.1", **headers}).status_code

    return get


@pytest.fixture
def oruk(db):
    def get(**headers):
        headers = {"REMOTE_ADDR": "192.0.2.1", **headers}
        return APIClient().get(ORUK_SERVICES, **headers).status_code

    return get


@pytest.fixture(params=["v1", "oruk"])
def get(request, db):
    return request.getfixturevalue(request.param)


@override_settings(API_RATE_LIMITS=LIMITS, TRUSTED_PROXY_COUNT=0)
def test_with_no_proxies_a_spoofed_forwarded_for_does_not_change_the_identity(get):
    statuses = [get(HTTP_X_FORWARDED_FOR=next(spoofs)) for _ in range(3)]
    assert statuses == [200, 200, 429]
    # The budget is the connection's: another peer still has its own.
    assert get(REMOTE_ADDR="192.0.2.2", HTTP_X_FORWARDED_FOR=next(spoofs)) == 200


@override_settings(API_RATE_LIMITS=LIMITS, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_right_most_address_is_the_client(get):
    client = "198.51.100.7"
    statuses = [get(HTTP_X_FORWARDED_FOR=f"{next(spoofs)}, {client}") for _ in range(3)]
    assert statuses == [200, 200, 429]  # what the client put to the left changes nothing
    # Every request came from the proxy (one REMOTE_ADDR), yet each client has a budget.
    assert get(HTTP_X_FORWARDED_FOR=f"{client}, 198.51.100.8") == 200


@override_settings(API_RATE_LIMITS=LIMITS, TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_from_the_right_is_the_client(get):
    client, outer_proxy = "198.51.100.7", "198.51.100.250"
    statuses = [
        get(HTTP_X_FORWARDED_FOR=f"{next(spoofs)}, {client}, {outer_proxy}") for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert get(HTTP_X_FORWARDED_FOR=f"{client}, 198.51.100.8, {outer_proxy}") == 200
