"""Forty guests book the last places at once, against four gunicorn workers: none oversold."""

import pytest

from tests.concurrency.conftest import SAFE_APP, UNLOCKED_APP
from tests.concurrency.harness import book_everything_at_once, read_ledger, remaining

pytestmark = pytest.mark.concurrency


def test_simultaneous_bookings_take_exactly_the_places_there_are(hotel, serve):
    """Exactly capacity bookings succeed, the rest get 409, and nothing is left or negative."""
    server = serve(SAFE_APP, hotel)
    statuses = book_everything_at_once(server, hotel)

    guests = len(hotel.guests)
    assert statuses["slot"] == {201: hotel.slot_capacity, 409: guests - hotel.slot_capacity}
    assert statuses["rental"] == {201: hotel.rental_stock, 409: guests - hotel.rental_stock}
    assert remaining(server.base_url, hotel) == (0, 0)
    ledger = read_ledger(hotel)
    assert ledger.slot_booked == ledger.slot_items == hotel.slot_capacity
    assert ledger.rental_booked == ledger.rental_items == hotel.rental_stock


def test_negative_control_the_unlocked_path_is_seen_to_oversell(hotel, serve):
    """The same burst against a deliberately unlocked reservation oversells, and we see it."""
    server = serve(UNLOCKED_APP, hotel)
    statuses = book_everything_at_once(server, hotel)

    assert not any(status >= 500 for counts in statuses.values() for status in counts), statuses
    ledger = read_ledger(hotel)
    assert ledger.slot_items > hotel.slot_capacity, (statuses, ledger)
    assert ledger.rental_items > hotel.rental_stock, (statuses, ledger)
