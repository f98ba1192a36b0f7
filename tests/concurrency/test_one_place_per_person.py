"""Twelve bookings of the same child into one slot at the same moment: the child is
seated once, because the database holds one place per person and slot."""

from collections import Counter

import pytest

from tests.concurrency.conftest import SAFE_APP, UNLOCKED_APP
from tests.concurrency.harness import (
    drop_the_one_place_index,
    fire_at_once,
    read_ledger,
    seats_of,
    sign_in_all,
)

pytestmark = pytest.mark.concurrency

SIMULTANEOUS = 12


def book_the_child_at_once(server, hotel) -> Counter:
    """Have the first guest book their child into the slot twelve times at once."""
    token = sign_in_all(server.base_url, hotel.guests[:1])[0]
    body = {"items": [{"service": hotel.activity, "slot_id": hotel.slot_id,
                       "participants": [hotel.child_id]}]}
    shots = fire_at_once(server.base_url, "slot", [(token, body)] * SIMULTANEOUS)
    return Counter(shot.status for shot in shots)


def test_simultaneous_bookings_of_one_child_seat_the_child_once(hotel, serve):
    """One booking is taken (201), the eleven others are refused (422), one place is used."""
    server = serve(SAFE_APP, hotel)
    statuses = book_the_child_at_once(server, hotel)
    assert statuses == {201: 1, 422: SIMULTANEOUS - 1}, statuses
    assert seats_of(hotel, hotel.child_id) == 1
    ledger = read_ledger(hotel)
    assert ledger.slot_booked == ledger.slot_items == 1


def test_negative_control_without_the_index_the_child_is_seated_twice(hotel, serve):
    """Without the unique index, the read-then-insert check alone lets the child in twice."""
    drop_the_one_place_index(hotel)
    server = serve(UNLOCKED_APP, hotel)
    statuses = book_the_child_at_once(server, hotel)
    assert not any(status >= 500 for status in statuses), statuses
    assert seats_of(hotel, hotel.child_id) > 1, statuses
