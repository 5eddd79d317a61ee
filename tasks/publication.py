"""Publication on Celery: thin tasks over api.publication, which decides everything."""

from celery import shared_task

from api.publication import outbox


@shared_task(name="tasks.publish_pending", ignore_result=True, acks_late=True)
def publish_pending() -> int:
    """Render what the outbox holds: queued after each commit that wrote to it, and on
    the beat, for rows a lost message or a dead worker left behind."""
    return outbox.publish_pending()
