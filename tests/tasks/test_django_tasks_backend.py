"""Wagtail's background jobs as the Celery worker runs them (tasks.run_django_task)."""

import logging

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Site
from wagtail.tasks import update_reference_index_task

from home.models import HomePage
from tasks.django_tasks_backend import INDEX_JOBS, run_django_task

REFERENCE_INDEX_JOB = "wagtail.tasks.update_reference_index_task"
SEARCH_INDEX_JOB = "modelsearch.tasks.insert_or_update_object_task"
DELETE_FILE_JOB = "wagtail.tasks.delete_file_from_storage_task"


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


def test_a_missing_row_other_than_the_one_named_is_an_error(wagtail_root, caplog, monkeypatch):
    page = wagtail_root.add_child(instance=HomePage(title="Still here", slug="still-here"))

    def insert_or_update_object(instance):
        # The page exists; something the job reads for it does not.
        raise Site.DoesNotExist("Site matching query does not exist.")

    monkeypatch.setattr("modelsearch.index.insert_or_update_object", insert_or_update_object)
    with caplog.at_level(logging.DEBUG):
        result = run_on_worker(SEARCH_INDEX_JOB, "home", "homepage", str(page.pk))

    assert result.failed()
    assert isinstance(result.result, Site.DoesNotExist)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors
    assert "Site matching query does not exist" in errors[0].getMessage()
    assert not any("no longer exists" in record.getMessage() for record in caplog.records)


def test_a_job_for_a_row_that_exists_runs(wagtail_root):
    page = wagtail_root.add_child(instance=HomePage(title="Quokka respite", slug="quokka"))

    result = run_on_worker(SEARCH_INDEX_JOB, "home", "homepage", str(page.pk))

    assert result.successful()
    assert HomePage.objects.search("quokka").count() == 1


# Transactional: the test itself is then in no transaction, so one seen inside a job is
# the job's own.
def test_an_index_job_runs_in_a_transaction(transactional_db, wagtail_root, monkeypatch):
    page = wagtail_root.add_child(instance=HomePage(title="Indexed in turn", slug="in-turn"))
    in_transaction = []

    def insert_or_update_object(instance):
        in_transaction.append(connection.in_atomic_block)

    monkeypatch.setattr("modelsearch.index.insert_or_update_object", insert_or_update_object)

    assert run_on_worker(SEARCH_INDEX_JOB, "home", "homepage", str(page.pk)).successful()
    assert in_transaction == [True]


def test_a_job_that_writes_no_index_runs_in_no_transaction(transactional_db, tmp_path, monkeypatch):
    (tmp_path / "replaced.jpg").write_bytes(b"an old rendition")
    in_transaction = []
    delete = FileSystemStorage.delete

    def delete_noting_the_transaction(storage, name):
        in_transaction.append(connection.in_atomic_block)
        delete(storage, name)

    monkeypatch.setattr(FileSystemStorage, "delete", delete_noting_the_transaction)
    storage = FileSystemStorage(location=str(tmp_path)).deconstruct()

    result = run_django_task.apply(args=(DELETE_FILE_JOB, [storage, "replaced.jpg"], {}))

    assert result.successful()
    assert not (tmp_path / "replaced.jpg").exists()
    assert in_transaction == [False]


def test_the_index_jobs_are_named_as_wagtail_names_them():
    assert {insert_or_update_object_task.module_path, update_reference_index_task.module_path} == (
        INDEX_JOBS
    )
