"""The filesystem broker that `make run` uses with no REDIS_URL (cms/broker.py)."""

import contextlib
from queue import Empty

import pytest
from kombu import Connection
from kombu.utils.json import dumps

from cms.broker import Transport


@pytest.fixture
def connection(tmp_path):
    folder = tmp_path / "queue"
    folder.mkdir()
    options = {"data_folder_in": str(folder), "data_folder_out": str(folder)}
    with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
        yield conn, folder


def test_a_message_goes_through_whole(connection):
    conn, folder = connection
    queue = conn.SimpleQueue("celery")
    queue.put({"task": "tasks.record_heartbeat"})

    assert [path.suffix for path in folder.iterdir()] == [".msg"]  # nothing left half-named
    assert queue.get(timeout=1).payload == {"task": "tasks.record_heartbeat"}
    queue.close()


def test_a_worker_polling_while_a_message_is_written_finds_nothing_to_take(connection, monkeypatch):
    conn, folder = connection
    options = {"data_folder_in": str(folder), "data_folder_out": str(folder)}
    found_mid_write = []

    def serialise_while_a_worker_polls(payload):
        # The message's file is open now: a worker polling at this moment must not take it
        # (kombu's own transport has named it already, and the worker stopped on the
        # empty payload with "Unrecoverable error: JSONDecodeError").
        with Connection("filesystem://", transport=Transport, transport_options=options) as worker:
            polled = worker.SimpleQueue("celery")
            with contextlib.suppress(Empty):
                found_mid_write.append(polled.get(block=False).payload)
            polled.close()
        return dumps(payload)

    monkeypatch.setattr("cms.broker.dumps", serialise_while_a_worker_polls)
    queue = conn.SimpleQueue("celery")
    queue.put({"task": "tasks.record_heartbeat"})

    assert found_mid_write == []
    assert queue.get(timeout=1).payload == {"task": "tasks.record_heartbeat"}
    queue.close()
