"""The daily jobs on a real Celery worker consuming from Redis, and in the beat schedule."""

from io import StringIO

import pytest
from celery.schedules import crontab
from django.core.management import call_command

from alerts.models import MaintainerAlert
from cms.celery import app as celery_app
from tasks.models import ReviewRequest
from tests.tasks.conftest import NOW

DAILY_JOBS = {
    "check-stale-listings": "tasks.check_stale_listings",
    "send-review-requests": "tasks.send_review_requests",
    "send-maintainer-digest": "tasks.send_maintainer_digest",
}


def test_the_daily_jobs_are_scheduled_once_a_day_by_registered_names():
    celery_app.loader.import_default_modules()
    schedule = celery_app.conf.beat_schedule
    for entry_name, task_name in DAILY_JOBS.items():
        entry = schedule[entry_name]
        assert entry["task"] == task_name
        assert task_name in celery_app.tasks
        assert isinstance(entry["schedule"], crontab)
        assert len(entry["schedule"].hour) == len(entry["schedule"].minute) == 1
        assert celery_app.tasks[task_name].acks_late


@pytest.fixture
def editor_groups(transactional_db):
    """The groups a data migration made, gone if an earlier transactional test flushed
    the database; the `sections` fixture grants them pages."""
    from django.apps import apps

    from cms.groups import ensure_groups

    ensure_groups(apps)


def test_a_real_worker_runs_the_daily_jobs_sent_by_name(
    editor_groups, celery_worker, make_listing, smtp_server
):
    make_listing(
        "service",
        reviewed_days_ago=400,
        title="Sensory play in Clacton",
        contacts=[{"name": "Family support team", "email": "team@example.org"}],
    )
    now = NOW.isoformat()

    def run(task_name: str) -> dict:
        return celery_app.send_task(task_name, kwargs={"now": now}).get(timeout=30)

    assert run("tasks.check_stale_listings")["alerts_raised"] == 1
    assert run("tasks.send_review_requests") == {"queued": 1, "sent": 1}
    assert run("tasks.send_maintainer_digest") == {"queued": 1, "sent": 1}
    assert run("tasks.send_maintainer_digest") == {"queued": 0, "sent": 0}

    assert MaintainerAlert.objects.get().notified_at == NOW
    assert ReviewRequest.objects.get().sent_at == NOW
    assert [received.rcpt_tos for received in smtp_server.messages] == [
        ["team@example.org"],
        ["send-team@example.org"],
    ]
    assert "Sensory play in Clacton" in smtp_server.messages[1].text
    assert "was due for a check on 26 January 2026" in smtp_server.messages[0].text


@pytest.mark.django_db
def test_the_commands_run_the_jobs(make_listing, smtp_server):
    make_listing("guide", reviewed_days_ago=400)
    out = StringIO()

    call_command("check_stale_listings", stdout=out)
    call_command("send_review_requests", stdout=out)
    call_command("send_maintainer_digest", stdout=out)
    call_command("send_maintainer_digest", stdout=out)

    assert out.getvalue().splitlines() == [
        "0 review dates recomputed, 1 alerts raised, 0 resolved.",
        "0 review requests queued, 0 sent.",
        "1 digests queued, 1 sent.",
        "0 digests queued, 0 sent.",
    ]
    assert len(smtp_server.messages) == 1
