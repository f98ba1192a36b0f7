"""Waiting lists against four gunicorn workers: cancellations, new bookings, joins and
accepts at the same moment never oversell, never offer one place to two guests, and a
held place cannot be booked by anyone else."""

import threading
import time
from collections import Counter
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from hotel import create_app
from hotel.extensions import db
from hotel.models import HOLDING_STATES, BookingItem, Slot, WaitingEntry, WaitingState
from tests.concurrency.conftest import SAFE_APP
from tests.concurrency.harness import (
    REQUEST_TIMEOUT_S,
    book_the_slot,
    call,
    connect,
    exchange,
    sign_in_all,
)
from tests.conftest import make_config

pytestmark = pytest.mark.concurrency

OFFER_AFTER_COMMIT_APP = "tests.concurrency.offer_after_commit_wsgi"
RACE_WINDOW_SECONDS = 2.0  # as in that module, which cannot be imported here

WAITING = 10  # guests who join the full slot's waiting list first
NEWCOMERS = 10  # guests who try to book the slot while its places are freed


@dataclass
class Ledger:
    """The slot's counter against what holds its places: booked items and offers."""

    booked: int
    capacity: int
    items: int
    held: int
    offered_stays: list[int]


def read_ledger(hotel) -> Ledger:
    app = create_app(make_config(hotel.url))
    with app.app_context():
        slot = db.session.get(Slot, hotel.slot_id)
        items = db.session.scalar(select(func.coalesce(func.sum(BookingItem.quantity), 0))
                                  .where(BookingItem.slot_id == hotel.slot_id,
                                         BookingItem.state.in_(HOLDING_STATES)))
        offered = db.session.execute(select(WaitingEntry.stay_id, WaitingEntry.quantity).where(
            WaitingEntry.slot_id == hotel.slot_id,
            WaitingEntry.state == WaitingState.OFFERED)).all()
        ledger = Ledger(slot.booked, slot.capacity, items, sum(q for _, q in offered),
                        [stay_id for stay_id, _ in offered])
        db.session.remove()
        db.engine.dispose()
    return ledger


def fire_mixed(base_url: str, requests: list[tuple[str, str, dict | None, str]]) -> list[int]:
    """Send every (method, path, body, token) from its own thread, all released together;
    return the statuses in order."""
    statuses = [0] * len(requests)
    barrier = threading.Barrier(len(requests), timeout=REQUEST_TIMEOUT_S)

    def send(index: int, method: str, path: str, body: dict | None, token: str) -> None:
        connection = connect(base_url)
        barrier.wait()
        statuses[index] = exchange(connection, method, path, body, token)[0]

    threads = [threading.Thread(target=send, args=(index, *request))
               for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return statuses


def _line(hotel) -> dict:
    return {"service": hotel.activity, "slot_id": hotel.slot_id, "quantity": 1}


def _full_slot_with_a_queue(server, hotel):
    """Fill the slot, then have WAITING guests join its list at the same moment; return
    the cancel requests of the booked guests and the tokens of the rest."""
    booked = book_the_slot(server, hotel, hotel.slot_capacity)
    tokens = sign_in_all(server.base_url, hotel.guests[hotel.slot_capacity:])
    waiting, newcomers = tokens[:WAITING], tokens[WAITING:WAITING + NEWCOMERS]
    statuses = fire_mixed(server.base_url, [("POST", "/api/v1/waitlist", _line(hotel), token)
                                            for token in waiting])
    assert statuses == [201] * WAITING, statuses
    cancels = [("POST", path, None, token) for token, path in booked]
    return cancels, waiting, newcomers, tokens[WAITING + NEWCOMERS:]


def _bookings(hotel, tokens) -> list[tuple]:
    return [("POST", "/api/v1/bookings", {"items": [_line(hotel)]}, token) for token in tokens]


def test_freed_places_go_to_the_queue_and_accepts_never_oversell(hotel, serve):
    """Seven cancellations, ten new bookings and ten joins at once: every freed place is
    held for one waiting guest, so every new booking is refused; then seven accepts and
    ten more bookings at once: the accepts book the held places, nobody else gets one."""
    server = serve(SAFE_APP, hotel)
    cancels, waiting, newcomers, joiners = _full_slot_with_a_queue(server, hotel)
    joins = [("POST", "/api/v1/waitlist", _line(hotel), token) for token in joiners[:10]]
    statuses = fire_mixed(server.base_url, cancels + _bookings(hotel, newcomers) + joins)
    cancelled, booked, joined = (statuses[:len(cancels)],
                                 statuses[len(cancels):len(cancels) + NEWCOMERS],
                                 statuses[len(cancels) + NEWCOMERS:])
    assert cancelled == [200] * len(cancels), statuses
    assert booked == [409] * NEWCOMERS, statuses  # a held place is nobody else's
    assert joined == [201] * len(joins), statuses  # full all along: never room to book
    ledger = read_ledger(hotel)
    assert ledger.items == 0 and ledger.held == ledger.booked == hotel.slot_capacity, ledger
    assert len(set(ledger.offered_stays)) == hotel.slot_capacity, ledger  # one place each

    entries = {}
    for token in waiting:
        _status, answer = call(server.base_url, "GET", "/api/v1/waitlist", None, token)
        [entries[token]] = answer["entries"]
        assert entries[token]["state"] in ("offered", "waiting"), entries[token]
    # The guests joined at the same moment: the queue's order is the order of their entries.
    queue = sorted(waiting, key=lambda token: entries[token]["id"])
    offers = {token: entries[token]["id"] for token in queue
              if entries[token]["state"] == "offered"}
    assert len(offers) == hotel.slot_capacity, offers  # the first seven in the queue
    assert list(offers) == queue[:hotel.slot_capacity]
    accepts = [("POST", f"/api/v1/waitlist/{entry_id}/accept", None, token)
               for token, entry_id in offers.items()]
    statuses = fire_mixed(server.base_url, accepts + _bookings(hotel, newcomers))
    assert statuses == [201] * len(accepts) + [409] * NEWCOMERS, statuses
    ledger = read_ledger(hotel)
    assert ledger.booked == ledger.items == hotel.slot_capacity and ledger.held == 0, ledger


def test_an_accept_racing_its_expiry_or_a_leave_happens_once(hotel, serve):
    """Each offered guest accepts twice and lets the offer go, all at once: one of the
    three wins; the places are booked or handed on, never both, never lost."""
    server = serve(SAFE_APP, hotel)
    cancels, waiting, _newcomers, _rest = _full_slot_with_a_queue(server, hotel)
    for request in cancels[:3]:
        assert fire_mixed(server.base_url, [request]) == [200]
    offered = []
    for token in waiting[:3]:
        _status, answer = call(server.base_url, "GET", "/api/v1/waitlist", None, token)
        offered.append((token, answer["entries"][0]["id"]))
    outcomes = Counter()
    for token, entry_id in offered:
        statuses = fire_mixed(server.base_url, [
            ("POST", f"/api/v1/waitlist/{entry_id}/accept", None, token),
            ("POST", f"/api/v1/waitlist/{entry_id}/accept", None, token),
            ("DELETE", f"/api/v1/waitlist/{entry_id}", None, token)])
        assert sorted(statuses) in ([200, 409, 409], [201, 409, 409]), statuses
        outcomes[min(statuses)] += 1  # the one that was not refused
        ledger = read_ledger(hotel)
        assert ledger.booked == ledger.items + ledger.held <= ledger.capacity, ledger
    ledger = read_ledger(hotel)
    # Each place let go was offered to the next guest in the queue: still held.
    assert ledger.held == outcomes[200] and ledger.items == 4 + outcomes[201], ledger


def test_negative_control_offering_after_the_commit_lets_a_newcomer_take_the_place(
        hotel, serve):
    """Offered in a transaction of its own after the cancellation commits, a freed place
    is free for a moment, and newcomers who book in that moment take what the queue was
    waiting for: the test above can see it."""
    server = serve(OFFER_AFTER_COMMIT_APP, hotel)
    cancels, _waiting, newcomers, _rest = _full_slot_with_a_queue(server, hotel)
    assert fire_mixed(server.base_url, cancels) == [200] * len(cancels)
    statuses = fire_mixed(server.base_url, _bookings(hotel, newcomers))
    time.sleep(RACE_WINDOW_SECONDS + 1)  # the late offers have been made
    ledger = read_ledger(hotel)
    assert 201 in statuses, (statuses, ledger)
    assert ledger.held < hotel.slot_capacity, ledger  # the queue lost places
    assert ledger.booked == ledger.items + ledger.held <= ledger.capacity, ledger
