"""A real SMTP server on a free port, the app's mail settings pointed at it, and the real
worker (``flask --app wsgi worker``) in a process of its own.
"""

import os
import socket
import threading
import time
import uuid
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from hotel import worker as queue_worker
from hotel.extensions import queue
from tests.worker_processes import WorkerProcesses


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """Keeps every e-mail the SMTP server accepted, as parsed messages."""

    def __init__(self):
        self.emails: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self._lock:
            self.emails.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [email for email in self.emails if email["To"] == address]

    def wait_for(self, count: int, seconds: float = 30) -> list[EmailMessage]:
        """Wait until at least ``count`` e-mails have arrived; return them all."""
        deadline = time.monotonic() + seconds
        while len(self.emails) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return list(self.emails)


class SmtpServer:
    """aiosmtpd on one port, which a test can stop and start again."""

    def __init__(self, port: int):
        self.port = port
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp(app):
    """A running SMTP server, and the app's mail settings pointing at it."""
    server = SmtpServer(free_port())
    server.start()
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_RETRY_SECONDS")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, MAIL_RETRY_SECONDS=1)
    yield server
    server.stop()
    app.config.update(saved)


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["sqlite", "redis"])
def queue_file(request, app, tmp_path):
    """Give the app a queue that a worker process can share: an SQLite file, or Redis
    under a name of this test's own (skipped where no Redis runs)."""
    if request.param == "redis" and not redis_reachable():
        pytest.skip(f"no Redis at {REDIS_URL}")
    saved = app.config["QUEUE_URL"], app.config["QUEUE_NAME"]
    app.config["QUEUE_URL"] = (f"sqlite:///{tmp_path / 'queue.db'}" if request.param == "sqlite"
                               else REDIS_URL)
    app.config["QUEUE_NAME"] = f"hotel-test-{uuid.uuid4().hex[:8]}"
    queue_worker.init_app(app)
    yield app.config["QUEUE_URL"], app.config["QUEUE_NAME"]
    queue.flush()
    app.config["QUEUE_URL"], app.config["QUEUE_NAME"] = saved
    queue_worker.init_app(app)


class Workers(WorkerProcesses):
    """Real worker processes on the test's database, queue and SMTP server."""

    def __init__(self, app, queue: tuple[str, str], smtp: SmtpServer):
        super().__init__({
            **os.environ,
            "HOTEL_CONFIG": "development",
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": app.config["SECRET_KEY"],
            "PUBLIC_URL": app.config["PUBLIC_URL"],
            "REDIS_URL": "",
            "QUEUE_URL": queue[0],
            "QUEUE_NAME": queue[1],
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(smtp.port),
            "MAIL_RETRY_SECONDS": "1",
            "PYTHONUNBUFFERED": "1",
        })


@pytest.fixture
def workers(app, queue_file, smtp):
    started = Workers(app, queue_file, smtp)
    yield started
    started.stop()
