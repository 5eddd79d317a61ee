"""POST /api/v1/services/{id}/feedback/: a reader's report reaches the maintainers."""

import pytest
from django.conf import settings
from django.test import override_settings

from alerts.models import MaintainerAlert
from api.models import ReaderFeedback
from directory.factories import ServicePageFactory, TaxonomyTermFactory
from tests.conftest import publish


@pytest.fixture
def service(sections):
    return publish(ServicePageFactory(parent=sections["council"], slug="swimming"))


def feedback_url(page):
    return f"/api/v1/services/{page.uuid}/feedback/"


def errors(response):
    assert response.status_code == 400, response.content
    return {error["param"]: error["message"] for error in response.json()["errors"]}


def test_feedback_is_stored_and_raises_an_alert(service, make_partner, api_client_for):
    partner = make_partner()
    api = api_client_for(partner)
    response = api.post(
        feedback_url(service),
        {"message": "The Tuesday session moved to Wednesdays.", "contact": "parent@example.org"},
        format="json",
    )
    assert response.status_code == 202
    assert response.json() == {"status": "received"}

    feedback = ReaderFeedback.objects.get()
    assert feedback.service.pk == service.pk
    assert feedback.partner == partner
    assert feedback.contact == "parent@example.org"
    alert = MaintainerAlert.objects.get(kind=MaintainerAlert.Kind.READER_FEEDBACK)
    assert alert.subject.pk == service.pk
    assert "moved to Wednesdays" in alert.message
    assert "parent@example.org" in alert.message
    assert partner.name in alert.message

    # A second report is a second alert, not folded into the first.
    api.post(feedback_url(service), {"message": "Also the phone number is wrong."}, format="json")
    assert MaintainerAlert.objects.filter(kind=MaintainerAlert.Kind.READER_FEEDBACK).count() == 2

    # Never published: not in the service, not anywhere in the feed.
    detail = api.get(f"/api/v1/services/{service.uuid}/").content.decode()
    assert "Wednesdays" not in detail
    assert "parent@example.org" not in detail


@pytest.mark.parametrize(
    ("data", "param"),
    [
        ({}, "message"),
        ({"message": ""}, "message"),
        ({"message": "x" * 2001}, "message"),
        ({"message": "ok", "contact": "c" * 256}, "contact"),
        ({"message": "ok", "rating": 5}, "rating"),
    ],
)
def test_bad_feedback_is_400_naming_the_field(service, partner_api, data, param):
    assert param in errors(partner_api.post(feedback_url(service), data, format="json"))
    assert not ReaderFeedback.objects.exists()


def test_feedback_only_on_listings_the_key_may_see(sections, make_partner, api_client_for):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism")
    api = api_client_for(make_partner(terms=[autism]))
    outside = publish(ServicePageFactory(parent=sections["council"], slug="outside"))
    draft = ServicePageFactory(parent=sections["council"], slug="draft", live=False)
    for page in (outside, draft):
        response = api.post(feedback_url(page), {"message": "wrong"}, format="json")
        assert response.status_code == 404
    assert (
        api.post(
            "/api/v1/services/not-a-uuid/feedback/", {"message": "wrong"}, format="json"
        ).status_code
        == 404
    )
    assert not ReaderFeedback.objects.exists()


def test_feedback_needs_a_key_and_a_post(service, client, partner_api):
    assert client.post(feedback_url(service), {"message": "wrong"}).status_code == 401
    assert partner_api.get(feedback_url(service)).status_code == 405


def test_feedback_is_rate_limited_per_key(service, partner_api):
    limits = {**settings.API_RATE_LIMITS, "feedback": "2/hour"}
    with override_settings(API_RATE_LIMITS=limits):
        for _ in range(2):
            response = partner_api.post(feedback_url(service), {"message": "x"}, format="json")
            assert response.status_code == 202
        refused = partner_api.post(feedback_url(service), {"message": "x"}, format="json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert ReaderFeedback.objects.count() == 2
