"""A real server under gunicorn, a hotel to book at, and guests who all book at once."""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sqlalchemy import func, select, text

from hotel import create_app
from hotel.clock import hotel_today, local_to_utc
from hotel.extensions import db
from hotel.models import (
    HOLDING_STATES,
    BookingItem,
    CapacityUnit,
    Kind,
    PricingUnit,
    RentalDay,
    Role,
    Slot,
    booking_item_participant,
)
from tests.conftest import make_config
from tests.factories import make_service, make_staff, make_stay

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 4
START_TIMEOUT_S = 60
DESK_PASSWORD = "desk-password"  # the seeded receptionist's
CSRF_TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
REQUEST_TIMEOUT_S = 60


@dataclass
class Hotel:
    """What the seeded database holds: guests who can sign in, one slot, one rental day."""

    url: str
    guests: list[tuple[str, str]]  # (booking reference, last name)
    activity: str
    slot_id: int
    slot_capacity: int
    rental: str
    rental_id: int
    rental_day: str  # ISO date
    rental_stock: int
    child_id: int  # the first guest's child, who may take one place per slot
    staff_username: str
    staff_password: str


def seed_hotel(url: str, guests: int = 40, slot_capacity: int = 7, rental_stock: int = 5) -> Hotel:
    """Create the schema and a hotel with one scarce slot, one scarce rental and many guests."""
    app = create_app(make_config(url))
    with app.app_context():
        db.create_all()
        today = hotel_today()
        tomorrow = today + timedelta(days=1)
        activity = make_service(slug="sunrise-canoe", kind=Kind.ACTIVITY,
                                pricing_unit=PricingUnit.PER_PERSON,
                                capacity_unit=CapacityUnit.PERSONS,
                                cutoff_hours=0)  # guests may cancel up to the start
        starts_at = local_to_utc(tomorrow, clock(9, 0))
        slot = Slot(service=activity, starts_at=starts_at, ends_at=starts_at + timedelta(hours=1),
                    capacity=slot_capacity, booked=0)
        db.session.add(slot)
        rental = make_service(slug="e-bike", kind=Kind.RENTAL,
                              pricing_unit=PricingUnit.PER_UNIT_DAY, stock=rental_stock)
        stays = [make_stay(reference=f"CC{n:04d}", last_name=f"Racer{chr(65 + n // 26)}"
                           f"{chr(97 + n % 26)}", arrival_on=today, nights=5, adults=1,
                           children=[7] if n == 0 else [])
                 for n in range(guests)]
        make_staff(username="desk", role=Role.RECEPTION, password=DESK_PASSWORD)
        staff = make_staff("racedesk", password="the-right-password")
        db.session.commit()
        seeded = Hotel(url=url, guests=[(s.reference, s.last_name) for s in stays],
                       activity=activity.slug, slot_id=slot.id, slot_capacity=slot_capacity,
                       rental=rental.slug, rental_id=rental.id, rental_day=tomorrow.isoformat(),
                       rental_stock=rental_stock, child_id=stays[0].members[-1].id,
                       staff_username=staff.username, staff_password="the-right-password")
        db.session.remove()
        db.engine.dispose()
    return seeded


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A gunicorn process serving one WSGI module on 127.0.0.1, with its log."""

    module: str
    database_url: str
    log_path: Path
    workers: int = WORKERS
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        """Start gunicorn and wait until it answers.

        :raises RuntimeError: it exited or did not answer in time; the log says why.
        """
        env = dict(os.environ, HOTEL_CONFIG="testing", DATABASE_URL=self.database_url)
        # No control socket: several servers (and test runs) may run side by side.
        command = [str(GUNICORN), "--workers", str(self.workers),
                   "--bind", f"127.0.0.1:{self.port}", "--timeout", "120",
                   "--graceful-timeout", "5", "--no-control-socket", f"{self.module}:app"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                call(self.base_url, "GET", "/")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in {START_TIMEOUT_S} s:\n{self.log()}")

    def stop(self) -> None:
        """Stop gunicorn at once (the test is over), and for good if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def log(self) -> str:
        """Return what gunicorn and the application wrote so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def connect(base_url: str) -> http.client.HTTPConnection:
    """Open a connection to the server, ready to send one request."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port,
                                            timeout=REQUEST_TIMEOUT_S)
    connection.connect()
    return connection


def exchange(connection: http.client.HTTPConnection, method: str, path: str,
             body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    """Send one JSON request on an open connection, close it, and return status and JSON."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        status, raw = response.status, response.read()
    finally:
        connection.close()
    try:
        return status, json.loads(raw or b"{}")
    except ValueError:
        return status, {"raw": raw[:500].decode(errors="replace")}


def call(base_url: str, method: str, path: str, body: dict | None = None,
         token: str | None = None) -> tuple[int, dict]:
    """Send one JSON request on a connection of its own; return status and JSON."""
    return exchange(connect(base_url), method, path, body, token)


def sign_in_all(base_url: str, guests: list[tuple[str, str]]) -> list[str]:
    """Sign every guest in through the API, a few at a time; return their tokens in order.

    :raises AssertionError: a guest could not sign in.
    """

    def sign_in(guest: tuple[str, str]) -> str:
        reference, last_name = guest
        status, answer = call(base_url, "POST", "/api/v1/auth/guest",
                              {"reference": reference, "last_name": last_name})
        assert status == 200, f"sign-in of {reference} answered {status}: {answer}"
        return answer["token"]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(sign_in, guests))


@dataclass
class Shot:
    """One booking request fired in the burst, and what came back."""

    target: str
    status: int = 0
    answer: dict = field(default_factory=dict)


def fire_at_once(base_url: str, target: str, bookings: list[tuple[str, dict]]) -> list[Shot]:
    """Send every (token, booking body) from its own thread, all released together.

    Each thread connects first and then waits at a barrier, so that every booking
    reaches the server at the same moment; its workers then take them as fast as they can.
    """
    shots = [Shot(target) for _ in bookings]
    barrier = threading.Barrier(len(bookings), timeout=REQUEST_TIMEOUT_S)

    def book(shot: Shot, token: str, body: dict) -> None:
        connection = connect(base_url)
        barrier.wait()
        shot.status, shot.answer = exchange(connection, "POST", "/api/v1/bookings", body, token)

    threads = [threading.Thread(target=book, args=(shot, token, body))
               for shot, (token, body) in zip(shots, bookings, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return shots


def book_everything_at_once(server: Server, hotel: Hotel) -> dict[str, Counter]:
    """Have every guest book the slot in one burst, then the rental day in another.

    Each burst has all of the server's workers racing for the same counter. Returns the
    count of each status per target.

    :raises AssertionError: a 409 that does not say "unavailable".
    """
    tokens = sign_in_all(server.base_url, hotel.guests)
    lines = {
        "slot": {"service": hotel.activity, "slot_id": hotel.slot_id, "quantity": 1},
        "rental": {"service": hotel.rental, "start_date": hotel.rental_day,
                   "end_date": hotel.rental_day, "quantity": 1},
    }
    statuses = {}
    for target, line in lines.items():
        shots = fire_at_once(server.base_url, target,
                             [(token, {"items": [line]}) for token in tokens])
        statuses[target] = Counter(shot.status for shot in shots)
        for shot in shots:
            if shot.status == 409:
                assert shot.answer.get("error") == "unavailable", shot.answer
    return statuses


@dataclass
class Ledger:
    """What the database says after the burst: counters and the items that hold capacity."""

    slot_booked: int
    slot_items: int
    rental_booked: int
    rental_items: int


def read_ledger(hotel: Hotel) -> Ledger:
    """Read the slot's and the rental day's counters and count their holding items."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        holding = BookingItem.state.in_(HOLDING_STATES)
        slot = db.session.get(Slot, hotel.slot_id)
        rental_day = db.session.scalar(
            select(RentalDay).where(RentalDay.service_id == hotel.rental_id,
                                    RentalDay.day == date.fromisoformat(hotel.rental_day)))
        ledger = Ledger(
            slot_booked=slot.booked,
            slot_items=db.session.scalar(select(func.count()).where(
                BookingItem.slot_id == hotel.slot_id, holding)),
            rental_booked=rental_day.booked if rental_day is not None else 0,
            rental_items=db.session.scalar(select(func.count()).where(
                BookingItem.service_id == hotel.rental_id,
                BookingItem.start_on == date.fromisoformat(hotel.rental_day), holding)),
        )
        db.session.remove()
        db.engine.dispose()
    return ledger


def remaining(base_url: str, hotel: Hotel) -> tuple[int, int]:
    """Ask the public availability API what is left of the slot and of the rental day."""
    day = hotel.rental_day
    status, slots = call(base_url, "GET",
                         f"/api/v1/services/{hotel.activity}/availability?from={day}&to={day}")
    assert status == 200, slots
    status, days = call(base_url, "GET",
                        f"/api/v1/services/{hotel.rental}/availability?from={day}&to={day}")
    assert status == 200, days
    slot_left = next(s["remaining"] for s in slots["slots"] if s["id"] == hotel.slot_id)
    day_left = next(d["remaining"] for d in days["days"] if d["date"] == day)
    return slot_left, day_left


def fire_requests_at_once(base_url: str, method: str, path: str, tokens: list[str]) -> list[int]:
    """Send the same request once per token, each from its own thread, all released
    together; return the statuses."""
    statuses = [0] * len(tokens)
    barrier = threading.Barrier(len(tokens), timeout=REQUEST_TIMEOUT_S)

    def send(index: int, token: str) -> None:
        connection = connect(base_url)
        barrier.wait()
        statuses[index] = exchange(connection, method, path, None, token)[0]

    threads = [threading.Thread(target=send, args=(index, token))
               for index, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return statuses


def post_all_at_once(base_url: str, path: str, bodies: list[dict]) -> list[tuple[int, dict]]:
    """Post each JSON body from its own thread, all released together; return the answers."""
    answers: list[tuple[int, dict]] = [(0, {})] * len(bodies)
    barrier = threading.Barrier(len(bodies), timeout=REQUEST_TIMEOUT_S)

    def send(index: int, body: dict) -> None:
        connection = connect(base_url)
        barrier.wait()
        answers[index] = exchange(connection, "POST", path, body)

    threads = [threading.Thread(target=send, args=(index, body))
               for index, body in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return answers


def book_the_slot(server: Server, hotel: Hotel, guests: int) -> list[tuple[str, str]]:
    """Have the first guests book a place each in the slot; return (token, cancel path)."""
    tokens = sign_in_all(server.base_url, hotel.guests[:guests])
    booked = []
    for token in tokens:
        status, answer = call(server.base_url, "POST", "/api/v1/bookings", {"items": [
            {"service": hotel.activity, "slot_id": hotel.slot_id, "quantity": 1}]}, token)
        assert status == 201, answer
        item = answer["items"][0]["id"]
        booked.append((token, f"/api/v1/bookings/{answer['reference']}/items/{item}/cancel"))
    return booked


def seats_of(hotel: Hotel, member_id: int) -> int:
    """Count the holding items of the slot in which a party member takes part."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        seats = db.session.scalar(
            select(func.count()).select_from(booking_item_participant)
            .join(BookingItem, BookingItem.id == booking_item_participant.c.booking_item_id)
            .where(booking_item_participant.c.party_member_id == member_id,
                   BookingItem.slot_id == hotel.slot_id,
                   BookingItem.state.in_(HOLDING_STATES)))
        db.session.remove()
        db.engine.dispose()
    return seats


def drop_the_one_place_index(hotel: Hotel) -> None:
    """Remove the database's guard of one place per person, for the negative control."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP INDEX uq_one_place_per_person_and_slot"))
        db.engine.dispose()


@dataclass
class DeskSession:
    """A receptionist signed in to the desk pages: the session cookie and a CSRF token."""

    base_url: str
    cookie: str = ""
    token: str = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        """Send one page request with the session cookie; keep a renewed cookie."""
        connection = connect(self.base_url)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode({"csrf_token": self.token, **form}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            status, text = response.status, response.read().decode(errors="replace")
            renewed = response.getheader("Set-Cookie")
        finally:
            connection.close()
        if renewed:
            self.cookie = renewed.split(";", 1)[0]
        return status, text

    def sign_in(self) -> "DeskSession":
        """Sign the seeded receptionist in through the desk's login form."""
        self.token = CSRF_TOKEN.search(self.request("GET", "/desk/login")[1]).group(1)
        status, _ = self.request("POST", "/desk/login",
                                 {"username": "desk", "password": DESK_PASSWORD})
        assert status == 302, f"the receptionist could not sign in: {status}"
        self.token = CSRF_TOKEN.search(self.request("GET", "/desk/requests")[1]).group(1)
        return self


def book_one_of_everything(server: Server, hotel: Hotel) -> list[tuple[str, int, str]]:
    """Have guests take every place of the slot and every unit of the rental day; return
    (token, item id, cancel path) of each item."""
    tokens = sign_in_all(server.base_url, hotel.guests[:hotel.slot_capacity + hotel.rental_stock])
    lines = ([{"service": hotel.activity, "slot_id": hotel.slot_id, "quantity": 1}]
             * hotel.slot_capacity
             + [{"service": hotel.rental, "start_date": hotel.rental_day,
                 "end_date": hotel.rental_day, "quantity": 1}] * hotel.rental_stock)
    booked = []
    for token, line in zip(tokens, lines, strict=True):
        status, answer = call(server.base_url, "POST", "/api/v1/bookings", {"items": [line]},
                              token)
        assert status == 201, answer
        item = answer["items"][0]["id"]
        path = f"/api/v1/bookings/{answer['reference']}/items/{item}/cancel"
        booked.append((token, item, path))
    return booked


def cancel_and_decline_at_once(server: Server, desk: DeskSession, token: str, item: int,
                               path: str) -> tuple[int, int]:
    """The guest cancels an item while reception declines it, released together; return
    the two statuses (the API's, the desk page's)."""
    statuses = [0, 0]
    barrier = threading.Barrier(2, timeout=REQUEST_TIMEOUT_S)

    def cancel() -> None:
        connection = connect(server.base_url)
        barrier.wait()
        statuses[0] = exchange(connection, "POST", path, None, token)[0]

    def decline() -> None:
        barrier.wait()
        statuses[1] = desk.request("POST", "/desk/requests/action", {
            "item_ids": [str(item)], "action": "decline", "reason": "Fully booked"})[0]

    threads = [threading.Thread(target=cancel), threading.Thread(target=decline)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return statuses[0], statuses[1]
