"""WSGI entry for the negative controls only: the app with unlocked paths patched in.

The production code has one way to reserve capacity and one way to change an item's
state, each a conditional UPDATE. This module swaps them, in this server process only,
for the naive read-check-write that the concurrency tests must be able to catch
overselling and releasing places twice.
"""

import time

from flask_babel import gettext as _
from sqlalchemy import event, select, update

from config import TestingConfig
from hotel import create_app, database
from hotel.extensions import db
from hotel.models import BookingItem, RentalDay, Slot
from hotel.services import attendance, bookings, capacity, rules
from hotel.services.errors import Unavailable

RACE_WINDOW_SECONDS = 0.3  # widens the gap between reading and writing, even on a busy machine


def reserve_slot_unlocked(slot_id: int, quantity: int) -> None:
    """Read the slot, check, wait, then write what was read plus the places: racy."""
    slot = db.session.get(Slot, slot_id)
    if slot.closed or slot.booked + quantity > slot.capacity:
        raise Unavailable(_("Sorry, there are not enough places left at this time."))
    seen = slot.booked
    time.sleep(RACE_WINDOW_SECONDS)
    db.session.execute(update(Slot).where(Slot.id == slot_id).values(booked=seen + quantity))


def reserve_rental_unlocked(service, first, last, quantity: int) -> None:
    """Read the rental's days, check, wait, then write what was read plus the units: racy."""
    capacity.ensure_rental_days(service, first, last)
    rows = db.session.scalars(select(RentalDay).where(
        RentalDay.service_id == service.id, RentalDay.day.between(first, last))).all()
    if any(row.booked + quantity > row.capacity for row in rows):
        raise Unavailable(_("Sorry, not enough units are free on the days you chose."))
    seen = {row.id: row.booked for row in rows}
    time.sleep(RACE_WINDOW_SECONDS)
    for row_id, booked in seen.items():
        db.session.execute(
            update(RentalDay).where(RentalDay.id == row_id).values(booked=booked + quantity))


def claim_state_unguarded(item, old_state, values: dict) -> bool:
    """Check the state as read, wait, then write the new one whatever happened meanwhile."""
    seen = db.session.scalar(select(BookingItem.state).where(BookingItem.id == item.id))
    time.sleep(RACE_WINDOW_SECONDS)
    db.session.execute(update(BookingItem).where(BookingItem.id == item.id).values(**values))
    return seen == old_state


_check_not_booked_twice = rules._check_not_booked_twice


def check_not_booked_twice_slowly(slot, people) -> None:
    """Check that nobody already has a place, then wait before the booking is written."""
    _check_not_booked_twice(slot, people)
    time.sleep(RACE_WINDOW_SECONDS)


_check_not_checked_in = attendance._check_not_checked_in


def check_not_checked_in_slowly(item, member) -> None:
    """Check that the person has not come yet, then wait before the arrival is written."""
    _check_not_checked_in(item, member)
    time.sleep(RACE_WINDOW_SECONDS)


capacity._reserve_slot = reserve_slot_unlocked
capacity._reserve_rental = reserve_rental_unlocked
bookings.claim_state = claim_state_unguarded
rules._check_not_booked_twice = check_not_booked_twice_slowly
attendance._check_not_checked_in = check_not_checked_in_slowly
app = create_app(TestingConfig)
with app.app_context():
    if db.engine.dialect.name == "sqlite":
        # SQLite runs write transactions one at a time, so the racy path can only oversell
        # without them: each statement then commits on its own.
        event.remove(db.engine, "begin", database.begin_sqlite_transaction)
        event.listen(db.engine, "begin", lambda connection: None)
