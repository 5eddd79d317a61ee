import time

from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ReferenceIndex

from cms.celery import app as celery_app
from cms.heartbeat import last_heartbeat
from home.models import HomePage
from tasks.heartbeat import record_heartbeat
from tasks.publishing import publish_scheduled


def wait_for(condition, timeout=20.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def test_every_beat_schedule_entry_names_a_registered_task():
    celery_app.loader.import_default_modules()
    schedule = celery_app.conf.beat_schedule
    assert schedule, "the beat schedule is empty"
    for name, entry in schedule.items():
        assert entry["task"] in celery_app.tasks, f"{name} names an unknown task {entry['task']}"


def test_a_real_worker_consumes_from_redis_and_runs_a_task(celery_worker):
    assert celery_app.conf.broker_url.startswith("redis://")
    assert last_heartbeat() is None

    record_heartbeat.delay()

    assert wait_for(lambda: last_heartbeat() is not None), "the worker did not run the task"
    assert (timezone.now() - last_heartbeat()).total_seconds() < 30


@override_settings(TASKS={"default": {"BACKEND": "tasks.django_tasks_backend.CeleryBackend"}})
def test_wagtail_index_updates_run_on_the_worker_after_commit(celery_worker, wagtail_root):
    from django_tasks import task_backends

    assert type(task_backends["default"]).__name__ == "CeleryBackend"

    linked = wagtail_root.add_child(instance=HomePage(title="Linked page", slug="linked"))
    page = wagtail_root.add_child(
        instance=HomePage(
            title="Quokka respite service",
            slug="quokka",
            introduction=f'<p>See <a linktype="page" id="{linked.pk}">this</a>.</p>',
        )
    )
    page.save_revision().publish()

    assert wait_for(lambda: HomePage.objects.search("quokka").count() == 1), (
        "the search index was not updated by the worker"
    )
    assert wait_for(
        lambda: ReferenceIndex.get_references_to(linked).filter(object_id=str(page.pk)).exists()
    ), "the reference index was not updated by the worker"


def test_publish_scheduled_task_publishes_due_revisions(wagtail_root):
    page = wagtail_root.add_child(
        instance=HomePage(title="Scheduled", slug="scheduled", live=False)
    )
    revision = page.save_revision(
        approved_go_live_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    page.refresh_from_db()
    assert not page.live

    publish_scheduled.apply().get()

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    assert settings.CELERY_TASK_ACKS_LATE
