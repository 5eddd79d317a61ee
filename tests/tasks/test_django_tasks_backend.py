"""Wagtail's background jobs as the Celery worker runs them (tasks.run_django_task)."""

import logging

import pytest

from home.models import HomePage
from tasks.django_tasks_backend import run_django_task

REFERENCE_INDEX_JOB = "wagtail.tasks.update_reference_index_task"
SEARCH_INDEX_JOB = "modelsearch.tasks.insert_or_update_object_task"


def run_on_worker(module_path: str, *args: str):
    """Run the job through Celery's own tracer, which logs what the worker would."""
    return run_django_task.apply(args=(module_path, list(args), {}))


@pytest.mark.parametrize("job", [REFERENCE_INDEX_JOB, SEARCH_INDEX_JOB])
def test_a_job_for_a_deleted_row_ends_quietly_with_a_debug_line(wagtail_root, caplog, job):
    page = wagtail_root.add_child(instance=HomePage(title="Gone before indexing", slug="gone"))
    pk = str(page.pk)
    page.delete()

    with caplog.at_level(logging.DEBUG):
        result = run_on_worker(job, "home", "homepage", pk)

    assert result.successful()
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert any(
        record.name == "tasks.django_tasks_backend"
        and record.levelno == logging.DEBUG
        and "no longer exists" in record.getMessage()
        for record in caplog.records
    )


def test_a_job_that_fails_for_another_reason_still_logs_an_error(db, caplog):
    with caplog.at_level(logging.INFO):
        result = run_on_worker(REFERENCE_INDEX_JOB, "home", "nosuchmodel", "1")

    assert result.failed()
    assert isinstance(result.result, LookupError)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors
    assert "nosuchmodel" in errors[0].getMessage()


def test_a_job_for_a_row_that_exists_runs(wagtail_root):
    page = wagtail_root.add_child(instance=HomePage(title="Quokka respite", slug="quokka"))

    result = run_on_worker(SEARCH_INDEX_JOB, "home", "homepage", str(page.pk))

    assert result.successful()
    assert HomePage.objects.search("quokka").count() == 1
