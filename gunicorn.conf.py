"""gunicorn settings, read from the working directory by docker compose's web service and
by `make bench`."""

import gc


def post_fork(server, worker):
    # What a worker has loaded by now (Django, Wagtail, the URL conf) lives as long as
    # the worker: keep the garbage collector from walking it again on every request.
    gc.freeze()
