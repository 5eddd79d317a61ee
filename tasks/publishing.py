"""Scheduled publishing: pages and snippets whose go-live or expiry time has come."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="tasks.publish_scheduled", ignore_result=True)
def publish_scheduled() -> None:
    # Wagtail's own command publishes due revisions and unpublishes expired
    # objects, pages and snippets alike.
    call_command("publish_scheduled", verbosity=0)
