"""Deleting content in the Wagtail admin, as an editor does: a partner holding an item
hears `content.deleted` about it once, and nothing else."""

from django.urls import reverse

from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from directory.factories import (
    DirectoryIndexPageFactory,
    OrganisationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import Organisation, TaxonomyTerm
from tests.conftest import publish

URL = "http://127.0.0.1:9/hooks"


def told(endpoint, *items) -> list[tuple[str, str]]:
    """(event, item id) of what the endpoint has been given about these items."""
    dispatch_events()
    ids = [item.uuid for item in items]
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint, object_id__in=ids)
    return [(delivery.event, str(delivery.object_id)) for delivery in deliveries.order_by("id")]


def delete_page_in_admin(client, page):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302, response.content


def delete_snippet_in_admin(client, instance):
    url_name = type(instance).snippet_viewset.get_url_name("delete")
    response = client.post(reverse(url_name, args=[instance.pk]))
    assert response.status_code == 302, response.content
    assert not type(instance).objects.filter(pk=instance.pk).exists()


def test_a_live_service_deleted_in_the_admin(sections, make_partner, subscribe, admin_client):
    """Wagtail unpublishes a live page as it deletes it: partners hear of the deletion."""
    endpoint = subscribe(make_partner(), URL)
    page = publish(ServicePageFactory(parent=sections["council"], slug="swimming"))
    assert told(endpoint, page) == [("content.published", str(page.uuid))]

    delete_page_in_admin(admin_client, page)
    assert told(endpoint, page) == [
        ("content.published", str(page.uuid)),
        ("content.deleted", str(page.uuid)),
    ]


def test_a_section_deleted_in_the_admin(sections, make_partner, subscribe, admin_client):
    endpoint = subscribe(make_partner(), URL)
    section = publish(DirectoryIndexPageFactory(parent=sections["directory"], slug="closing"))
    first = publish(ServicePageFactory(parent=section, slug="first"))
    second = publish(ServicePageFactory(parent=section, slug="second"))
    dispatch_events()

    delete_page_in_admin(admin_client, section)
    for page in (first, second):  # the pages below go in no particular order
        assert told(endpoint, page) == [
            ("content.published", str(page.uuid)),
            ("content.deleted", str(page.uuid)),
        ]


def test_a_live_organisation_deleted_in_the_admin(sections, make_partner, subscribe, admin_client):
    endpoint = subscribe(make_partner(), URL)
    organisation = OrganisationFactory(live=False)
    organisation.save_revision().publish()
    dispatch_events()

    delete_snippet_in_admin(admin_client, Organisation.objects.get(pk=organisation.pk))
    assert told(endpoint, organisation) == [
        ("content.published", str(organisation.uuid)),
        ("content.deleted", str(organisation.uuid)),
    ]


def test_a_taxonomy_term_deleted_in_the_admin(sections, make_partner, subscribe, admin_client):
    endpoint = subscribe(make_partner(), URL)
    term = TaxonomyTermFactory(vocabulary="need", code="autism")
    dispatch_events()

    delete_snippet_in_admin(admin_client, TaxonomyTerm.objects.get(pk=term.pk))
    assert told(endpoint, term) == [
        ("content.published", str(term.uuid)),
        ("content.deleted", str(term.uuid)),
    ]


def test_changed_then_deleted_while_the_endpoint_was_off(
    sections, make_partner, subscribe, admin_client
):
    """A backlog replays each change as it happened, judged as things are now: the item
    edited and then deleted is gone, and `content.deleted` is what the partner hears,
    once, from the first entry that finds it gone."""
    endpoint = subscribe(make_partner(), URL)
    edited = publish(ServicePageFactory(parent=sections["council"], slug="edited"))
    unpublished = publish(ServicePageFactory(parent=sections["council"], slug="unpublished"))
    dispatch_events()
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False)

    edited.title = "Edited, then deleted"
    publish(edited)
    delete_page_in_admin(admin_client, edited)
    unpublished.unpublish()  # and then deleted: the unpublish is not the last word
    delete_page_in_admin(admin_client, unpublished)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=True)

    assert told(endpoint, edited, unpublished) == [
        ("content.published", str(edited.uuid)),
        ("content.published", str(unpublished.uuid)),
        ("content.deleted", str(edited.uuid)),
        ("content.deleted", str(unpublished.uuid)),
    ]
