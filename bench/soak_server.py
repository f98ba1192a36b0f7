"""The server side of the soak test: the database, gunicorn, and what its log says.

The database is a SQLite file or a private database on a PostgreSQL server, with the
demo hotel; gunicorn runs with 4 sync workers and PYTHONFAULTHANDLER=1, so that a worker
that crashes prints its traceback to the log, where ``read_deaths`` finds it.
"""

import http.client
import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from config import DevelopmentConfig
from hotel import create_app
from hotel.clock import hotel_today
from hotel.demo.loader import load_demo_data
from hotel.extensions import db
from hotel.models import Package, Service, Stay
from tests.conftest import private_postgres_database

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
START_TIMEOUT_S = 60
GUEST = ("LP24017", "Kim")  # a demo stay that arrives today and stays five nights
# Booked and cancelled over and over; stock to spare, so that a cancel that failed
# does not turn the rest of the run into "sold out".
BOOKED_RENTAL = "sports-equipment"
SOAK_STOCK = 1_000_000


@dataclass
class Hotel:
    """What the soak needs to know of the database it built."""

    services: list[str]
    packages: list[str]
    stays: list[str]
    booking_day: str  # a day of the guest's stay far enough ahead to cancel
    week: str  # the hotel's next seven days, as the availability API's query string


def build_hotel(url: str) -> Hotel:
    """Create the schema, load the demo hotel and give the booked rental stock to spare."""
    config = type("SoakConfig", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": url,
                                                        "QUEUE_URL": "memory://"})
    app = create_app(config)
    with app.app_context():
        db.create_all()
        load_demo_data()
        db.session.scalar(select(Service).where(Service.slug == BOOKED_RENTAL)).stock = SOAK_STOCK
        db.session.commit()
        guest = db.session.scalar(select(Stay).where(Stay.reference == GUEST[0]))
        day, today = guest.departure_on - timedelta(days=1), hotel_today()
        if day < today + timedelta(days=2):
            raise RuntimeError(f"{GUEST[0]} leaves too soon to book and cancel {BOOKED_RENTAL}")
        hotel = Hotel(
            services=list(db.session.scalars(select(Service.slug).order_by(Service.id))),
            packages=list(db.session.scalars(select(Package.slug).order_by(Package.id))),
            stays=list(db.session.scalars(select(Stay.reference).order_by(Stay.id))),
            booking_day=day.isoformat(),
            week=f"from={today.isoformat()}&to={(today + timedelta(days=6)).isoformat()}")
        db.session.remove()
        db.engine.dispose()
    return hotel


@contextmanager
def database(server_url: str | None, folder: Path) -> Iterator[str]:
    """Yield the URL of an empty database: SQLite in ``folder``, or private on PostgreSQL."""
    if not server_url:
        yield f"sqlite:///{folder / 'soak.db'}"
        return
    with private_postgres_database(server_url) as url:
        yield url


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    """Return whether something answers HTTP on the port."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/api/v1/openapi.json")
        connection.getresponse().read()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


@contextmanager
def gunicorn(python: str, env: dict, log: Path) -> Iterator[int]:
    """Serve the app with gunicorn run by ``python`` until the block ends; yield its port.

    :raises RuntimeError: gunicorn exited or did not answer in time; the log says why.
    """
    port = free_port()
    command = [python, "-m", "gunicorn", "--workers", str(WORKERS),
               "--bind", f"127.0.0.1:{port}", "--no-control-socket",
               "--graceful-timeout", "5", "wsgi:app"]
    with log.open("wb") as output:
        # PYTHONFAULTHANDLER: a worker that crashes prints where, in the log.
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, **env, "PYTHONFAULTHANDLER": "1"})
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# How gunicorn reports a worker that died (its wording changed between versions), and
# the line of every worker it starts.
DEATH_LINES = [
    re.compile(r"Worker with pid (\d+) was terminated due to signal (\d+)"),
    re.compile(r"Worker \(pid:(\d+)\) was sent (SIG\w+)"),
    re.compile(r"Worker \(pid:(\d+)\) exited with code (\d+)"),
    re.compile(r"WORKER TIMEOUT \(pid:(\d+)\)"),
]
BOOT_LINE = re.compile(r"Booting worker with pid: (\d+)")


@dataclass
class Deaths:
    """The workers that died, as gunicorn's log tells it."""

    pids: set[str]
    lines: list[str]
    extra_boots: int  # workers started beyond the first ones: each replaced a dead one
    fatal_errors: int  # tracebacks printed by faulthandler

    @property
    def count(self) -> int:
        """Return how many workers died, by the deaths logged or the replacements booted."""
        return max(len(self.pids), self.extra_boots)


def read_deaths(log: str) -> Deaths:
    """Find the worker deaths, replacement workers and fatal errors in gunicorn's log."""
    pids, lines = set(), []
    for line in log.splitlines():
        for pattern in DEATH_LINES:
            found = pattern.search(line)
            if found:
                pids.add(found.group(1))
                lines.append(line.strip())
    boots = len(BOOT_LINE.findall(log))
    return Deaths(pids, lines, max(boots - WORKERS, 0), log.count("Fatal Python error"))


def log_excerpts(log: str, limit: int = 5) -> list[str]:
    """Return the first fatal errors and exceptions of the log, 30 lines each at most."""
    lines = log.splitlines()
    starts = [number for number, line in enumerate(lines)
              if "Fatal Python error" in line or "Exception on " in line]
    return ["\n".join(lines[start:start + 30]) for start in starts[:limit]]
