from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"
    verbose_name = "Maintenance tasks"

    def ready(self) -> None:
        from wagtail.signals import published, unpublished

        from directory.models import Organisation

        # Register this app's Celery tasks; each job lives in its own module.
        from . import (  # noqa: F401
            deliverability,
            digest,
            django_tasks_backend,
            heartbeat,
            publication,
            publishing,
            review_requests,
            stale,
            webhooks,
        )
        from .bounces import checks, providers  # noqa: F401  (system checks; anymail's signal)

        # An organisation's closure flags its listings when it is published.
        for signal in (published, unpublished):
            signal.connect(stale.on_organisation_published_or_unpublished, sender=Organisation)
