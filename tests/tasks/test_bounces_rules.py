"""The deliverability rules, the address records, and the alerts on what shows them."""

from datetime import timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alerts.models import MaintainerAlert
from directory.factories import (
    ClusterStaffFactory,
    OrganisationFactory,
    ServiceContactFactory,
)
from directory.models import ClusterStaff
from tasks.bounces.addresses import places_showing, sync_contact_addresses
from tasks.bounces.ingest import record_events
from tasks.bounces.manual import record_manual_event
from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind
from tasks.bounces.rules import Event, score_bounced_addresses
from tasks.deliverability import check_contact_addresses
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
Status = ContactAddress.Status
Kind = MaintainerAlert.Kind


@pytest.fixture(autouse=True)
def _threshold(maintenance_settings):
    maintenance_settings.BOUNCE_SOFT_THRESHOLD = 3


event_ids = count()


def hear(address: str, kind: EventKind, at=NOW, diagnostic: str = ""):
    """Record one event about `address`, as any intake would."""
    event = Event(
        address=address,
        kind=kind,
        source=DeliveryEvent.Source.WEBHOOK,
        key=("test", str(next(event_ids)), address),
        occurred_at=at,
        diagnostic=diagnostic,
    )
    return record_events([event], now=at)


def status_of(address: str) -> ContactAddress:
    return ContactAddress.objects.get(address=address)


@pytest.fixture
def service(make_listing):
    return make_listing(
        "service",
        reviewed_days_ago=10,
        title="Sensory play in Clacton",
        contacts=[{"name": "Team", "email": "team@example.org"}],
    )


def bouncing_alerts():
    return MaintainerAlert.objects.open().filter(kind=Kind.BOUNCING_CONTACT)


def test_a_permanent_failure_bounces_the_address_at_once(service):
    recorded = hear("team@example.org", EventKind.HARD_BOUNCE, diagnostic="550 5.1.1 unknown")

    assert (recorded.events, recorded.bounced) == (1, 1)
    address = status_of("team@example.org")
    assert (address.status, address.status_since) == (Status.BOUNCED, NOW)
    assert address.last_diagnostic == "550 5.1.1 unknown"
    # On the scale of temporary failures, a permanent one is the whole threshold.
    assert address.score == 3


def test_temporary_failures_count_once_a_day_until_the_threshold(service):
    for hours in (0, 1, 5):  # three on one day: one point
        hear("team@example.org", EventKind.SOFT_BOUNCE, at=NOW + hours * HOUR)
    address = status_of("team@example.org")
    assert (address.status, address.score) == (Status.SOFT_BOUNCING, 1)

    hear("team@example.org", EventKind.SOFT_BOUNCE, at=NOW + DAY)
    assert status_of("team@example.org").status == Status.SOFT_BOUNCING
    assert not bouncing_alerts().exists()

    hear("team@example.org", EventKind.SOFT_BOUNCE, at=NOW + 2 * DAY)
    address = status_of("team@example.org")
    assert (address.status, address.score) == (Status.BOUNCED, 3)
    assert bouncing_alerts().count() == 1


def test_a_delivery_makes_it_work_again_and_resolves_its_alerts(service):
    hear("team@example.org", EventKind.HARD_BOUNCE)
    alert = bouncing_alerts().get()

    recorded = hear("team@example.org", EventKind.DELIVERED, at=NOW + DAY)

    assert recorded.recovered == 1
    address = status_of("team@example.org")
    assert (address.status, address.score, address.soft_bounced_on) == (Status.OK, 0, None)
    alert.refresh_from_db()
    assert alert.resolved_at == NOW + DAY


def test_a_delivery_clears_the_score_of_temporary_failures(service):
    hear("team@example.org", EventKind.SOFT_BOUNCE)
    hear("team@example.org", EventKind.SOFT_BOUNCE, at=NOW + DAY)
    hear("team@example.org", EventKind.DELIVERED, at=NOW + DAY + HOUR)
    hear("team@example.org", EventKind.SOFT_BOUNCE, at=NOW + 2 * DAY)

    address = status_of("team@example.org")
    assert (address.status, address.score) == (Status.SOFT_BOUNCING, 1)


def test_a_complaint_stops_mail_and_a_delivery_does_not_take_it_back(service):
    hear("team@example.org", EventKind.COMPLAINT)
    hear("team@example.org", EventKind.DELIVERED, at=NOW + DAY)

    assert status_of("team@example.org").status == Status.COMPLAINED
    assert not status_of("team@example.org").is_deliverable
    assert not bouncing_alerts().exists()  # the address works: nothing to correct


def test_late_news_is_logged_but_does_not_undo_newer_news(service):
    hear("team@example.org", EventKind.DELIVERED, at=NOW)
    hear("team@example.org", EventKind.HARD_BOUNCE, at=NOW - DAY)  # arrived late

    assert status_of("team@example.org").status == Status.OK
    assert DeliveryEvent.objects.count() == 2


def test_one_alert_per_listing_and_cluster_showing_the_address(make_listing, sections):
    from directory.factories import PartnerPageFactory

    address = "shared@example.org"
    service = make_listing(
        "service",
        reviewed_days_ago=10,
        contacts=[{"email": "", "phone": "01206 000000"}, {"email": address}],
    )
    internal = make_listing(
        "service", reviewed_days_ago=10, contacts=[{"email": address, "is_public": False}]
    )
    organisation = OrganisationFactory(email="Shared@Example.org ")
    partner = PartnerPageFactory(parent=sections["health"], organisation=organisation)
    cluster = make_listing("cluster", reviewed_days_ago=10, name="Colchester North Cluster")
    ClusterStaffFactory(cluster=cluster, email=address)
    ClusterStaffFactory(cluster=cluster, email=address, role=ClusterStaff.Role.SPECIALIST_TEACHER)
    lonely_organisation = OrganisationFactory(email=address)  # no partner page shows it

    places = places_showing(" SHARED@example.org")
    assert places == [service, partner, organisation, lonely_organisation, cluster]
    assert internal not in places  # an internal contact is neither shown nor written to

    hear(address, EventKind.HARD_BOUNCE, diagnostic="550 5.1.1 User unknown")

    alerts = {(alert.content_type.model, alert.object_id): alert for alert in bouncing_alerts()}
    assert set(alerts) == {
        ("servicepage", service.pk),
        ("partnerpage", partner.pk),
        ("cluster", cluster.pk),
        ("organisation", lonely_organisation.pk),
    }
    cluster_alert = alerts["cluster", cluster.pk]
    assert cluster_alert.cycle == address
    assert cluster_alert.label == "Colchester North Cluster"
    assert cluster_alert.message.startswith(
        "Email to shared@example.org is returned undelivered (550 5.1.1 User unknown)."
    )
    assert "staff list" in cluster_alert.message
    assert check_contact_addresses(now=NOW + DAY).alerts_raised == 0  # raised once


def test_an_edited_address_is_a_new_record_and_its_alert_is_resolved(service):
    hear("team@example.org", EventKind.HARD_BOUNCE)
    contact = service.contacts.get()
    contact.email = "new.team@example.org"
    contact.save()

    check = check_contact_addresses(now=NOW + DAY)

    assert check.alerts_resolved == 1
    assert not bouncing_alerts().exists()
    assert status_of("team@example.org").status == Status.BOUNCED  # left alone
    assert status_of("new.team@example.org").status == Status.UNKNOWN


def test_unpublishing_the_listing_resolves_its_alert(service):
    hear("team@example.org", EventKind.HARD_BOUNCE)
    service.unpublish()

    assert check_contact_addresses(now=NOW + DAY).alerts_resolved == 1


def test_every_shown_address_gets_a_record_in_a_fixed_number_of_queries(make_listing):
    def add_listings(count: int, start: int):
        for n in range(start, start + count):
            service = make_listing("service", reviewed_days_ago=10, contacts=[])
            ServiceContactFactory(page=service, email=f" Contact{n}@Example.org")
            ServiceContactFactory(page=service, email=f"internal{n}@example.org", is_public=False)
            ClusterStaffFactory(email=f"staff{n}@example.org")

    add_listings(2, start=0)
    with CaptureQueriesContext(connection) as few:
        sync_contact_addresses(now=NOW)
    add_listings(20, start=2)
    with CaptureQueriesContext(connection) as many:
        created = sync_contact_addresses(now=NOW)

    assert len(few) == len(many) <= 4
    assert created == 20 * 3  # contact, organisation, staff member: not the internal contact
    assert ContactAddress.objects.filter(address="contact7@example.org").exists()
    assert not ContactAddress.objects.filter(address__startswith="internal").exists()
    assert sync_contact_addresses(now=NOW) == 0


def test_a_maintainer_can_record_that_an_address_works_again(service):
    hear("team@example.org", EventKind.HARD_BOUNCE)

    record_manual_event(
        " Team@example.org", EventKind.DELIVERED, note="Rang them: it works.", by="alice"
    )

    address = status_of("team@example.org")
    assert address.status == Status.OK
    assert address.events.filter(source="manual", provider="alice").exists()
    assert not bouncing_alerts().exists()


def test_addresses_bounced_before_the_score_rule_get_the_whole_threshold(db):
    # Recorded under the earlier rule: permanently failed, yet scored 0.
    Status = ContactAddress.Status
    ContactAddress.objects.create(address="gone@school.test", status=Status.BOUNCED, score=0)
    ContactAddress.objects.create(address="flaky@school.test", status=Status.SOFT_BOUNCING, score=1)
    ContactAddress.objects.create(address="over@school.test", status=Status.BOUNCED, score=5)

    assert score_bounced_addresses(ContactAddress, threshold=3) == 1

    scores = dict(ContactAddress.objects.values_list("address", "score"))
    assert scores == {"gone@school.test": 3, "flaky@school.test": 1, "over@school.test": 5}
