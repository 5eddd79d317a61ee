"""Seed 000: "contact the Inclusion Partner if any email is returned undelivered". A
review request to an Inclusion Partner's old mailbox bounces; the cluster and the service
that show the address are flagged, the maintainers' digest names them, and the address
is not asked again."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from alerts.models import MaintainerAlert
from directory.factories import ClusterStaffFactory
from directory.models import ClusterStaff
from tasks.bounces.models import ContactAddress
from tasks.digest import send_maintainer_digest
from tasks.listings import mark_listing_reviewed
from tasks.review_requests import send_review_requests
from tests.tasks.bounces import delivered_to, message
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

INCLUSION_PARTNER = "former.inclusion.partner@retired-mailbox.test"


@pytest.fixture
def cluster_and_service(make_listing, maintenance_settings):
    maintenance_settings.BOUNCE_VERP = True
    cluster = make_listing(
        "cluster",
        reviewed_days_ago=10,
        name="Colchester North Cluster",
        manager={"name": "Quadrant manager", "email": "north.manager@example.org"},
    )
    ClusterStaffFactory(
        cluster=cluster,
        role=ClusterStaff.Role.INCLUSION_PARTNER,
        name="Inclusion Partner",
        email=INCLUSION_PARTNER,
    )
    service = make_listing(
        "service",
        reviewed_days_ago=345,
        title="Inclusion drop-in, Colchester",
        contacts=[
            {"name": "Inclusion Partner", "email": INCLUSION_PARTNER},
            {"name": "Family support team", "email": "team@example.org"},
        ],
    )
    return cluster, service


def test_a_bounce_flags_the_cluster_the_digest_names_it_and_it_is_not_asked_again(
    cluster_and_service, smtp_server, tmp_path
):
    cluster, service = cluster_and_service
    assert send_review_requests(now=NOW).sent == 2
    return_path = smtp_server.to(INCLUSION_PARTNER)[0].mail_from

    # Their mail server sends an Exchange non-delivery report to our return path.
    ndr = delivered_to(message("exchange_hard"), return_path).replace(
        b"former.head@school.test", INCLUSION_PARTNER.encode()
    )
    (tmp_path / "ndr.eml").write_bytes(ndr)
    call_command("ingest_bounces", str(tmp_path / "ndr.eml"), stdout=StringIO())

    assert ContactAddress.objects.get(address=INCLUSION_PARTNER).status == "bounced"
    flagged = MaintainerAlert.objects.open().filter(kind="bouncing-contact")
    assert {(alert.label, alert.cycle) for alert in flagged} == {
        ("Colchester North Cluster", INCLUSION_PARTNER),
        ("Inclusion drop-in, Colchester", INCLUSION_PARTNER),
    }

    run = send_maintainer_digest(now=NOW + timedelta(hours=1))

    assert run.sent == 1
    digest = smtp_server.to("send-team@example.org")[0]
    cluster_url = f"https://cms.example.org/admin/snippets/directory/cluster/edit/{cluster.pk}/"
    for body in (digest.text, digest.html):
        assert "Contact email returned undelivered" in body
        assert "Colchester North Cluster" in body
        assert INCLUSION_PARTNER in body
        assert "RecipientNotFound" in body
        assert cluster_url in body

    # The next review cycle asks the service's other contact only (and the cluster's
    # quadrant manager, the cluster being due by then too).
    mark_listing_reviewed(service, name="SEND Information Team", at=NOW + timedelta(days=1))
    sent_before = len(smtp_server.messages)
    send_review_requests(now=NOW + timedelta(days=340))
    asked = sorted(m.rcpt_tos[0] for m in smtp_server.messages[sent_before:])
    assert asked == ["north.manager@example.org", "team@example.org"]
