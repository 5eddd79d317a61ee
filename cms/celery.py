import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("cms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def finish_configuration(sender: Celery, **kwargs) -> None:
    # Imported late: the schedule reads settings, which are loaded by now.
    from tasks.schedule import beat_schedule

    sender.conf.beat_schedule = beat_schedule()
    create_local_folders(sender)


def create_local_folders(celery_app: Celery) -> None:
    """The filesystem broker and result backend expect their folders to exist."""
    conf = celery_app.conf
    folders = []
    if conf.broker_url.startswith("filesystem://"):
        options = conf.broker_transport_options
        folders += [
            options.get(key) for key in ("data_folder_in", "data_folder_out", "control_folder")
        ]
    if str(conf.result_backend or "").startswith("file://"):
        folders.append(conf.result_backend.removeprefix("file://"))
    if conf.beat_schedule_filename:
        folders.append(str(Path(conf.beat_schedule_filename).parent))
    for folder in filter(None, folders):
        Path(folder).mkdir(parents=True, exist_ok=True)


WEB_PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0, "interval_max": 0}


def enqueue(task, args=(), kwargs=None, **options) -> bool:
    """Send a task (or a task's registered name, for callers below the `tasks` layer)
    from the web tier; False (and a log line) if the broker cannot take it.

    Only for work that something else catches up on (the webhook sweep reads the change
    log and the deliveries; `update_index` rebuilds the search index): a saved edit must
    not become an error page because Redis is away. While the broker is known to be down,
    nothing is dialled until the next try (cms.redis).
    """
    from kombu.exceptions import OperationalError

    from cms.redis import UNAVAILABLE, breaker_for

    def publish() -> bool:
        # One retry (a pooled connection Redis closed when it restarted), not Celery's three.
        signature = app.signature(task) if isinstance(task, str) else task
        signature.apply_async(args, kwargs, retry_policy=WEB_PUBLISH_RETRY, **options)
        return True

    return breaker_for(app.conf.broker_url).run(
        publish, lambda: False, errors=(OperationalError, *UNAVAILABLE)
    )
