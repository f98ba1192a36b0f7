"""Benchmark: the catalogue, a service page (anonymous and signed in), My bookings and the
booking POST against a bare Flask page.

Everything runs on this machine, on 127.0.0.1: a fresh SQLite database with the demo
hotel, the application and the bare page each under gunicorn with the same number of
workers, and a small pool of client threads. The ratios to the bare page are the figures
to compare over time; the absolute numbers depend on the machine.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 2
CLIENT_THREADS = 4
WARMUP_REQUESTS = 20
MAX_SECONDS_PER_TARGET = 30
# Booked many times over, so that the booking POST never runs out of units.
BOOKED_RENTAL = "sports-equipment"
BENCH_STOCK = 1_000_000

Request = tuple[str, str, bytes | None, dict]  # method, path, body, headers


@dataclass
class Target:
    """One thing to measure: which server, how many requests, and how to make each."""

    name: str
    server: str
    requests: int
    make_request: Callable[[int], Request]
    expected_status: int = 200


@dataclass
class Result:
    """How a target did: requests sent, failures, and the time they took."""

    target: Target
    sent: int
    failed: int
    seconds: float
    statuses: Counter

    @property
    def per_second(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0


def build_database(path: Path) -> str:
    """Create a SQLite database with the demo hotel and a rental with stock to spare."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from config import DevelopmentConfig
    from hotel import create_app
    from hotel.demo.loader import load_demo_data
    from hotel.extensions import db
    from hotel.models import Service

    url = f"sqlite:///{path}"
    app = create_app(type("BenchConfig", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        db.create_all()
        load_demo_data()
        rental = db.session.scalar(select(Service).where(Service.slug == BOOKED_RENTAL))
        rental.stock = BENCH_STOCK
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return url


def bookable_stays(url: str) -> list[tuple[str, str, str]]:
    """Return (reference, last name, first free day) of every stay that can still book."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    today = datetime.now(UTC).date() + timedelta(days=1)  # tomorrow everywhere on earth
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT reference, last_name, arrival_on FROM stay WHERE departure_on > :day"
        ), {"day": today.isoformat()}).all()
    engine.dispose()
    return [(reference, last_name, max(str(arrival_on), today.isoformat()))
            for reference, last_name, arrival_on in rows]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(port: int, request: Request) -> tuple[int, bytes]:
    """Send one request to 127.0.0.1 and return its status and body."""
    method, path, body, headers = request
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextmanager
def gunicorn(module: str, env: dict, log: Path) -> Iterator[int]:
    """Serve ``module:app`` under gunicorn until the block ends; yield its port."""
    port = free_port()
    command = [str(GUNICORN), "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
               "--no-control-socket", "--graceful-timeout", "5", f"{module}:app"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env},
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn {module} did not start:\n{log.read_text()}")
            try:
                send(port, ("GET", "/", None, {}))
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_in(port: int, stays: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Return (token, day) for every stay, signed in through the API."""
    signed_in = []
    for reference, last_name, day in stays:
        body = json.dumps({"reference": reference, "last_name": last_name}).encode()
        status, answer = send(port, ("POST", "/api/v1/auth/guest", body,
                                     {"Content-Type": "application/json"}))
        if status != 200:
            raise RuntimeError(f"sign-in of {reference} answered {status}: {answer[:300]!r}")
        signed_in.append((json.loads(answer)["token"], day))
    return signed_in


def exchange(port: int, request: Request) -> tuple[int, bytes, str]:
    """Send one request; return its status, body and the cookie it set ("name=value")."""
    method, path, body, headers = request
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return (response.status, response.read(),
                (response.getheader("Set-Cookie") or "").split(";")[0])
    finally:
        connection.close()


def web_sessions(port: int, stays: list[tuple[str, str, str]], count: int = 4) -> list[str]:
    """Return the session cookies of ``count`` stays, signed in through the guest's form."""
    cookies = []
    for reference, last_name, _day in stays[:count]:
        _status, form, cookie = exchange(port, ("GET", "/sign-in", None, {}))
        token = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', form)
        body = urlencode({"csrf_token": token.group(1).decode(), "identifier": reference,
                          "last_name": last_name}).encode()
        status, _body, cookie = exchange(port, ("POST", "/sign-in", body, {
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}))
        if status != 302:
            raise RuntimeError(f"guest sign-in of {reference} answered {status}")
        cookies.append(cookie)
    return cookies


def signed_in_page(path: str, cookies: list[str]) -> Callable[[int], Request]:
    """Return a maker of GET requests for one page, signed-in guests taking turns."""
    return lambda number: ("GET", path, None, {"Cookie": cookies[number % len(cookies)]})


def booking_requests(guests: list[tuple[str, str]]) -> Callable[[int], Request]:
    """Return a maker of booking POSTs: one unit of the rental, guests taking turns."""

    def make(number: int) -> Request:
        token, day = guests[number % len(guests)]
        line = {"service": BOOKED_RENTAL, "start_date": day, "end_date": day, "quantity": 1}
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        return "POST", "/api/v1/bookings", json.dumps({"items": [line]}).encode(), headers

    return make


def page(path: str) -> Callable[[int], Request]:
    """Return a maker of GET requests for one page, in English."""
    return lambda number: ("GET", path, None, {"Accept-Language": "en"})


def measure(port: int, target: Target) -> Result:
    """Send the target's requests from a few threads at once and time them."""
    for number in range(WARMUP_REQUESTS):
        send(port, target.make_request(number))
    counter = iter(range(target.requests))
    lock = threading.Lock()
    statuses: Counter = Counter()
    deadline = time.monotonic() + MAX_SECONDS_PER_TARGET

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            try:
                status, _ = send(port, target.make_request(WARMUP_REQUESTS + number))
            except OSError:
                status = 0
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENT_THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    sent = sum(statuses.values())
    return Result(target, sent, sent - statuses[target.expected_status], seconds, statuses)


def print_table(results: list[Result]) -> None:
    """Print requests per second and the ratio to the bare page for every target."""
    bare = next(r for r in results if r.target.server == "bare").per_second
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"\n{datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs (load average {load}), "
          f"gunicorn {WORKERS} sync workers per app, {CLIENT_THREADS} client threads\n")
    print(f"{'target':<28}{'requests':>9}{'failed':>8}{'seconds':>9}{'req/s':>9}{'ratio':>8}")
    for result in results:
        print(f"{result.target.name:<28}{result.sent:>9}{result.failed:>8}"
              f"{result.seconds:>9.2f}{result.per_second:>9.1f}"
              f"{result.per_second / bare:>8.2f}")
    for result in results:
        if result.failed:
            print(f"  {result.target.name}: statuses {dict(result.statuses)}")


def main() -> int:
    """Build the database, serve both apps, measure every target and print the table."""
    with tempfile.TemporaryDirectory(prefix="hotel-bench-") as folder, ExitStack() as stack:
        workdir = Path(folder)
        url = build_database(workdir / "bench.db")
        env = {"HOTEL_CONFIG": "production", "DATABASE_URL": url,
               "SECRET_KEY": secrets.token_hex(32)}
        ports = {
            "bare": stack.enter_context(gunicorn("bench.bare_app", {}, workdir / "bare.log")),
            "app": stack.enter_context(gunicorn("wsgi", env, workdir / "app.log")),
        }
        stays = bookable_stays(url)
        guests = sign_in(ports["app"], stays)
        cookies = web_sessions(ports["app"], stays)
        targets = [
            Target("bare Flask page", "bare", 2000, page("/")),
            Target("GET / (catalogue)", "app", 600, page("/")),
            Target("GET /services/kids-club", "app", 600, page("/services/kids-club")),
            Target("GET kids-club, signed in", "app", 400,
                   signed_in_page("/services/kids-club", cookies)),
            Target("GET /my-bookings", "app", 400, signed_in_page("/my-bookings", cookies)),
            Target("POST /api/v1/bookings", "app", 400, booking_requests(guests), 201),
        ]
        print(f"Measuring against {len(guests)} signed-in stays ...", flush=True)
        results = [measure(ports[target.server], target) for target in targets]
        print_table(results)
        if any(result.failed for result in results):
            print(f"\nSome requests failed; the app's log:\n{(workdir / 'app.log').read_text()}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
