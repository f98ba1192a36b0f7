"""Soak test: every page type under gunicorn for minutes on end, counting worker deaths.

Builds a database with the demo hotel (a SQLite file, or a private database on the
PostgreSQL server of ``--database-url``), serves it with gunicorn (4 sync workers,
PYTHONFAULTHANDLER=1 so that a crashing worker prints its traceback to the log), signs
in a guest and staff, and sends a mixed loop of requests from a few client threads. It
prints requests by status and page, and the workers that died, and exits with 1 if a
worker died, a request got a 5xx or no answer. Everything runs on 127.0.0.1.
"""

import argparse
import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.soak_server import (  # noqa: E402
    BOOKED_RENTAL,
    GUEST,
    WORKERS,
    Deaths,
    Hotel,
    build_hotel,
    database,
    gunicorn,
    log_excerpts,
    read_deaths,
)
from tests.helpers import TOKEN  # noqa: E402

REQUEST_TIMEOUT_S = 60
# A bound on the loop besides time, far above what a small machine serves.
MAX_REQUESTS_PER_SECOND = 500
STAFF = {"reception": "reception-demo", "manager": "manager-demo"}
LANGUAGES = ("en", "ko", "de", "ar")


class Tally:
    """Responses counted by page and status, from every client thread."""

    def __init__(self) -> None:
        """Start with nothing counted."""
        self.lock = threading.Lock()
        self.by_page: dict[str, Counter] = {}

    def add(self, page: str, status: int) -> None:
        """Count one response (status 0: no answer)."""
        with self.lock:
            self.by_page.setdefault(page, Counter())[status] += 1

    def statuses(self) -> Counter:
        """Return the count of every status over all pages (0: no answer)."""
        with self.lock:
            return sum(self.by_page.values(), Counter())


class Visitor:
    """One browser or API client: its cookies or token, and the tally it reports to."""

    def __init__(self, port: int, tally: Tally, token: str | None = None) -> None:
        """Start without cookies, and with a bearer token if given."""
        self.port, self.tally, self.token = port, tally, token
        self.cookies: dict[str, str] = {}

    def send(self, page: str, method: str, path: str, body: bytes | None = None,
             headers: dict | None = None) -> tuple[int, bytes]:
        """Send one request on a connection of its own, count it; return status and body."""
        headers = {"Accept-Language": "en", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            status, answer = response.status, response.read()
            self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        except (OSError, http.client.HTTPException):  # a worker died mid-answer, or hung
            status, answer = 0, b""
        finally:
            connection.close()
        self.tally.add(page, status)
        return status, answer

    def _keep_cookies(self, headers: list[str]) -> None:
        """Keep the cookies the server set (Secure ones too: this is 127.0.0.1)."""
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def post_form(self, page: str, path: str, fields: dict, token_from: str | None = None) -> int:
        """Post a form with the CSRF token read from the page that shows it; return the status."""
        _, form_page = self.send(f"{page} form", "GET", token_from or path)
        found = TOKEN.search(form_page.decode(errors="replace"))
        fields = {"csrf_token": found.group(1) if found else "", **fields}
        body = urlencode(fields).encode()
        status, _ = self.send(page, "POST", path, body,
                              {"Content-Type": "application/x-www-form-urlencoded"})
        return status


@dataclass
class Client:
    """What one client thread signs in as: nobody, a guest, reception, a manager, the API."""

    anonymous: Visitor
    guest: Visitor
    reception: Visitor
    manager: Visitor
    api: Visitor


def check(what: str, status: int, wanted: int) -> None:
    """:raises RuntimeError: a sign-in step did not answer as it should."""
    if status != wanted:
        raise RuntimeError(f"{what} answered {status}, not {wanted}")


def sign_in(port: int, tally: Tally, hotel: Hotel) -> Client:
    """Sign in a guest (on the pages and the API) and two members of staff, for one client.

    :raises RuntimeError: a sign-in was refused.
    """
    guest = Visitor(port, tally)
    check("guest sign-in", guest.post_form("guest sign-in", "/sign-in",
                                           {"identifier": GUEST[0], "last_name": GUEST[1]}), 302)
    # A line in the basket, so that the basket page has something to price.
    line = {"start_date": hotel.booking_day, "end_date": hotel.booking_day, "quantity": 1}
    service = f"/services/{BOOKED_RENTAL}"
    check("basket line", guest.post_form("basket line", f"{service}/add", line, service), 302)
    staff = {username: Visitor(port, tally) for username in STAFF}
    for username, visitor in staff.items():
        fields = {"username": username, "password": STAFF[username]}
        check(f"{username} sign-in", visitor.post_form("staff sign-in", "/desk/login", fields),
              302)
    api = Visitor(port, tally)
    body = json.dumps({"reference": GUEST[0], "last_name": GUEST[1]}).encode()
    status, answer = api.send("API sign-in", "POST", "/api/v1/auth/guest", body,
                              {"Content-Type": "application/json"})
    check("API sign-in", status, 200)
    api.token = json.loads(answer)["token"]
    return Client(Visitor(port, tally), guest, staff["reception"], staff["manager"], api)


Visit = Callable[[Client, int], None]


def page(name: str, who: str, path: Callable[[int], str]) -> tuple[str, Visit]:
    """Return a visit that GETs one page as ``who``, in one of several languages by turn."""

    def visit(client: Client, turn: int) -> None:
        """GET the page for this turn."""
        language = LANGUAGES[turn % len(LANGUAGES)]
        getattr(client, who).send(name, "GET", path(turn), headers={"Accept-Language": language})

    return name, visit


def by_turn(template: str, names: list[str]) -> Callable[[int], str]:
    """Return a path maker that fills ``template`` with each of ``names`` in turn."""
    return lambda turn: template.format(names[turn % len(names)])


def book_and_cancel(hotel: Hotel) -> tuple[str, Visit]:
    """Return a visit that books one unit of the rental through the API and cancels it."""
    line = {"service": BOOKED_RENTAL, "start_date": hotel.booking_day,
            "end_date": hotel.booking_day, "quantity": 1}
    body = json.dumps({"items": [line]}).encode()

    def visit(client: Client, turn: int) -> None:
        """Book one unit, then cancel it if the booking went through."""
        status, answer = client.api.send("API booking POST", "POST", "/api/v1/bookings", body,
                                         {"Content-Type": "application/json"})
        if status == 201:
            booking = json.loads(answer)
            path = (f"/api/v1/bookings/{booking['reference']}/items/"
                    f"{booking['items'][0]['id']}/cancel")
            client.api.send("API booking cancel", "POST", path)

    return "API booking POST", visit


def visits(hotel: Hotel) -> list[tuple[str, Visit]]:
    """Return one visit of every page type; the clients go through them in turn."""
    return [
        page("guest home", "anonymous", lambda turn: "/"),
        page("service page (anonymous)", "anonymous", by_turn("/services/{}", hotel.services)),
        page("package page (anonymous)", "anonymous", by_turn("/packages/{}", hotel.packages)),
        page("service page (signed in)", "guest", by_turn("/services/{}", hotel.services)),
        page("basket", "guest", lambda turn: "/basket"),
        page("my bookings", "guest", lambda turn: "/my-bookings"),
        page("help", "guest", lambda turn: "/help"),
        page("API catalogue", "api", lambda turn: "/api/v1/services"),
        page("API availability", "api",
             by_turn(f"/api/v1/services/{{}}/availability?{hotel.week}", hotel.services)),
        page("API bookings", "api", lambda turn: "/api/v1/bookings"),
        book_and_cancel(hotel),
        page("desk Today", "reception", lambda turn: "/desk/"),
        page("desk Requests", "reception", lambda turn: "/desk/requests"),
        page("desk run sheet", "reception", lambda turn: "/desk/schedule"),
        page("desk run sheet CSV", "reception", lambda turn: "/desk/schedule.csv"),
        page("desk inventory", "reception", lambda turn: "/desk/inventory"),
        page("desk stays", "reception", lambda turn: "/desk/stays"),
        page("desk stay", "reception", by_turn("/desk/stays/{}", hotel.stays)),
        page("desk tickets", "reception", lambda turn: "/desk/tickets"),
        page("desk reports", "manager", lambda turn: "/desk/reports"),
        page("desk audit log", "manager", lambda turn: "/desk/audit"),
    ]


def run_clients(clients: list[Client], plan: list[tuple[str, Visit]], seconds: float,
                stop: threading.Event) -> list[threading.Thread]:
    """Start one thread per client going through the plan until time or the budget is up."""
    deadline = time.monotonic() + seconds
    budget = iter(range(int(seconds * MAX_REQUESTS_PER_SECOND)))
    lock = threading.Lock()

    def run(index: int, client: Client) -> None:
        """Go through the plan from this client's own starting page."""
        number = index * 5  # the clients start on different pages
        while time.monotonic() < deadline and not stop.is_set():
            with lock:
                if next(budget, None) is None:
                    return
            _, visit = plan[number % len(plan)]
            visit(client, number // len(plan) + index)
            number += 1

    threads = [threading.Thread(target=run, args=(index, client), daemon=True)
               for index, client in enumerate(clients)]
    for thread in threads:
        thread.start()
    return threads


# What each request should answer; every other page answers 200.
EXPECTED = {"guest sign-in": 302, "basket line": 302, "staff sign-in": 302,
            "API booking POST": 201}


def watch(threads: list[threading.Thread], tally: Tally, log: Path, seconds: float,
          stop: threading.Event) -> None:
    """Wait for the client threads, printing progress every half minute."""
    started = time.monotonic()
    # The last requests may take their whole timeout (a booking is two of them).
    give_up = started + seconds + 3 * REQUEST_TIMEOUT_S
    next_report = started + 30
    while any(thread.is_alive() for thread in threads):
        if time.monotonic() >= give_up:
            stop.set()
            print("Client threads did not finish in time; stopping.", flush=True)
            return
        time.sleep(0.5)
        if time.monotonic() >= next_report:
            next_report += 30
            print_progress(tally, log, time.monotonic() - started)


def print_progress(tally: Tally, log: Path, elapsed: float) -> None:
    """Print one line: requests so far, 5xx, unanswered, worker deaths."""
    statuses = tally.statuses()
    deaths = read_deaths(log.read_text(errors="replace")).count
    fives = sum(n for status, n in statuses.items() if status >= 500)
    print(f"{elapsed:5.0f} s: {sum(statuses.values())} requests, {fives} 5xx, "
          f"{statuses[0]} unanswered, {deaths} worker deaths", flush=True)


def print_summary(tally: Tally, deaths: Deaths, seconds: float, heading: str) -> bool:
    """Print requests by status and page and the worker deaths; return whether all went well."""
    statuses = tally.statuses()
    total = sum(statuses.values())
    fives = sum(n for status, n in statuses.items() if status >= 500)
    print(f"\n{heading}\n")
    print(f"requests        {total} in {seconds:.0f} s ({total / seconds:.1f}/s)")
    print(f"statuses        {', '.join(f'{s}: {n}' for s, n in sorted(statuses.items()))}")
    print(f"5xx             {fives}")
    print(f"no answer       {statuses[0]}")
    print(f"worker deaths   {deaths.count} (replacement workers booted: {deaths.extra_boots}, "
          f"faulthandler tracebacks: {deaths.fatal_errors})")
    for line in deaths.lines:
        print(f"  {line}")
    print(f"\n{'page':<28}{'requests':>9}  statuses")
    for name, counts in sorted(tally.by_page.items()):
        expected = EXPECTED.get(name, 200)
        mark = "" if set(counts) == {expected} else "   <- not all " + str(expected)
        listed = ", ".join(f"{s}: {n}" for s, n in sorted(counts.items()))
        print(f"{name:<28}{sum(counts.values()):>9}  {listed}{mark}")
    return not (deaths.count or deaths.fatal_errors or fives or statuses[0])


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long (default 10)")
    parser.add_argument("--database-url", default=os.environ.get("SOAK_DATABASE_URL") or None,
                        help="a PostgreSQL server to make (and afterwards drop) a private "
                             "database on; default: SOAK_DATABASE_URL, else a SQLite file")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python that runs gunicorn, with the app's requirements "
                             "installed (default: this one)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--log", type=Path, help="keep gunicorn's log in this file")
    arguments = parser.parse_args(argv)
    if arguments.minutes <= 0 or arguments.threads < 1:
        parser.error("--minutes and --threads must be positive")
    return arguments


def python_version(python: str) -> str:
    """Return the version of the Python that runs gunicorn."""
    return subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                          capture_output=True, text=True, check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Build the database, serve it, sign in, run the clients, and print the summary."""
    arguments = parse_arguments(argv)
    # On SIGTERM, unwind like on Ctrl-C, so that the server stops and the database goes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seconds, tally, stop = arguments.minutes * 60, Tally(), threading.Event()
    heading = (f"{'PostgreSQL' if arguments.database_url else 'SQLite'}, "
               f"Python {python_version(arguments.python)} under gunicorn ({WORKERS} sync "
               f"workers), {arguments.threads} client threads, load average "
               f"{os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory(prefix="hotel-soak-") as folder, ExitStack() as stack:
        log = arguments.log or Path(folder) / "gunicorn.log"
        url = stack.enter_context(database(arguments.database_url, Path(folder)))
        hotel = build_hotel(url)
        env = {"HOTEL_CONFIG": "production", "DATABASE_URL": url,
               "QUEUE_URL": f"sqlite:///{Path(folder) / 'queue.db'}",
               "SECRET_KEY": secrets.token_hex(32)}
        port = stack.enter_context(gunicorn(arguments.python, env, log))
        stack.callback(stop.set)  # the clients stop before the server does
        clients = [sign_in(port, tally, hotel) for _ in range(arguments.threads)]
        print(f"Soaking for {arguments.minutes:g} min: {heading}", flush=True)
        started = time.monotonic()
        watch(run_clients(clients, visits(hotel), seconds, stop), tally, log, seconds, stop)
        elapsed = time.monotonic() - started
        text = log.read_text(errors="replace")
    well = print_summary(tally, read_deaths(text), elapsed, heading)
    if not well:
        print("\nFrom gunicorn's log:\n" + "\n\n".join(log_excerpts(text) or [text[-4000:]]))
    return 0 if well else 1


if __name__ == "__main__":
    sys.exit(main())
