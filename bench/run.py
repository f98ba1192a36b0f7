"""Benchmark: what guests and the desk open, each against a bare Flask page.

Everything runs on this machine, on 127.0.0.1: a fresh SQLite database with the demo
hotel, the application and the bare page each under gunicorn with the same number of
workers, and a small pool of client threads. Guests and staff sign in through the real
sign-in pages. The ratios to the bare page are the figures to compare over time; the
absolute numbers depend on the machine.
"""

import http.client
import json
import os
import re
import secrets
import socket
import statistics
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
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 2
CLIENT_THREADS = 4
WARMUP_REQUESTS = 20
MAX_SECONDS_PER_TARGET = 30
ROUNDS = 3  # each target is measured so often, each time right after the bare page
# Booked many times over, so that the booking POST never runs out of units.
BOOKED_RENTAL = "sports-equipment"
BENCH_STOCK = 1_000_000
GUEST = ("LP24017", "Kim")  # a demo stay that arrives today and stays five nights
RECEPTION = ("reception", "reception-demo")
DEPARTMENT_STAFF = ("kidsclub", "kidsclub-demo")  # the kids club's run sheet
MANAGER = ("manager", "manager-demo")
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')

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
    app = create_app(type("BenchConfig", (DevelopmentConfig,), {
        "SQLALCHEMY_DATABASE_URI": url, "QUEUE_URL": "memory://"}))
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


@dataclass
class Server:
    """A gunicorn server that runs: its port and its master process."""

    port: int
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        """Return the process ids of the server's workers."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]


@contextmanager
def gunicorn(module: str, env: dict, log: Path) -> Iterator[Server]:
    """Serve ``module:app`` under gunicorn until the block ends; yield the server."""
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
        yield Server(port, process)
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


def cookie_header(headers: list[str], cookies: dict[str, str]) -> dict[str, str]:
    """Keep the cookies set by ``headers`` in ``cookies``; return them as a Cookie header."""
    for header in headers:
        for name, morsel in SimpleCookie(header).items():
            cookies[name] = morsel.value
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


def sign_in_on_page(port: int, path: str, fields: dict) -> dict[str, str]:
    """Sign in through a page's form, as a browser does; return the session's headers.

    :raises RuntimeError: the form did not answer with a redirect.
    """
    cookies: dict[str, str] = {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        form = response.read().decode(errors="replace")
        headers = cookie_header(response.headers.get_all("Set-Cookie") or [], cookies)
    finally:
        connection.close()
    found = TOKEN.search(form)
    body = urlencode({"csrf_token": found.group(1) if found else "", **fields}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", path, body, {
            **headers, "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        if response.status != 302:
            raise RuntimeError(f"sign-in on {path} answered {response.status}")
        return cookie_header(response.headers.get_all("Set-Cookie") or [], cookies)
    finally:
        connection.close()


def sign_in_guest(port: int) -> dict[str, str]:
    """Sign the demo guest in on the guest pages; return the session's headers."""
    return sign_in_on_page(port, "/sign-in", {"identifier": GUEST[0], "last_name": GUEST[1]})


def sign_in_staff(port: int, login: tuple[str, str]) -> dict[str, str]:
    """Sign a member of staff in on the desk's sign-in page; return the session's headers."""
    return sign_in_on_page(port, "/desk/login", {"username": login[0], "password": login[1]})


def booking_requests(guests: list[tuple[str, str]]) -> Callable[[int], Request]:
    """Return a maker of booking POSTs: one unit of the rental, guests taking turns."""

    def make(number: int) -> Request:
        token, day = guests[number % len(guests)]
        line = {"service": BOOKED_RENTAL, "start_date": day, "end_date": day, "quantity": 1}
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        return "POST", "/api/v1/bookings", json.dumps({"items": [line]}).encode(), headers

    return make


def page(path: str, session: dict[str, str] | None = None) -> Callable[[int], Request]:
    """Return a maker of GET requests for one page, in English, in a session if given."""
    headers = {"Accept-Language": "en", **(session or {})}
    return lambda number: ("GET", path, None, headers)


def targets(port: int, url: str, scale: float = 1.0) -> list[Target]:
    """Sign in on the app at ``port`` and return what to measure there, bare page first.

    ``scale`` multiplies the numbers of requests, for shorter runs.
    """
    guests = sign_in(port, bookable_stays(url))
    guest = sign_in_guest(port)
    reception = sign_in_staff(port, RECEPTION)
    department = sign_in_staff(port, DEPARTMENT_STAFF)

    def count(number: int) -> int:
        return max(int(number * scale), 20)

    return [
        Target("bare Flask page", "bare", count(3000), page("/")),
        Target("GET / (catalogue)", "app", count(600), page("/")),
        Target("service page, anonymous", "app", count(600), page("/services/kids-club")),
        Target("service page, signed in", "app", count(400),
               page("/services/kids-club", guest)),
        Target("My bookings", "app", count(400), page("/my-bookings", guest)),
        Target("desk Today", "app", count(200), page("/desk/", reception)),
        Target("desk Requests", "app", count(200), page("/desk/requests", reception)),
        Target("run sheet, kids club", "app", count(200), page("/desk/schedule", department)),
        Target("run sheet, all departments", "app", count(200),
               page("/desk/schedule", reception)),
        # Last, so that the bookings it makes are not on the pages measured before.
        Target("POST /api/v1/bookings", "app", count(400), booking_requests(guests), 201),
    ]


def measure(port: int, target: Target, warmup: int = WARMUP_REQUESTS,
            seconds: float = MAX_SECONDS_PER_TARGET) -> Result:
    """Send the target's requests from a few threads at once and time them; stop early
    after ``seconds``."""
    for number in range(warmup):
        send(port, target.make_request(number))
    counter = iter(range(target.requests))
    lock = threading.Lock()
    statuses: Counter = Counter()
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            try:
                status, _ = send(port, target.make_request(warmup + number))
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


@dataclass
class Rounds:
    """Something measured in rounds, each right after a round of what it is compared with
    (the machine's speed moves from one second to the next): each round's ratio is to the
    other as fast as it was then, and the medians are the figures."""

    rounds: list[tuple[Result, Result]]  # (compared with, measured)

    @property
    def ratios(self) -> list[float]:
        return sorted(measured.per_second / other.per_second
                      for other, measured in self.rounds)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def per_second(self) -> float:
        return statistics.median(measured.per_second for _other, measured in self.rounds)

    @property
    def other_per_second(self) -> float:
        return statistics.median(other.per_second for other, _measured in self.rounds)


@dataclass
class Paired(Rounds):
    """A target measured in rounds, each right after a round of the bare page."""

    target: Target

    @property
    def sent(self) -> int:
        return sum(app.sent for _bare, app in self.rounds)

    @property
    def failed(self) -> int:
        return sum(app.failed for _bare, app in self.rounds)

    @property
    def statuses(self) -> Counter:
        return sum((app.statuses for _bare, app in self.rounds), Counter())


def measure_paired(ports: dict[str, int], bare: Target, target: Target,
                   rounds: int = ROUNDS) -> Paired:
    """Measure the target ``rounds`` times, each time right after the bare page."""
    return Paired(rounds=[(measure(ports["bare"], bare), measure(ports["app"], target))
                          for _round in range(rounds)], target=target)


def load_average() -> str:
    """Return the load averages over 1, 5 and 15 minutes, as text."""
    return ", ".join(f"{figure:.1f}" for figure in os.getloadavg())


def print_table(results: list[Paired], load: str) -> None:
    """Print, for every target, its requests per second, the bare page's beside it, and
    the ratio to the bare page (the median of the rounds, and the lowest and highest)."""
    print(f"\n{datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs (load average {load} "
          f"before, {load_average()} after), gunicorn {WORKERS} sync workers per app, "
          f"{CLIENT_THREADS} client threads, {ROUNDS} rounds per target, each after a "
          f"round of the bare page\n")
    print(f"{'target':<28}{'requests':>9}{'failed':>8}{'req/s':>9}{'bare':>8}"
          f"{'ratio':>8}  {'lowest–highest':<14}")
    for result in results:
        lowest, highest = result.ratios[0], result.ratios[-1]
        print(f"{result.target.name:<28}{result.sent:>9}{result.failed:>8}"
              f"{result.per_second:>9.1f}{result.other_per_second:>8.0f}"
              f"{result.ratio:>8.3f}  {lowest:.3f}–{highest:.3f}")
    for result in results:
        if result.failed:
            print(f"  {result.target.name}: statuses {dict(result.statuses)}")


def app_environment(url: str, queue: Path) -> dict[str, str]:
    """Return the environment the application is served with, on the database at ``url``
    and with its task queue in the file ``queue`` (in the run's temporary folder)."""
    return {"HOTEL_CONFIG": "production", "DATABASE_URL": url,
            "QUEUE_URL": f"sqlite:///{queue}", "SECRET_KEY": secrets.token_hex(32)}


def main(only: list[str] | None = None) -> int:
    """Build the database, serve both apps, measure every target (or those whose names
    contain one of ``only``; the bare page always) and print the table."""
    with tempfile.TemporaryDirectory(prefix="hotel-bench-") as folder, ExitStack() as stack:
        workdir = Path(folder)
        url = build_database(workdir / "bench.db")
        ports = {
            "bare": stack.enter_context(gunicorn("bench.bare_app", {}, workdir / "bare.log")).port,
            "app": stack.enter_context(gunicorn(
                "wsgi", app_environment(url, workdir / "queue.db"), workdir / "app.log")).port,
        }
        load = load_average()
        print(f"Measuring (load average {load}) ...", flush=True)
        bare, *pages = targets(ports["app"], url)
        chosen = [target for target in pages
                  if not only or any(part in target.name for part in only)]
        results = [measure_paired(ports, bare, target) for target in chosen]
        print_table(results, load)
        if any(result.failed for result in results):
            print(f"\nSome requests failed; the app's log:\n{(workdir / 'app.log').read_text()}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
