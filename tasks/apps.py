from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"
    verbose_name = "Maintenance tasks"

    def ready(self) -> None:
        # Register this app's Celery tasks; each job lives in its own module.
        from . import (  # noqa: F401
            deliverability,
            digest,
            django_tasks_backend,
            heartbeat,
            publishing,
            review_requests,
            stale,
            webhooks,
        )
        from .bounces import checks, providers  # noqa: F401  (system checks; anymail's signal)
