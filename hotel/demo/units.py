"""The demo hotel's rental units in use: what went out before today is handed out, one
unit is overdue and one came back damaged; running it again changes nothing.

Units are made from each rental's stock when the catalogue is loaded. Items starting
today are left for the desk to hand out.
"""

from contextlib import suppress
from datetime import date

from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Booking, BookingItem, HandOut, ItemState, Kind, Service, StaffUser, Stay
from hotel.services.errors import DomainError
from hotel.services.hand_outs import free_units, hand_out, return_unit

# (stay, rental): the item whose unit came back damaged today, and what is wrong with it.
DAMAGED = ("LP23974", "kids-equipment", "The front wheel of the balance bike is bent.")
DEPOSIT = 50  # taken for cars and scooters


def _items_out(today: date) -> list[BookingItem]:
    """Return the confirmed rental items that began before today, in booking order."""
    return db.session.scalars(
        select(BookingItem).join(BookingItem.service)
        .where(Service.kind == Kind.RENTAL, BookingItem.state == ItemState.CONFIRMED,
               BookingItem.start_on < today)
        .order_by(BookingItem.id)).all()


def _hand_out_item(item: BookingItem, reception: StaffUser) -> None:
    units = free_units(item)[:item.quantity]
    deposit = DEPOSIT if item.service.slug in ("car-rental", "scooter-rental") else None
    for unit in units:
        hand_out(item.id, unit.id, reception, deposit=deposit, today=item.start_on)


def load_demo_units(today: date) -> int:
    """Hand out the units of what began before today, once; return how many went out."""
    reception = db.session.scalar(select(StaffUser).where(StaffUser.username == "reception"))
    if reception is None:
        return 0
    handed = {item_id for item_id, in db.session.execute(select(HandOut.item_id).distinct())}
    made = 0
    for item in _items_out(today):
        if item.id in handed:
            continue
        try:
            _hand_out_item(item, reception)
        except DomainError:  # no unit free: the demo does without this one
            continue
        made += 1
    _return_damaged(today, reception)
    return made


def _return_damaged(today: date, reception: StaffUser) -> None:
    reference, slug, note = DAMAGED
    given = db.session.scalar(
        select(HandOut).join(BookingItem, BookingItem.id == HandOut.item_id)
        .join(Booking, Booking.id == BookingItem.booking_id)
        .join(Stay, Stay.id == Booking.stay_id).join(Service, Service.id == BookingItem.service_id)
        .where(Stay.reference == reference, Service.slug == slug)
        .order_by(HandOut.id).limit(1))
    if given is None or given.returned_at is not None:
        return
    # If every other unit is booked, the demo keeps this one handed out.
    with suppress(DomainError):
        return_unit(given.id, "damaged", note, reception, today=today)

