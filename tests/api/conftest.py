import pytest
from rest_framework.test import APIClient

from api.models import Partner, PartnerAPIKey


@pytest.fixture
def make_partner(db):
    def make(name="Essex Family Hub", terms=(), **scope):
        partner = Partner.objects.create(name=name, contact_email="hub@example.org", **scope)
        partner.scope_terms.set(terms)
        _key, key = PartnerAPIKey.objects.create_key(name=f"{name} key", partner=partner)
        partner.key = key
        return partner

    return make


@pytest.fixture
def api_client_for():
    def client_for(partner) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {partner.key}")
        return client

    return client_for


@pytest.fixture
def partner_api(make_partner, api_client_for):
    """A client for a partner that may see everything."""
    return api_client_for(make_partner())
