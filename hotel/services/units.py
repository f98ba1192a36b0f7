"""Rental units: numbered from a rental's stock and kept equal to it, each named in the
reader's language, and what each one is doing today.

A unit is never deleted: one taken out of stock keeps the hand-outs it had, and comes back
first when the stock rises again. Only units that are free from today on (not handed out,
not held for a booking's coming days, not being repaired) are taken out of stock.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, text, union
from sqlalchemy.orm import joinedload

from hotel.extensions import db
from hotel.i18n import localized
from hotel.models import (
    Booking,
    BookingItem,
    HandOut,
    HandOutDay,
    OutOfService,
    RentalUnit,
    Service,
    Stay,
)
from hotel.services.errors import Unavailable


def unit_name(unit: RentalUnit, service: Service | None = None) -> str:
    """Return a unit's name: the label a manager gave it, or the rental's name and number."""
    if unit.label:
        return unit.label
    return _("%(service)s %(number)d", service=localized(service or unit.service),
             number=unit.number)


def units_text(hand_outs: list, service: Service) -> str:
    """Return the units handed out to an item as one text, those back marked so."""
    return ", ".join(unit_name(given.unit, service) if given.is_out
                     else _("%(unit)s (back)", unit=unit_name(given.unit, service))
                     for given in hand_outs)


def units_in_stock(service_id: int) -> int:
    """Count a rental's units in stock."""
    return db.session.scalar(select(func.count()).select_from(RentalUnit).where(
        RentalUnit.service_id == service_id, RentalUnit.in_stock.is_(True)))


def match_units(service: Service, stock: int, today: date) -> None:
    """Give a rental exactly ``stock`` units in stock, inside the caller's write
    transaction: units are added (those taken out earlier first), or free ones taken out,
    the highest numbers first.

    :raises Unavailable: too few units are free from today on to take out; the caller's
        transaction must roll back.
    """
    have = units_in_stock(service.id)
    if stock > have:
        _add_units(service.id, stock - have)
    elif stock < have:
        _take_out_of_stock(service.id, have - stock, have, today)


def _add_units(service_id: int, count: int) -> None:
    earlier = db.session.scalars(
        select(RentalUnit).where(RentalUnit.service_id == service_id,
                                 RentalUnit.in_stock.is_(False))
        .order_by(RentalUnit.number).limit(count)).all()
    for unit in earlier:
        unit.in_stock = True
    count -= len(earlier)
    if count <= 0:
        return
    top = db.session.scalar(select(func.max(RentalUnit.number))
                            .where(RentalUnit.service_id == service_id)) or 0
    # One statement whatever the count: the numbers are made by the database.
    db.session.execute(text(
        "WITH RECURSIVE numbers(n) AS (SELECT CAST(:first AS INTEGER) UNION ALL "
        "SELECT n + 1 FROM numbers WHERE n < :last) "
        "INSERT INTO rental_unit (service_id, number, label, in_stock) "
        "SELECT :service_id, n, '', :in_stock FROM numbers"),
        {"first": top + 1, "last": top + count, "service_id": service_id, "in_stock": True})


def busy_units(service_id: int, today: date):
    """Return a query of the ids of a rental's units that are not free from today on: held
    for a booking's days, not back yet, or being repaired."""
    held = select(HandOutDay.unit_id).join(RentalUnit, RentalUnit.id == HandOutDay.unit_id) \
        .where(RentalUnit.service_id == service_id, HandOutDay.day >= today)
    out = select(HandOut.unit_id).join(RentalUnit, RentalUnit.id == HandOut.unit_id) \
        .where(RentalUnit.service_id == service_id, HandOut.returned_at.is_(None))
    repaired = select(OutOfService.unit_id).where(
        OutOfService.service_id == service_id, OutOfService.unit_id.is_not(None),
        OutOfService.ends_on >= today)
    return union(held, out, repaired)


def _take_out_of_stock(service_id: int, count: int, have: int, today: date) -> None:
    free = db.session.scalars(
        select(RentalUnit).where(RentalUnit.service_id == service_id,
                                 RentalUnit.in_stock.is_(True),
                                 RentalUnit.id.not_in(busy_units(service_id, today)))
        .order_by(RentalUnit.number.desc()).limit(count)).all()
    if len(free) < count:
        raise Unavailable(_(
            "The stock cannot be less than %(least)d: the other units are handed out, "
            "held for a booking or being repaired.", least=have - len(free)), "stock")
    for unit in free:
        unit.in_stock = False


@dataclass
class UnitToday:
    """A unit and what it is doing: handed out (to which room), being repaired, or free."""

    unit: RentalUnit
    hand_out: HandOut | None = None
    room: str = ""
    guest_name: str = ""
    repair: OutOfService | None = None


def units_today(service: Service, today: date) -> list[UnitToday]:
    """Return a rental's units in stock, and any out of stock not back yet, with what each
    is doing (three queries)."""
    open_hand_outs = {row.HandOut.unit_id: row for row in db.session.execute(
        select(HandOut, Stay.room, Stay.first_name, Stay.last_name)
        .join(RentalUnit, RentalUnit.id == HandOut.unit_id)
        .join(BookingItem, BookingItem.id == HandOut.item_id)
        .join(Booking, Booking.id == BookingItem.booking_id)
        .join(Stay, Stay.id == Booking.stay_id)
        .where(RentalUnit.service_id == service.id, HandOut.returned_at.is_(None)))}
    repairs = {period.unit_id: period for period in db.session.scalars(
        select(OutOfService).where(OutOfService.service_id == service.id,
                                   OutOfService.unit_id.is_not(None),
                                   OutOfService.ends_on >= today))}
    units = db.session.scalars(
        select(RentalUnit).where(RentalUnit.service_id == service.id,
                                 RentalUnit.in_stock.is_(True)
                                 | RentalUnit.id.in_(list(open_hand_outs)))
        .order_by(RentalUnit.number)).all()
    shown = []
    for unit in units:
        entry = UnitToday(unit, repair=repairs.get(unit.id))
        row = open_hand_outs.get(unit.id)
        if row is not None:
            entry.hand_out, entry.room = row.HandOut, row.room
            entry.guest_name = f"{row.first_name} {row.last_name}".strip()
        shown.append(entry)
    return shown


_HAND_OUTS = (select(HandOut).where(HandOut.item_id.in_(bindparam("ids", expanding=True)))
              .options(joinedload(HandOut.unit)).order_by(HandOut.id))


def hand_outs_of(item_ids: list[int]) -> dict[int, list[HandOut]]:
    """Return each item's hand-outs with their units, the latest last (one query, none
    without items)."""
    found: dict[int, list[HandOut]] = {}
    if not item_ids:
        return found
    for hand_out in db.session.scalars(_HAND_OUTS, {"ids": item_ids}):
        found.setdefault(hand_out.item_id, []).append(hand_out)
    return found


@dataclass
class DueUnit:
    """A unit not back yet that is due on the day or before: who has it, since when."""

    hand_out: HandOut
    unit: RentalUnit
    service: Service
    room: str
    guest_name: str
    reference: str

    @property
    def due_on(self) -> date:
        return self.hand_out.due_on


@lru_cache(maxsize=4)
def _due_statement(by_department: bool):
    """The statement of ``due_units``, built once: Today and the run sheet run it on every
    request."""
    query = (
        select(HandOut, RentalUnit, Stay.room, Stay.first_name, Stay.last_name,
               Booking.reference)
        .join(RentalUnit, RentalUnit.id == HandOut.unit_id)
        .join(BookingItem, BookingItem.id == HandOut.item_id)
        .join(Booking, Booking.id == BookingItem.booking_id)
        .join(Stay, Stay.id == Booking.stay_id)
        .where(HandOut.returned_at.is_(None), HandOut.due_on <= bindparam("day"))
        .order_by(HandOut.due_on, Stay.room, HandOut.id).limit(bindparam("limit")))
    if by_department:
        query = query.join(Service, Service.id == RentalUnit.service_id) \
            .where(Service.department_id == bindparam("department_id"))
    return query


def due_units(day: date, department_id: int | None = None, limit: int = 50,
              services: dict[int, Service] | None = None) -> list[DueUnit]:
    """Return the units due back on the day and those overdue, the oldest first, with room
    and guest (one query: the hand-outs not back, through their index by due day; their
    services are taken from ``services`` if given, else from those the page loaded)."""
    values = {"day": day, "limit": limit}
    if department_id is not None:
        values["department_id"] = department_id
    rows = db.session.execute(_due_statement(department_id is not None), values).all()
    if services is None:
        # Found in the session when the page loaded its services (Today); else one query
        # per rental, as many as the hotel has.
        services = {service_id: db.session.get(Service, service_id)
                    for service_id in {row.RentalUnit.service_id for row in rows}}
    return [DueUnit(row.HandOut, row.RentalUnit, services[row.RentalUnit.service_id],
                    row.room, f"{row.first_name} {row.last_name}".strip(), row.reference)
            for row in rows]
