"""The links in a payload: `url` is the item's own `url` in /api/v1/, `api_url` its v1
detail URL on API_BASE_URL; worked out per dispatched batch, not per entry."""

import pytest
from django.test import override_settings

from api.webhooks.dispatch import dispatch_batch, dispatch_events
from api.webhooks.models import WebhookDelivery
from directory.factories import OrganisationFactory, ServicePageFactory, TaxonomyTermFactory
from guides.factories import GuidePageFactory
from tests.conftest import publish

URL = "http://127.0.0.1:9/hooks"


def payload_data(endpoint, item) -> dict:
    dispatch_events()
    delivery = WebhookDelivery.objects.filter(endpoint=endpoint, object_id=item.uuid).latest("id")
    return delivery.payload["data"]


# v1 builds a snippet's `url` on the request's host: the test client's.
@override_settings(API_BASE_URL="http://testserver")
def test_url_is_the_items_url_in_v1_and_api_url_its_detail_url(
    sections, make_partner, subscribe, api_client_for
):
    partner = make_partner()
    endpoint = subscribe(partner, URL)
    api = api_client_for(partner)
    service = publish(ServicePageFactory(parent=sections["council"], slug="swimming"))
    guide = publish(GuidePageFactory(parent=sections["guides"], slug="tribunals"))
    organisation = OrganisationFactory(live=False)
    organisation.save_revision().publish()
    term = TaxonomyTermFactory(vocabulary="need", code="autism")

    for resource, item in [
        ("services", service),
        ("guides", guide),
        ("organisations", organisation),
        ("taxonomy-terms", term),
    ]:
        detail = api.get(f"/api/v1/{resource}/{item.uuid}/")
        assert detail.status_code == 200, resource
        data = payload_data(endpoint, item)
        assert data["url"] == detail.json()["url"], resource
        assert data["api_url"] == f"http://testserver/api/v1/{resource}/{item.uuid}/"
    # A page's `url` is its public address; a snippet, with no page, has its v1 URL.
    assert payload_data(endpoint, service)["url"] == "http://localhost/directory/council/swimming/"
    assert payload_data(endpoint, term)["url"] == payload_data(endpoint, term)["api_url"]


@override_settings(API_BASE_URL="https://api.example.org/")
def test_api_url_is_built_on_the_api_base_url(sections, make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    service = publish(ServicePageFactory(parent=sections["council"], slug="swimming"))
    assert (
        payload_data(endpoint, service)["api_url"]
        == f"https://api.example.org/api/v1/services/{service.uuid}/"
    )


def test_a_removal_has_no_links(sections, make_partner, subscribe):
    """Its v1 URL would answer 404, and its page is gone from public view."""
    endpoint = subscribe(make_partner(), URL)
    unpublished = publish(ServicePageFactory(parent=sections["council"], slug="unpublished"))
    deleted = publish(ServicePageFactory(parent=sections["council"], slug="deleted"))
    dispatch_events()
    unpublished.unpublish()
    deleted.delete()
    for item, event in [(unpublished, "content.unpublished"), (deleted, "content.deleted")]:
        data = payload_data(endpoint, item)
        assert WebhookDelivery.objects.filter(object_id=item.uuid).latest("id").event == event
        assert data["url"] is None
        assert data["api_url"] is None


def publish_services(sections, count: int) -> None:
    for number in range(count):
        service = ServicePageFactory(parent=sections["council"], slug=f"service-{number}")
        publish(service)
        service.organisation.save_revision().publish()
    for number in range(count):
        publish(GuidePageFactory(parent=sections["guides"], slug=f"guide-{number}"))


@pytest.mark.parametrize("count", [2, 20])
def test_a_batch_costs_the_same_queries_whatever_its_size(
    sections, make_partner, subscribe, django_assert_max_num_queries, count
):
    endpoint = subscribe(make_partner(), URL)
    publish_services(sections, count)
    with django_assert_max_num_queries(18):
        made = dispatch_batch(endpoint.pk)
    # Every service, organisation and guide announced, each with its links.
    deliveries = WebhookDelivery.objects.filter(pk__in=made)
    assert len({delivery.object_id for delivery in deliveries}) == 3 * count
    assert all(delivery.payload["data"]["url"] for delivery in deliveries)
    assert all(delivery.payload["data"]["api_url"] for delivery in deliveries)
