"""Which events a partner's endpoint is given, from the change log, in its scope."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery
from directory.factories import (
    ClusterFactory,
    DirectoryIndexPageFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import Cluster, ServicePage
from tests.conftest import publish

URL = "http://127.0.0.1:9/hooks"


def events(endpoint, resource="services"):
    """(event, item id) of the endpoint's deliveries about one type of content made so
    far, oldest first. (Factories make organisations too, which have their events.)"""
    dispatch_events()
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("id")
    return [
        (delivery.event, str(delivery.object_id))
        for delivery in deliveries
        if delivery.payload["data"]["resource"] == resource
    ]


def test_the_life_of_a_service(sections, make_partner, subscribe):
    """Dispatched after each change, as the dispatcher runs after each commit."""
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="swimming"))
    events(endpoint)
    page.title = "Swimming for all"
    publish(page)
    events(endpoint)
    page.unpublish()
    events(endpoint)
    publish(page)
    events(endpoint)
    ServicePage.objects.get(pk=page.pk).delete()

    item = str(page.uuid)
    assert events(endpoint) == [
        ("content.published", item),
        ("content.updated", item),
        ("content.unpublished", item),
        ("content.published", item),
        # Wagtail unpublishes a live page it deletes: partners hear of the deletion only.
        ("content.deleted", item),
    ]
    # Dispatching again finds nothing new.
    assert len(events(endpoint)) == 5


def test_payload_holds_ids_and_links_only(sections, make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    page = publish(
        ServicePageFactory(parent=sections["council"], slug="secretive", title="Secret title")
    )
    dispatch_events()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint, object_id=page.uuid)
    assert delivery.payload["type"] == "content.published"
    assert delivery.payload["data"] == {
        "id": str(page.uuid),
        "resource": "services",
        "locale": "en",
        # The page's public address, as the item's own `url` in /api/v1/ gives it...
        "url": "http://localhost/directory/council/secretive/",
        # ...and where to fetch it with a key.
        "api_url": f"{settings.API_BASE_URL}/api/v1/services/{page.uuid}/",
        "modified": delivery.payload["timestamp"],
        # The version of the stored document announced: what api_url answers now.
        "version": 1,
    }
    assert "Secret title" not in str(delivery.payload)
    assert delivery.message_id.startswith("msg_")


def test_nothing_outside_the_scope_and_out_of_scope_when_an_item_leaves(
    sections, make_partner, subscribe
):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism")
    adhd = TaxonomyTermFactory(vocabulary="need", code="adhd")
    endpoint = subscribe(make_partner(terms=[autism]), URL)

    outside = ServicePageFactory(parent=sections["council"], slug="outside")
    outside.terms.set([adhd])
    publish(outside)
    inside = ServicePageFactory(parent=sections["council"], slug="inside")
    inside.terms.set([autism])
    publish(inside)
    inside.terms.set([adhd])
    publish(inside)
    outside.unpublish()  # never in scope: nothing to say

    assert events(endpoint) == [
        ("content.published", str(inside.uuid)),
        ("content.out_of_scope", str(inside.uuid)),
    ]


def test_a_change_of_the_partners_scope(sections, make_partner, subscribe):
    north = publish(ServicePageFactory(parent=sections["council"], service_areas=["north-east"]))
    south = publish(ServicePageFactory(parent=sections["council"], service_areas=["south"]))
    partner = make_partner(scope_areas=["north-east"])
    endpoint = subscribe(partner, URL)
    bystander = subscribe(make_partner(name="Bystander"), URL)

    partner.scope_areas = ["south"]
    partner.save()

    assert sorted(events(endpoint)) == sorted(
        [("content.out_of_scope", str(north.uuid)), ("content.published", str(south.uuid))]
    )
    assert events(bystander) == []


@pytest.mark.parametrize(
    "kind",
    [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS],
)
def test_a_view_restriction_unpublishes_for_partners(sections, make_partner, subscribe, kind):
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="restricted"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="x" * 8
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Panel members")])
    publish(page)  # republished behind it: nothing to say
    restriction.delete()
    assert events(endpoint) == [
        ("content.published", str(page.uuid)),
        ("content.unpublished", str(page.uuid)),
        ("content.published", str(page.uuid)),
    ]


def test_only_subscribed_events_and_only_from_subscription_on(sections, make_partner, subscribe):
    before = publish(ServicePageFactory(parent=sections["council"], slug="before"))
    endpoint = subscribe(make_partner(), URL, events=["content.unpublished"])
    after = publish(ServicePageFactory(parent=sections["council"], slug="after"))
    assert events(endpoint) == []  # told nothing: not subscribed to content.published
    after.unpublish()
    before.unpublish()  # published before the subscription, but partners may hold it

    assert events(endpoint) == [
        ("content.unpublished", str(after.uuid)),
        ("content.unpublished", str(before.uuid)),
    ]


def test_an_inactive_endpoint_collects_nothing_until_switched_back_on(
    sections, make_partner, subscribe, api_client_for
):
    partner = make_partner()
    endpoint = subscribe(partner, URL)
    endpoint.is_active = False
    endpoint.save()
    page = publish(ServicePageFactory(parent=sections["council"], slug="while-off"))
    assert events(endpoint) == []

    response = api_client_for(partner).patch(
        f"/api/v1/webhooks/{endpoint.public_id}/", {"is_active": True}, format="json"
    )
    assert response.status_code == 200
    # Its cursor stayed where it was: what happened meanwhile is sent now.
    assert events(endpoint) == [("content.published", str(page.uuid))]


def test_a_deletion_is_one_removal_event(sections, make_partner, subscribe):
    """content.deleted for an item partners hold; nothing more for one they were told
    had gone (Wagtail unpublishes a live page it deletes: that says nothing)."""
    endpoint = subscribe(make_partner(), URL)
    live = publish(ServicePageFactory(parent=sections["council"], slug="live"))
    unpublished = publish(ServicePageFactory(parent=sections["council"], slug="unpublished"))
    restricted = publish(ServicePageFactory(parent=sections["council"], slug="restricted"))
    section = DirectoryIndexPageFactory(parent=sections["directory"], slug="closing")
    below = publish(ServicePageFactory(parent=section, slug="below"))
    cluster = ClusterFactory(live=False)
    cluster.save_revision().publish()
    events(endpoint)
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    events(endpoint)

    for page in (live, unpublished, restricted):
        Page.objects.get(pk=page.pk).delete()
    Page.objects.get(pk=section.pk).delete()  # with the live page below it
    Cluster.objects.get(pk=cluster.pk).delete()

    assert events(endpoint) + events(endpoint, "clusters") == [
        ("content.published", str(live.uuid)),
        ("content.published", str(unpublished.uuid)),
        ("content.published", str(restricted.uuid)),
        ("content.published", str(below.uuid)),
        ("content.unpublished", str(unpublished.uuid)),
        ("content.unpublished", str(restricted.uuid)),
        ("content.deleted", str(live.uuid)),
        ("content.deleted", str(below.uuid)),
        ("content.published", str(cluster.uuid)),
        ("content.deleted", str(cluster.uuid)),
    ]


def test_an_item_hidden_before_dispatch_is_never_announced(sections, make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="brief"))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert events(endpoint) == []
    assert not WebhookDelivery.objects.filter(object_id=page.uuid).exists()


def test_an_item_held_then_changed_and_hidden_before_dispatch_is_removed_once(
    sections, make_partner, subscribe
):
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="held"))
    events(endpoint)
    page.title = "Held, and changed"
    publish(page)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert events(endpoint) == [
        ("content.published", str(page.uuid)),
        ("content.unpublished", str(page.uuid)),
    ]
    (removal,) = WebhookDelivery.objects.filter(event="content.unpublished", object_id=page.uuid)
    assert removal.payload["data"]["url"] is None


def test_what_restricted_items_show_changing_announces_nothing(sections, make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="members"))
    events(endpoint)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    events(endpoint)
    page.organisation.name = "Renamed"
    page.organisation.save()  # its services are logged as changed: not this one
    assert events(endpoint) == [
        ("content.published", str(page.uuid)),
        ("content.unpublished", str(page.uuid)),
    ]


def test_a_section_unpublished_and_published_again(sections, make_partner, subscribe):
    endpoint = subscribe(make_partner(), URL)
    section = DirectoryIndexPageFactory(parent=sections["directory"], slug="section")
    page = publish(ServicePageFactory(parent=section, slug="in-section"))
    private = publish(ServicePageFactory(parent=section, slug="private"))
    events(endpoint)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    events(endpoint)
    section.unpublish()
    events(endpoint)
    publish(section)
    assert events(endpoint) == [
        ("content.published", str(page.uuid)),
        ("content.published", str(private.uuid)),
        ("content.unpublished", str(private.uuid)),
        ("content.unpublished", str(page.uuid)),
        ("content.published", str(page.uuid)),
    ]
