"""Batched deliveries, for an endpoint that asks for them: up to its maximum of events
per signed request, in log order, retried whole; to a real HTTP receiver on loopback."""

from django.test import override_settings
from standardwebhooks import Webhook

from api.models import ChangeLogEntry
from api.webhooks.delivery import deliver
from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery
from directory.factories import OrganisationFactory, ServicePageFactory
from tests.api.webhooks.conftest import Reply

State = WebhookDelivery.State


def rename_organisation_over(sections, services: int):
    """An organisation published with its services: each is logged as changed."""
    organisation = OrganisationFactory()
    for number in range(services):
        ServicePageFactory(
            parent=sections["council"], slug=f"service-{number}", organisation=organisation
        )
    organisation.name = "Renamed"
    organisation.save_revision().publish()
    return organisation


def test_the_batching_field_is_set_and_shown_through_the_api(
    make_partner, subscribe, api_client_for
):
    partner = make_partner()
    api = api_client_for(partner)
    endpoint = subscribe(partner, "http://127.0.0.1:9/hooks", max_events_per_request=50)
    url = f"/api/v1/webhooks/{endpoint.public_id}/"
    assert api.get(url).json()["max_events_per_request"] == 50
    assert api.patch(url, {"max_events_per_request": None}, format="json").status_code == 200
    assert api.get(url).json()["max_events_per_request"] is None
    for bad in (0, 101, "many"):
        response = api.patch(url, {"max_events_per_request": bad}, format="json")
        assert response.status_code == 400
        assert "max_events_per_request" in str(response.json())


@override_settings(WEBHOOK_RETRY_BASE_SECONDS=0)
def test_250_events_arrive_in_3_signed_requests_in_order(
    sections, make_partner, subscribe, receiver
):
    endpoint = subscribe(make_partner(), receiver.url, max_events_per_request=100)
    first_entry = endpoint.cursor
    rename_organisation_over(sections, 249)  # 249 services and the organisation

    batches = dispatch_events()
    assert len(batches) == 3
    receiver.replies = [Reply(status=500)]  # the first attempt fails
    assert deliver(batches[0]).status == "retrying"
    assert deliver(batches[1]).status == "waiting"  # batches go one after the other
    outcome = deliver(batches[0], now=WebhookDelivery.objects.get(pk=batches[0]).next_attempt_at)
    assert outcome.status == "delivered"
    assert outcome.then_deliver == [batches[1]]
    assert deliver(batches[1]).status == "delivered"
    assert deliver(batches[2]).status == "delivered"

    failed, *requests = receiver.wait_for(4)
    assert len(requests) == 3
    # The retry is the same message: the same webhook-id, the same events.
    assert failed.headers["webhook-id"] == requests[0].headers["webhook-id"]
    assert failed.body == requests[0].body
    events = []
    for request in requests:
        message = Webhook(endpoint.secret).verify(request.body, request.headers)
        assert message["type"] == "batch"
        events += message["data"]["events"]
    assert [len(r.payload["data"]["events"]) for r in requests] == [100, 100, 50]
    # Every event as it would have come alone, in the order of the change log.
    logged = ChangeLogEntry.objects.filter(id__gt=first_entry).order_by("id")
    assert [event["data"]["id"] for event in events] == [str(e.object_id) for e in logged]
    assert {event["type"] for event in events} == {"content.published"}
    assert all(event["data"]["api_url"] for event in events)

    # Each event is kept as part of its batch: what the partner holds reads as ever.
    assert WebhookDelivery.objects.filter(state=State.BATCHED).count() == 250
    assert set(
        WebhookDelivery.objects.filter(state=State.BATCHED).values_list("batch", flat=True)
    ) == set(batches)


def test_a_batched_endpoint_hears_updates_of_what_it_holds(sections, make_partner, subscribe):
    """What an endpoint was told in a batch counts as told: the next change is an update."""
    endpoint = subscribe(make_partner(), "http://127.0.0.1:9/hooks", max_events_per_request=10)
    organisation = rename_organisation_over(sections, 3)
    dispatch_events()
    organisation.name = "Renamed again"
    organisation.save_revision().publish()
    (latest,) = WebhookDelivery.objects.filter(pk__in=dispatch_events())
    assert {event["type"] for event in latest.payload["data"]["events"]} == {"content.updated"}
    assert len(latest.payload["data"]["events"]) == 4
    assert WebhookDelivery.objects.filter(endpoint=endpoint, event="batch").count() == 2


def test_the_deliveries_list_shows_batches_not_their_events(
    sections, make_partner, subscribe, api_client_for
):
    partner = make_partner()
    endpoint = subscribe(partner, "http://127.0.0.1:9/hooks", max_events_per_request=100)
    rename_organisation_over(sections, 5)
    dispatch_events()
    listing = api_client_for(partner).get(f"/api/v1/webhooks/{endpoint.public_id}/deliveries/")
    (batch,) = listing.json()["results"]
    assert batch["event"] == "batch"
    assert len(batch["payload"]["data"]["events"]) == 6
