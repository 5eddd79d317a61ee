"""Every counted answer says its rate limits (the IETF httpapi draft's `RateLimit-Policy`
and `RateLimit`), 304s and 429s included."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

LIMITS = {
    "partner_key": "3/minute",
    "client_ip": "100/minute",
    "feedback": "10/hour",
    "oruk_ip": "2/minute",
}
ITEM = re.compile(r'"(?P<policy>[a-z-]+)";(?P<params>[a-z]=\d+(?:;[a-z]=\d+)*)')


def parsed(header: str) -> dict[str, dict[str, int]]:
    """'"a";q=1;w=60, "b";…' → {"a": {"q": 1, "w": 60}, …}"""
    items = {}
    for match in ITEM.finditer(header):
        params = dict(param.split("=") for param in match["params"].split(";"))
        items[match["policy"]] = {name: int(value) for name, value in params.items()}
    return items


@pytest.fixture
def start_of_a_minute(clock):
    """No window rolls over between a test's requests."""
    now = datetime.now(UTC)
    clock.move_to(now.replace(second=0, microsecond=0) + timedelta(minutes=1, seconds=1))


@override_settings(API_RATE_LIMITS=LIMITS)
def test_a_partner_is_told_its_limits_on_200_304_and_429(partner_api, start_of_a_minute, db):
    first = partner_api.get("/api/v1/services/")
    assert parsed(first["RateLimit-Policy"]) == {
        "partner-key": {"q": 3, "w": 60},
        "client-ip": {"q": 100, "w": 60},
    }
    left = parsed(first["RateLimit"])
    assert left["partner-key"]["r"] == 2
    assert left["client-ip"]["r"] == 99
    assert 0 < left["partner-key"]["t"] <= 60

    # A 304 is counted too, and says so.
    unchanged = partner_api.get("/api/v1/services/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert parsed(unchanged["RateLimit"])["partner-key"]["r"] == 1

    partner_api.get("/api/v1/changes/")
    refused = partner_api.get("/api/v1/services/")
    assert refused.status_code == 429
    assert parsed(refused["RateLimit"])["partner-key"]["r"] == 0
    assert int(refused["Retry-After"]) == parsed(refused["RateLimit"])["partner-key"]["t"]


@override_settings(API_RATE_LIMITS=LIMITS)
def test_the_open_data_feed_says_its_limit_and_lets_browsers_read_it(client, start_of_a_minute, db):
    answer = client.get("/api/oruk/services", HTTP_ORIGIN="https://school.example")
    assert parsed(answer["RateLimit-Policy"]) == {"oruk-ip": {"q": 2, "w": 60}}
    assert parsed(answer["RateLimit"])["oruk-ip"]["r"] == 1
    exposed = {name.strip() for name in answer["Access-Control-Expose-Headers"].split(",")}
    assert {"RateLimit", "RateLimit-Policy", "Retry-After"} <= exposed


def test_an_answer_that_counted_nothing_claims_no_limits(client, db):
    """The schema is not rate limited: no headers pretending it is."""
    response = client.get("/api/v1/schema/")
    assert "RateLimit" not in response
    assert "RateLimit-Policy" not in response
