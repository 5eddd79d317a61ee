"""The filesystem broker that `make run` uses with no REDIS_URL (cms/broker.py)."""

import contextlib
from queue import Empty

import pytest
from kombu import Connection
from kombu.transport.virtual import BrokerState
from kombu.utils.json import dumps

from cms.broker import Transport


def transport_options(tmp_path, folder) -> dict:
    # All three, as the settings give them: kombu writes its exchange table to
    # control_folder, which defaults to ./control in the working directory.
    return {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        "control_folder": str(tmp_path / "control"),
    }


@pytest.fixture
def connection(tmp_path, monkeypatch):
    # kombu keeps the filesystem transport's bindings for the whole process and binds a
    # queue once: a fresh control_folder needs fresh bindings to be written into it.
    monkeypatch.setattr(Transport, "global_state", BrokerState())
    folder = tmp_path / "queue"
    folder.mkdir()
    options = transport_options(tmp_path, folder)
    with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
        yield conn, folder


def test_the_broker_writes_nothing_in_the_working_directory(connection, tmp_path, monkeypatch):
    working_directory = tmp_path / "cwd"
    working_directory.mkdir()
    monkeypatch.chdir(working_directory)
    conn, _ = connection
    queue = conn.SimpleQueue("celery")
    queue.put({"task": "tasks.record_heartbeat"})
    queue.get(timeout=1).ack()
    queue.close()

    assert list(working_directory.iterdir()) == []


def test_a_message_goes_through_whole(connection):
    conn, folder = connection
    queue = conn.SimpleQueue("celery")
    queue.put({"task": "tasks.record_heartbeat"})

    assert [path.suffix for path in folder.iterdir()] == [".msg"]  # nothing left half-named
    assert queue.get(timeout=1).payload == {"task": "tasks.record_heartbeat"}
    queue.close()


def test_a_worker_polling_while_a_message_is_written_finds_nothing_to_take(
    connection, tmp_path, monkeypatch
):
    conn, folder = connection
    options = transport_options(tmp_path, folder)
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
