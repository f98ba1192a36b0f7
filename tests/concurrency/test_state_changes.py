"""Eight cancels of one item at the same moment, against four gunicorn workers: its
places come back once."""

import pytest

from tests.concurrency.conftest import SAFE_APP, UNLOCKED_APP
from tests.concurrency.harness import book_the_slot, fire_requests_at_once, read_ledger

pytestmark = pytest.mark.concurrency

SIMULTANEOUS = 8


def test_simultaneous_cancels_of_one_item_give_its_place_back_once(hotel, serve):
    """Each item is cancelled once (200) and refused the other seven times (409)."""
    server = serve(SAFE_APP, hotel)
    booked = book_the_slot(server, hotel, hotel.slot_capacity)
    for token, path in booked:
        statuses = fire_requests_at_once(server.base_url, "POST", path, [token] * SIMULTANEOUS)
        assert sorted(statuses) == [200] + [409] * (SIMULTANEOUS - 1), statuses
        ledger = read_ledger(hotel)
        assert ledger.slot_booked == ledger.slot_items, ledger
    assert read_ledger(hotel).slot_booked == 0


def test_negative_control_unguarded_cancels_give_places_back_twice(hotel, serve):
    """Without the guarded state change the same burst releases a place several times."""
    server = serve(UNLOCKED_APP, hotel)
    booked = book_the_slot(server, hotel, hotel.slot_capacity)
    token, path = booked[0]
    statuses = fire_requests_at_once(server.base_url, "POST", path, [token] * SIMULTANEOUS)
    ledger = read_ledger(hotel)
    assert statuses.count(200) > 1, statuses
    assert ledger.slot_booked < ledger.slot_items, (statuses, ledger)
