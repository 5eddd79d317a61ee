"""A django-tasks backend that runs Wagtail's background work on our Celery worker.

Wagtail enqueues its search-index and reference-index updates (and image and
file housekeeping) through django-tasks from inside the transaction that saves
the object. This backend sends each one to Celery only when that transaction
commits, so the worker always finds the row it is asked to index, and nothing
is sent for a transaction that rolled back.
"""

import contextlib
import logging

from celery import shared_task
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id

from cms.celery import enqueue

logger = logging.getLogger(__name__)

# The jobs that write a row's search or reference index entries, for (app label, model
# name, pk). The others (an image's focal point, a file to delete, a cache purge over
# HTTP) need no transaction of ours. Named, not imported: defining a task loads this
# module, the backend, first.
INDEX_JOBS = frozenset(
    {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    }
)


@shared_task(
    name="tasks.run_django_task",
    ignore_result=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=5,
)
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    # An index job runs in a transaction: on SQLite (`make run`) that takes the write lock
    # first (transaction mode IMMEDIATE), so two pool processes indexing the same row take
    # turns instead of both inserting its index entry (an IntegrityError, and a traceback).
    in_turn = transaction.atomic() if module_path in INDEX_JOBS else contextlib.nullcontext()
    with in_turn:
        call_unless_row_deleted(import_string(module_path), args, kwargs)


def call_unless_row_deleted(task: Task, args: list, kwargs: dict) -> None:
    try:
        task.call(*args, **kwargs)
    except ObjectDoesNotExist:
        if not names_a_deleted_row(args):
            raise
        # Saved, then gone before the job ran (publishing a page replaces its child
        # rows): nothing left to index.
        logger.debug("%s%s: the row no longer exists; nothing to do", task.module_path, tuple(args))


def names_a_deleted_row(args: list) -> bool:
    """Wagtail's index and image jobs name their row as (app label, model name, pk)."""
    try:
        app_label, model_name, pk = args
        model = apps.get_model(app_label, model_name)
    except (TypeError, ValueError, LookupError):
        return False
    return not model._default_manager.filter(pk=pk).exists()


class CeleryBackend(BaseTaskBackend):
    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        def send() -> None:
            sent = enqueue(
                run_django_task, (task.module_path, result.args, result.kwargs), task_id=result.id
            )
            if not sent:
                # Nothing catches this work up later (a file to delete, an index entry):
                # do it now, in this process, rather than lose it.
                logger.warning("Broker unreachable: running %s here", task.module_path)
                task.call(*result.args, **result.kwargs)

        # A broker outage must not turn a saved edit into an error page (robust): the
        # work runs here instead, and a failure of it is logged, not raised.
        transaction.on_commit(send, robust=True)
        task_enqueued.send(type(self), task_result=result)
        return result
