"""A real HTTP receiver on loopback, and partners with webhook endpoints."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.webhooks.models import WebhookEndpoint


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def payload(self) -> dict:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"ok"
    delay: float = 0.0  # seconds before answering
    headers: dict = field(default_factory=dict)


class Receiver:
    """Records every request; answers each with the next scripted Reply (then 200)."""

    def __init__(self):
        self.received: list[Received] = []
        self.replies: list[Reply] = []
        self.always: Reply | None = None
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    reply = receiver.always or (
                        receiver.replies.pop(0) if receiver.replies else Reply()
                    )
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:  # the client gave up waiting
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/local-offer"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= count:
                    return list(self.received)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} requests, got {len(self.received)}")

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def subscribe(api_client_for):
    """Subscribe a partner's URL through the API, as a partner would; returns the
    endpoint with its one-time `secret` attached."""

    def subscribe_(partner, url, **fields):
        response = api_client_for(partner).post(
            "/api/v1/webhooks/", {"url": url, **fields}, format="json"
        )
        assert response.status_code == 201, response.content
        endpoint = WebhookEndpoint.objects.get(public_id=response.json()["id"])
        endpoint.partner = partner  # the instance that knows its key
        endpoint.secret = response.json()["secret"]
        return endpoint

    return subscribe_
