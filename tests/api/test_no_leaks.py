"""Nothing non-public leaves through any endpoint: v1 lists, details, search and the
changes feed, ORUK (tests/api/oruk/test_no_leaks.py runs the same probes there) and
webhook deliveries; and what stops being public is gone from all of them at once, warm
caches included."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.feed import Cursor
from api.webhooks.delivery import deliver
from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery
from directory.factories import (
    ClusterFactory,
    ClusterStaffFactory,
    DirectoryIndexPageFactory,
    PartnerPageFactory,
    ServiceContactFactory,
    ServicePageFactory,
)
from directory.models import Cluster
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from guides.models import RelatedGuide
from tests.api.webhooks import conftest as webhook_fixtures
from tests.conftest import expire, publish, published_with_expiry

receiver, subscribe = webhook_fixtures.receiver, webhook_fixtures.subscribe

SECRET = "Zanzibarquokka"  # a word that must never appear in any response


@dataclass
class Probe:
    """An item that is not public, and how it came to be so."""

    resource: str
    kind: str
    item: object
    told: bool  # it was public for a while: partners may have been told of it


def nothing():
    pass


def restrict(page, kind=PageViewRestriction.LOGIN):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x" * 8)


def hidden_pages(sections, clock, step=nothing) -> list[Probe]:
    """A page of each type in each non-public state, each titled with the secret.
    `step` runs after each change (webhook tests dispatch there)."""
    members = {  # view-restricted sections
        "directory": DirectoryIndexPageFactory(parent=sections["directory"], slug="members"),
        "guides": GuideIndexPageFactory(parent=sections["home"], slug="members-guides"),
    }
    closing = {  # sections unpublished below
        "directory": DirectoryIndexPageFactory(parent=sections["directory"], slug="closing"),
        "guides": GuideIndexPageFactory(parent=sections["home"], slug="closing-guides"),
    }
    for section in members.values():
        restrict(section)
    factories = {
        "services": (ServicePageFactory, sections["council"], "directory"),
        "guides": (GuidePageFactory, sections["guides"], "guides"),
        "partners": (PartnerPageFactory, sections["directory"], "directory"),
    }
    made = []
    for resource, (factory, parent, family) in factories.items():

        def probe(kind, told, page, resource=resource):
            """Record a probe (then the step), and hand the page on."""
            made.append(Probe(resource, kind, page, told))
            step()
            return page

        def secret_page(kind, resource=resource, factory=factory, parent=parent, **fields):
            fields.setdefault("parent", parent)
            return factory(title=f"{SECRET} {kind}", slug=f"{resource}-{kind}", **fields)

        probe("draft", False, secret_page("draft", live=False))

        unpublished = probe("unpublished", True, publish(secret_page("unpublished")))
        unpublished.unpublish()
        step()

        expire(probe("expired", True, publish(secret_page("expired"))), clock)

        restrict(probe("restricted", True, publish(secret_page("restricted"))))
        step()

        password = probe("password", True, publish(secret_page("password")))
        restrict(password, PageViewRestriction.PASSWORD)
        step()
        publish(password)  # republished behind its password
        step()

        # Published, and published again, under a restricted section.
        publish(probe("members", False, publish(secret_page("members", parent=members[family]))))
        step()

        moved = probe("moved", True, publish(secret_page("moved")))
        moved.move(members[family], pos="last-child")
        step()

        probe("closing", True, publish(secret_page("closing", parent=closing[family])))

        scheduled = secret_page("scheduled", live=False)
        scheduled.save_revision(approved_go_live_at=timezone.now() + timedelta(days=2))
        probe("scheduled", False, scheduled)

        live_with_draft = publish(
            factory(parent=parent, title="Public title", slug=f"{resource}-live")
        )
        live_with_draft.title = f"{SECRET} unpublished edit"
        live_with_draft.save_revision()
        step()
    for section in closing.values():
        section.unpublish()
        step()
    return made


def hidden_clusters(clock, step=nothing) -> list[Probe]:
    draft = ClusterFactory(name=f"{SECRET} cluster", live=False)
    ClusterStaffFactory(cluster=draft, name=f"{SECRET} staff")
    made = [Probe("clusters", "draft", draft, False)]
    step()
    for kind in ("expired", "unpublished", "not-yet"):
        cluster = ClusterFactory(name=f"{SECRET} {kind} cluster", live=False)
        cluster.save_revision().publish()
        made.append(Probe("clusters", kind, Cluster.objects.get(pk=cluster.pk), True))
        step()
    expire(made[1].item, clock)
    made[2].item.unpublish()
    step()
    # Taken down, and due to go live again on a date still to come.
    not_yet = made[3].item
    not_yet.unpublish()
    not_yet.save_revision(approved_go_live_at=timezone.now() + timedelta(days=1))
    live = ClusterFactory(name="Public cluster", live=False)
    live.save_revision().publish()
    live.name = f"{SECRET} cluster edit"
    live.save_revision()
    step()
    return made


@pytest.fixture
def leaky_content(sections, clock):
    probes = hidden_pages(sections, clock) + hidden_clusters(clock)
    service = publish(ServicePageFactory(parent=sections["council"], slug="with-contacts"))
    ServiceContactFactory(page=service, name=f"{SECRET} internal", is_public=False)
    publish(service)
    return probes


RESOURCES = ["services", "guides", "partners", "clusters", "organisations", "taxonomy-terms"]


def test_every_state_is_probed(leaky_content):
    kinds = {(probe.resource, probe.kind) for probe in leaky_content}
    assert len(kinds) == len(leaky_content) == 3 * 9 + 4


def test_lists_and_searches_hold_nothing_non_public(leaky_content, partner_api):
    # Every resource against one set of probes: they only read, and the probes take long
    # to make.
    for resource in RESOURCES:
        for params in ({}, {"q": SECRET}, {"page_size": 100}):
            response = partner_api.get(f"/api/v1/{resource}/", params)
            assert response.status_code == 200, (resource, params)
            text = response.content.decode()
            assert SECRET not in text, (resource, params)
            for probe in leaky_content:
                assert str(probe.item.uuid) not in text, (resource, params, probe)


def test_details_of_non_public_items_are_404(leaky_content, partner_api):
    for probe in leaky_content:
        response = partner_api.get(f"/api/v1/{probe.resource}/{probe.item.uuid}/")
        assert response.status_code == 404, probe


def test_the_changes_feed_offers_nothing_non_public(leaky_content, partner_api):
    body = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()
    assert body["results"], "the public items are offered"
    for probe in leaky_content:
        assert str(probe.item.uuid) not in str(body), probe
    assert SECRET not in str(body)


def test_a_reader_of_the_changes_feed_hears_only_removals_of_what_it_may_hold(
    sections, partner_api, clock
):
    """A partner that started before the content was made: each item it may have had
    comes back as one delete, and items never public are never named."""
    cursor = partner_api.get("/api/v1/changes/").json()["next_cursor"]
    probes = hidden_pages(sections, clock) + hidden_clusters(clock)
    body = partner_api.get("/api/v1/changes/", {"cursor": cursor, "page_size": 500}).json()
    changes = defaultdict(list)
    for change in body["results"]:
        changes[change["id"]].append((change["action"], change["url"]))
    for probe in probes:
        expected = [("delete", None)] if probe.told else []
        assert changes[str(probe.item.uuid)] == expected, probe


# Webhooks


def delivered_payloads(endpoint, receiver) -> dict[str, list[tuple]]:
    """Send every delivery of the endpoint to the receiver; what it received, by item:
    [(event, api_url), …] in order."""
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("id")
    for delivery in deliveries:
        assert deliver(delivery.pk).status == "delivered"
    received = receiver.wait_for(len(deliveries))
    by_item = defaultdict(list)
    for request in received:
        assert SECRET not in request.body.decode()
        data = request.payload["data"]
        by_item[data["id"]].append((request.payload["type"], data["api_url"]))
    return by_item


def test_webhooks_announce_nothing_hidden_and_one_removal_per_item_told(
    sections, make_partner, subscribe, receiver, clock
):
    """Dispatched after every change, as after every commit: an item never public is
    never named; one that was is announced, then removed exactly once."""
    endpoint = subscribe(make_partner(), receiver.url)
    probes = hidden_pages(sections, clock, step=dispatch_events) + hidden_clusters(
        clock, step=dispatch_events
    )
    call_command("publish_scheduled")  # the scheduler unpublishes what has expired
    dispatch_events()

    by_item = delivered_payloads(endpoint, receiver)
    for probe in probes:
        events = by_item[str(probe.item.uuid)]
        if not probe.told:
            assert events == [], probe
            continue
        url = f"{settings.API_BASE_URL}/api/v1/{probe.resource}/{probe.item.uuid}/"
        assert events == [("content.published", url), ("content.unpublished", None)], probe


def test_a_backlog_of_webhooks_names_nothing_that_is_hidden_now(
    sections, make_partner, subscribe, receiver, api_client_for, clock
):
    """An endpoint switched off while it all happened hears nothing of any of it once
    switched back on: what it would be told of is not public any more."""
    partner = make_partner()
    endpoint = subscribe(partner, receiver.url)
    endpoint.is_active = False
    endpoint.save()
    probes = hidden_pages(sections, clock) + hidden_clusters(clock)
    call_command("publish_scheduled")
    response = api_client_for(partner).patch(
        f"/api/v1/webhooks/{endpoint.public_id}/", {"is_active": True}, format="json"
    )
    assert response.status_code == 200
    dispatch_events()

    by_item = delivered_payloads(endpoint, receiver)
    assert any(event == "content.published" for events in by_item.values() for event, _ in events)
    for probe in probes:
        assert by_item[str(probe.item.uuid)] == [], probe


# Expiry, through warm caches


@pytest.fixture
def expiring(sections):
    """One public item of each type that can expire, and a guide that lists an expiring
    guide as related."""
    items = {
        "services": publish(ServicePageFactory(parent=sections["council"], slug="ending")),
        "guides": publish(GuidePageFactory(parent=sections["guides"], slug="ending")),
        "partners": publish(PartnerPageFactory(parent=sections["directory"], slug="ending")),
    }
    cluster = ClusterFactory(live=False)
    cluster.save_revision().publish()
    items["clusters"] = Cluster.objects.get(pk=cluster.pk)
    lasting = GuidePageFactory(parent=sections["guides"], slug="lasting")
    lasting.related_guides = [RelatedGuide(guide=items["guides"])]
    lasting.save()
    return items, publish(lasting)


def listed_ids(api, resource) -> set[str]:
    response = api.get(f"/api/v1/{resource}/", {"page_size": 100})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["results"]}


def test_an_expiry_takes_items_out_of_warm_lists_and_details_at_once(expiring, partner_api, clock):
    items, lasting = expiring
    for item in [*items.values()]:
        published_with_expiry(item, minutes=5)
    etags = {}
    for resource, item in items.items():  # warm: the page and item caches are full
        assert str(item.uuid) in listed_ids(partner_api, resource)
        detail = partner_api.get(f"/api/v1/{resource}/{item.uuid}/")
        assert detail.status_code == 200
        etags[resource] = partner_api.get(f"/api/v1/{resource}/", {"page_size": 100})["ETag"]
    related = partner_api.get(f"/api/v1/guides/{lasting.uuid}/").json()["related_guides"]
    assert [guide["id"] for guide in related] == [str(items["guides"].uuid)]

    clock.shift(timedelta(minutes=10))  # no signal, no change-log entry: only time passes

    for resource, item in items.items():
        assert str(item.uuid) not in listed_ids(partner_api, resource), resource
        assert partner_api.get(f"/api/v1/{resource}/{item.uuid}/").status_code == 404
        # A copy validated before the expiry is not current any more.
        again = partner_api.get(
            f"/api/v1/{resource}/", {"page_size": 100}, HTTP_IF_NONE_MATCH=etags[resource]
        )
        assert again.status_code == 200, resource
    assert partner_api.get(f"/api/v1/guides/{lasting.uuid}/").json()["related_guides"] == []


def test_an_expiry_takes_items_out_of_warm_oruk_answers_at_once(expiring, client, clock):
    service = published_with_expiry(expiring[0]["services"], minutes=5)
    for path in ("/api/oruk/services", f"/api/oruk/services/{service.uuid}"):
        assert str(service.uuid) in client.get(path).content.decode()
    clock.shift(timedelta(minutes=10))
    assert str(service.uuid) not in client.get("/api/oruk/services").content.decode()
    assert client.get(f"/api/oruk/services/{service.uuid}").status_code == 404


def test_an_expired_item_leaves_the_changes_feed_at_once(expiring, partner_api, clock):
    """A fresh read no longer offers it; a reader that may hold it (here, one that has
    read since the log began) is given a delete, before the scheduler has run."""
    items, _lasting = expiring
    since_the_start = Cursor(after=0, since=0).encode()
    for item in items.values():
        published_with_expiry(item, minutes=5)
    clock.shift(timedelta(minutes=10))

    fresh = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()
    held = partner_api.get("/api/v1/changes/", {"cursor": since_the_start, "page_size": 500})
    actions = {change["id"]: change["action"] for change in held.json()["results"]}
    for item in items.values():
        assert str(item.uuid) not in str(fresh)
        assert actions[str(item.uuid)] == "delete"


def test_an_expired_section_takes_what_is_under_it_out_at_once(
    sections, partner_api, client, clock
):
    section = DirectoryIndexPageFactory(parent=sections["directory"], slug="seasonal")
    service = publish(ServicePageFactory(parent=section, slug="summer-scheme"))
    published_with_expiry(section, minutes=5)
    assert str(service.uuid) in listed_ids(partner_api, "services")
    assert str(service.uuid) in client.get("/api/oruk/services").content.decode()
    clock.shift(timedelta(minutes=10))
    assert str(service.uuid) not in listed_ids(partner_api, "services")
    assert partner_api.get(f"/api/v1/services/{service.uuid}/").status_code == 404
    assert str(service.uuid) not in client.get("/api/oruk/services").content.decode()
