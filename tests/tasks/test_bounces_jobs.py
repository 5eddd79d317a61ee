"""The deliverability jobs: in the beat schedule, run by a real Celery worker on Redis,
and the system checks that keep an intake from being switched on open."""

import pytest
from celery.schedules import crontab

from cms.celery import app as celery_app
from tasks.bounces.checks import check_bounce_intakes
from tasks.bounces.models import ContactAddress
from tests.tasks.bounces import message
from tests.tasks.conftest import NOW


def test_the_jobs_are_scheduled_by_registered_names():
    celery_app.loader.import_default_modules()
    schedule = celery_app.conf.beat_schedule

    daily = schedule["check-contact-addresses"]
    assert daily["task"] == "tasks.check_contact_addresses"
    assert isinstance(daily["schedule"], crontab)
    assert schedule["poll-bounce-mailbox"]["task"] == "tasks.poll_bounce_mailbox"
    for name in ("tasks.check_contact_addresses", "tasks.poll_bounce_mailbox"):
        assert celery_app.tasks[name].acks_late


@pytest.fixture
def editor_groups(transactional_db):
    from django.apps import apps

    from cms.groups import ensure_groups

    ensure_groups(apps)


def test_a_real_worker_runs_the_jobs_sent_by_name(
    editor_groups, celery_worker, make_listing, tmp_path
):
    make_listing(
        "service",
        reviewed_days_ago=10,
        contacts=[{"email": "family.support@example.org"}, {"email": "team@example.org"}],
    )
    (tmp_path / "bounce.eml").write_bytes(message("postfix_hard"))

    def run(task_name: str, **kwargs) -> dict:
        return celery_app.send_task(task_name, kwargs=kwargs).get(timeout=30)

    assert run("tasks.check_contact_addresses", now=NOW.isoformat()) == {
        "addresses_created": 3,  # two contacts and the organisation's email
        "alerts_raised": 0,
        "alerts_resolved": 0,
    }
    ingested = run("tasks.ingest_bounce_files", paths=[str(tmp_path)])
    assert (ingested["messages"], ingested["events"], ingested["bounced"]) == (1, 1, 1)
    assert ContactAddress.objects.get(address="family.support@example.org").status == "bounced"
    assert run("tasks.poll_bounce_mailbox") == {"configured": False}


def test_webhooks_without_a_shared_secret_are_an_error(settings):
    settings.BOUNCE_WEBHOOK_PROVIDERS = ["postmark", "mailgun", "sparkpost"]
    settings.ANYMAIL = {}
    settings.BOUNCE_IMAP_URL = "imaps://imap.example.org/"

    ids = {problem.id for problem in check_bounce_intakes()}

    assert ids == {"tasks.E801", "tasks.E802", "tasks.E803", "tasks.E805"}


def test_configured_intakes_pass_the_checks(settings):
    settings.BOUNCE_WEBHOOK_PROVIDERS = ["amazon_ses", "mailgun", "postmark"]
    settings.BOUNCE_IMAP_URL = "imaps://bounces:secret@imap.example.org/INBOX"

    assert check_bounce_intakes() == []
