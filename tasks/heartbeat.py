"""A beat-driven heartbeat: proof that beat, the broker and a worker all work."""

from celery import shared_task

from cms.heartbeat import note_heartbeat


@shared_task(name="tasks.record_heartbeat", ignore_result=True)
def record_heartbeat() -> None:
    note_heartbeat()
