"""A real HTTP receiver standing for the PMS, on a free port, which a test can stop,
start again and tell to answer 500; and the real worker in a process of its own."""

import hashlib
import hmac
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hotel import worker as queue_worker
from hotel.extensions import queue
from tests.messages.conftest import free_port
from tests.worker_processes import WorkerProcesses

SECRET = "test-secret-of-the-pms"  # noqa: S105 - the receiver's own


class Receiver:
    """An HTTP server that keeps every POST it gets (headers and raw body)."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}/hotel-events"
        self.received: list[dict] = []
        self.failures_to_give = 0  # answer 500 to this many posts first
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver._lock:
                    failing = receiver.failures_to_give > 0
                    receiver.failures_to_give -= failing
                    if not failing:
                        receiver.received.append({"headers": dict(self.headers),
                                                  "body": body})
                self.send_response(500 if failing else 200)
                self.end_headers()
                self.wfile.write(b"PMS is busy" if failing else b'{"posted": true}')

            def log_message(self, *args):
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def events(self) -> list[dict]:
        """Return what arrived, in order, each body parsed."""
        with self._lock:
            return [json.loads(post["body"]) for post in self.received]

    def wait_for(self, count: int, seconds: float = 60) -> list[dict]:
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.events()


def valid_signature(post: dict) -> bool:
    expected = "sha256=" + hmac.new(SECRET.encode(), post["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(post["headers"]["X-Hotel-Signature"], expected)


@pytest.fixture
def receiver(app):
    """A running receiver, and the app's PMS settings pointing at it."""
    server = Receiver(free_port())
    server.start()
    saved = {key: app.config[key] for key in ("PMS_WEBHOOK_URL", "PMS_WEBHOOK_SECRET",
                                              "PMS_WEBHOOK_RETRY_SECONDS")}
    app.config.update(PMS_WEBHOOK_URL=server.url, PMS_WEBHOOK_SECRET=SECRET,
                      PMS_WEBHOOK_RETRY_SECONDS=1)
    yield server
    server.stop()
    app.config.update(saved)


@pytest.fixture
def queue_file(app, tmp_path):
    """Give the app a queue in an SQLite file that a worker process shares."""
    saved = app.config["QUEUE_URL"], app.config["QUEUE_NAME"]
    app.config["QUEUE_URL"] = f"sqlite:///{tmp_path / 'queue.db'}"
    app.config["QUEUE_NAME"] = f"hotel-test-{uuid.uuid4().hex[:8]}"
    queue_worker.init_app(app)
    yield app.config["QUEUE_URL"], app.config["QUEUE_NAME"]
    queue.flush()
    app.config["QUEUE_URL"], app.config["QUEUE_NAME"] = saved
    queue_worker.init_app(app)


class Workers(WorkerProcesses):
    """Real worker processes on the test's database, queue and receiver."""

    def __init__(self, app, queue_names: tuple[str, str], receiver: Receiver):
        super().__init__({
            **os.environ,
            "HOTEL_CONFIG": "development",
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": app.config["SECRET_KEY"],
            "REDIS_URL": "",
            "QUEUE_URL": queue_names[0],
            "QUEUE_NAME": queue_names[1],
            "MAIL_SERVER": "",
            "PMS_WEBHOOK_URL": receiver.url,
            "PMS_WEBHOOK_SECRET": SECRET,
            "PMS_WEBHOOK_RETRY_SECONDS": "1",
            "PYTHONUNBUFFERED": "1",
        })


@pytest.fixture
def workers(app, queue_file, receiver):
    started = Workers(app, queue_file, receiver)
    yield started
    started.stop()
