"""A slot's closure as reception sees it: before, the bookings it will cancel; after, who
rebooked with the link they were sent, who did not, and who waits for another time."""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from hotel.extensions import db
from hotel.models import (
    ACTIVE_WAITING_STATES,
    HOLDING_STATES,
    Booking,
    BookingItem,
    ItemState,
    Slot,
    Stay,
    WaitingEntry,
)

# The rebook link books with the submission key "rebook-<item>-<slot>" (guest.rebook):
# it names the cancelled item each rebooking replaces.

@dataclass
class ClosedBooking:
    """One item a closure cancels (or cancelled), with what its guest did since."""

    item: BookingItem
    stay: Stay
    rebooked: list[BookingItem] = field(default_factory=list)
    waiting: list[WaitingEntry] = field(default_factory=list)


def _items(slot: Slot, states) -> list[BookingItem]:
    return list(db.session.scalars(
        select(BookingItem).where(BookingItem.slot_id == slot.id, BookingItem.state.in_(states))
        .options(joinedload(BookingItem.booking).joinedload(Booking.stay)
                 .selectinload(Stay.members),
                 selectinload(BookingItem.participants))
        .order_by(BookingItem.id)))


def closure_preview(slot: Slot) -> list[ClosedBooking]:
    """Return the bookings closing the slot would cancel, with their guests (three queries)."""
    return [ClosedBooking(item, item.booking.stay) for item in _items(slot, HOLDING_STATES)]


def closure_outcome(slot: Slot) -> list[ClosedBooking]:
    """Return the items the closure cancelled, each with the items its guest booked
    through the rebook links and the waiting entries for the same service (five queries)."""
    rows = [ClosedBooking(item, item.booking.stay)
            for item in _items(slot, [ItemState.CANCELLED_BY_HOTEL])]
    if not rows:
        return rows
    by_item = {row.item.id: row for row in rows}
    stays = {row.stay.id for row in rows}
    rebookings = db.session.scalars(
        select(Booking).where(Booking.stay_id.in_(stays), Booking.submission_key.like("rebook-%"))
        .options(selectinload(Booking.items).joinedload(BookingItem.slot)))
    for booking in rebookings:
        item_id = booking.submission_key.split("-")[1]
        if item_id.isdigit() and int(item_id) in by_item:
            by_item[int(item_id)].rebooked.extend(
                item for item in booking.items if item.state in HOLDING_STATES)
    entries = db.session.scalars(
        select(WaitingEntry).where(WaitingEntry.stay_id.in_(stays),
                                   WaitingEntry.service_id == slot.service_id,
                                   WaitingEntry.state.in_(ACTIVE_WAITING_STATES))
        .options(joinedload(WaitingEntry.slot)))
    for entry in entries:
        for row in rows:
            if row.stay.id == entry.stay_id:
                row.waiting.append(entry)
    return rows
