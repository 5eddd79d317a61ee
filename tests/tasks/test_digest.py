"""The maintainers' digest, through a real SMTP conversation with aiosmtpd."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from cms.groups import MAINTAINERS
from cms.verp import recipient_from_verp
from tasks.digest import maintainer_addresses, send_maintainer_digest
from tasks.models import DigestEmail
from tasks.stale import check_stale_listings
from tests.conftest import free_port
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
Kind = MaintainerAlert.Kind


@pytest.fixture
def maintainers(maintenance_settings, django_user_model):
    group, _ = Group.objects.get_or_create(name=MAINTAINERS)
    for username, email, active in [
        ("alice", "alice@example.org", True),
        ("retired", "retired@example.org", False),
        ("team", "SEND-team@example.org", True),  # also in MAINTAINER_EMAILS
    ]:
        user = django_user_model.objects.create_user(username, email=email, is_active=active)
        user.groups.add(group)
    django_user_model.objects.create_user("editor", email="editor@example.org")
    return ["alice@example.org", "SEND-team@example.org"]


@pytest.fixture
def overdue(make_listing):
    service = make_listing("service", reviewed_days_ago=400, title="Sensory play in Clacton")
    cluster = make_listing("cluster", reviewed_days_ago=200, name="Colchester North Cluster")
    check_stale_listings(now=NOW)
    return service, cluster


def test_maintainers_are_the_group_and_the_setting_each_once(maintainers):
    assert maintainer_addresses() == maintainers


def test_one_email_per_maintainer_in_text_and_html_with_admin_links(
    maintainers, overdue, smtp_server
):
    service, cluster = overdue

    run = send_maintainer_digest(now=NOW)

    assert (run.queued, run.sent) == (2, 2)
    assert sorted(received.rcpt_tos[0] for received in smtp_server.messages) == sorted(maintainers)
    received = smtp_server.to("alice@example.org")[0]
    assert recipient_from_verp(received.mail_from, "bounces@example.org") == "alice@example.org"
    assert received.message["Subject"] == "Essex Local Offer: 2 new alerts"
    service_url = f"https://cms.example.org/admin/pages/{service.pk}/edit/"
    cluster_url = f"https://cms.example.org/admin/snippets/directory/cluster/edit/{cluster.pk}/"
    for body in (received.text, received.html):
        assert "Sensory play in Clacton" in body
        assert "Colchester North Cluster" in body
        assert "Overdue for review" in body
        assert service_url in body
        assert cluster_url in body
    assert f'<a href="{service_url}"' in received.html
    assert MaintainerAlert.objects.filter(notified_at=NOW).count() == 2


def test_each_alert_is_sent_once_per_interval(maintainers, overdue, smtp_server, make_listing):
    send_maintainer_digest(now=NOW)
    assert len(smtp_server.messages) == 2

    assert send_maintainer_digest(now=NOW).queued == 0  # a re-run
    assert send_maintainer_digest(now=NOW + 6 * DAY).queued == 0  # within the interval
    assert len(smtp_server.messages) == 2

    raise_alert(Kind.READER_FEEDBACK, overdue[0], cycle="1", message="The phone number is wrong")
    send_maintainer_digest(now=NOW + 6 * DAY)

    assert len(smtp_server.messages) == 4
    newest = smtp_server.to("alice@example.org")[-1]
    assert newest.message["Subject"] == "Essex Local Offer: 1 new alert"
    assert "The phone number is wrong" in newest.text
    assert "Colchester North Cluster" not in newest.text


def test_an_open_alert_is_repeated_after_the_interval(maintainers, overdue, smtp_server):
    service, _ = overdue
    send_maintainer_digest(now=NOW)
    MaintainerAlert.objects.filter(object_id=service.pk).update(resolved_at=NOW + DAY)

    run = send_maintainer_digest(now=NOW + 7 * DAY)

    assert run.sent == 2
    reminder = smtp_server.to("alice@example.org")[-1]
    assert reminder.message["Subject"] == "Essex Local Offer: 1 still open"
    assert "Still open" in reminder.text
    assert "Colchester North Cluster (since 2 March 2026)" in reminder.text
    assert "Sensory play in Clacton" not in reminder.text  # resolved: not repeated


def test_nothing_to_say_sends_nothing(maintainers, smtp_server):
    run = send_maintainer_digest(now=NOW)

    assert (run.queued, run.sent) == (0, 0)
    assert smtp_server.messages == []
    assert not DigestEmail.objects.exists()


def test_a_crash_between_queueing_and_sending_loses_nothing_and_sends_once(
    maintainers, overdue, smtp_server, settings
):
    settings.EMAIL_PORT = free_port()  # the mail server is down
    with pytest.raises(ConnectionRefusedError):
        send_maintainer_digest(now=NOW)
    assert DigestEmail.objects.filter(sent_at=None).count() == 2
    assert smtp_server.messages == []

    settings.EMAIL_PORT = smtp_server.port
    retry = send_maintainer_digest(now=NOW + timedelta(hours=1))

    assert (retry.queued, retry.sent) == (0, 2)
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == sorted(maintainers)
    assert "Sensory play in Clacton" in smtp_server.messages[0].text
    assert send_maintainer_digest(now=NOW + 2 * DAY).sent == 0
    assert len(smtp_server.messages) == 2


def test_alerts_wait_until_there_is_a_maintainer_to_tell(overdue, smtp_server, settings):
    settings.MAINTAINER_EMAILS = []

    assert send_maintainer_digest(now=NOW).queued == 0
    assert not MaintainerAlert.objects.filter(notified_at__isnull=False).exists()

    settings.MAINTAINER_EMAILS = ["send-team@example.org"]
    assert send_maintainer_digest(now=NOW + DAY).sent == 1
    assert "Sensory play in Clacton" in smtp_server.to("send-team@example.org")[0].text
