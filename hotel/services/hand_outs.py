"""Handing rental units out to booking items and taking them back: the only code that
writes hand-outs.

A hand-out holds its unit on each day of the item with a row per day; the unique index on
(unit, day) makes the database refuse the same unit to a second item on any of those days,
whatever number of desks and processes hand out at once. A return says how the unit came
back; a damaged one goes out of service, with the capacity effect of any period out of
service, until reception marks it repaired.
"""

from datetime import date, timedelta
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    Booking,
    BookingItem,
    Condition,
    HandOut,
    HandOutDay,
    ItemState,
    Kind,
    OutOfService,
    RentalUnit,
    Role,
    Service,
    StaffUser,
)
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.capacity import days_between
from hotel.services.errors import DomainError, Forbidden, NotAllowed, NotFound, Unavailable
from hotel.services.inventory import MAX_PERIOD_DAYS, MAX_REASON, lock_service_of_kind
from hotel.services.plain_text import check_text
from hotel.services.rentals import bring_back_into_service, take_out_of_service
from hotel.services.run_sheet import collect_on

LARGEST_DEPOSIT = Decimal("100000")


def check_department(actor: StaffUser, service: Service) -> None:
    """:raises Forbidden: department staff acting on another department's rental."""
    if actor.role == Role.STAFF and actor.department_id != service.department_id:
        raise Forbidden(_("This rental belongs to another department."))


def _lock(query) -> None:
    # On PostgreSQL the row is locked until the transaction ends, so that two desks
    # acting on one item or hand-out take turns; SQLite's BEGIN IMMEDIATE already did.
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(query.with_for_update())


def rental_item(item_id: int) -> BookingItem | None:
    """Return a rental's booking item with its service, booking and stay, or None."""
    item = db.session.scalar(
        select(BookingItem).join(BookingItem.service)
        .where(BookingItem.id == item_id, Service.kind == Kind.RENTAL)
        .options(selectinload(BookingItem.service).selectinload(Service.texts),
                 selectinload(BookingItem.booking).selectinload(Booking.stay)))
    return item


def _unit_kept_elsewhere(unit_id: int, first: date):
    """A query of an earlier hand-out of the unit that has not come back, past its days."""
    return select(HandOut.id).where(HandOut.unit_id == unit_id, HandOut.returned_at.is_(None),
                                    HandOut.last_on < first)


def _unit_repaired(unit_id, first: date, last: date):
    return select(OutOfService.id).where(OutOfService.unit_id == unit_id,
                                         OutOfService.starts_on <= last,
                                         OutOfService.ends_on >= first)


def free_units(item: BookingItem) -> list[RentalUnit]:
    """Return the units of the item's rental free on each of its days (one query)."""
    first, last = item.start_on, item.end_on or item.start_on
    held = select(HandOutDay.unit_id).where(HandOutDay.day.between(first, last))
    kept = select(HandOut.unit_id).where(HandOut.returned_at.is_(None), HandOut.last_on < first)
    repaired = select(OutOfService.unit_id).where(
        OutOfService.service_id == item.service_id, OutOfService.unit_id.is_not(None),
        OutOfService.starts_on <= last, OutOfService.ends_on >= first)
    return db.session.scalars(
        select(RentalUnit).where(RentalUnit.service_id == item.service_id,
                                 RentalUnit.in_stock.is_(True), RentalUnit.id.not_in(held),
                                 RentalUnit.id.not_in(kept), RentalUnit.id.not_in(repaired))
        .order_by(RentalUnit.number)).all()


def check_deposit(deposit: Decimal | None) -> Decimal | None:
    """:raises DomainError: a deposit below zero or beyond what the desk takes."""
    if deposit is not None and not Decimal(0) <= deposit <= LARGEST_DEPOSIT:
        raise DomainError(_("Please enter a deposit from 0 to %(max)s.",
                            max=LARGEST_DEPOSIT), "deposit")
    return deposit


def _check_can_hand_out(item: BookingItem, unit: RentalUnit | None, actor: StaffUser,
                        today: date) -> None:
    check_department(actor, item.service)
    first, last = item.start_on, item.end_on or item.start_on
    if item.state != ItemState.CONFIRMED:
        raise NotAllowed(_("Only a confirmed booking can be handed out."))
    if last < today:
        raise NotAllowed(_("The days of this booking are over."))
    out = db.session.scalar(select(func.count()).select_from(HandOut).where(
        HandOut.item_id == item.id, HandOut.returned_at.is_(None)))
    if out >= item.quantity:
        raise NotAllowed(_("Every unit of this booking is handed out already."))
    if unit is None or unit.service_id != item.service_id or not unit.in_stock:
        raise DomainError(_("Please choose a unit of this rental."), "unit")
    if db.session.scalar(_unit_repaired(unit.id, first, last).limit(1)) is not None:
        raise Unavailable(_("This unit is out of service on some of these days."), "unit")
    if db.session.scalar(_unit_kept_elsewhere(unit.id, first).limit(1)) is not None:
        raise Unavailable(_("This unit has not come back from its last booking yet."), "unit")


def hand_out(item_id: int, unit_id: int, actor: StaffUser, deposit: Decimal | None = None,
             today: date | None = None) -> HandOut:
    """Give a free unit to a confirmed booking item for its days, with the deposit taken.

    :raises NotFound: no such rental item.
    :raises Forbidden: the rental is another department's.
    :raises NotAllowed: the item is not confirmed, is over, or has all its units.
    :raises DomainError: the unit is not one of the rental's, or the deposit is wrong.
    :raises Unavailable: the unit is out of service, not back, or given to another item
        on one of these days (then the database refused it); nothing was written.
    """
    today = today or hotel_today()
    check_deposit(deposit)
    try:
        with write_transaction():
            _lock(select(BookingItem.id).where(BookingItem.id == item_id))
            item = rental_item(item_id)
            if item is None:
                raise NotFound(_("This booking does not exist."))
            unit = db.session.get(RentalUnit, unit_id)
            _check_can_hand_out(item, unit, actor, today)
            first, last = item.start_on, item.end_on or item.start_on
            given = HandOut(unit_id=unit.id, item_id=item.id, first_on=first, last_on=last,
                            due_on=collect_on(item.service.pricing_unit, first, last),
                            handed_out_by_id=actor.id, deposit=deposit)
            db.session.add(given)
            db.session.flush()
            db.session.execute(insert(HandOutDay), [
                {"hand_out_id": given.id, "unit_id": unit.id, "day": day}
                for day in days_between(first, last)])
            audit.record("rental.handed_out", item, actor, booking=item.booking.reference,
                         unit=unit.id, number=unit.number, first_on=first, last_on=last,
                         deposit=deposit)
    except IntegrityError:
        db.session.rollback()
        raise Unavailable(_("This unit is already handed out on some of these days. "
                            "Please choose another."), "unit") from None
    return given


def _check_return(condition: str, note: str) -> tuple[Condition, str]:
    try:
        condition = Condition(condition)
    except ValueError:
        raise DomainError(_("Please say how the unit came back."), "condition") from None
    note = check_text((note or "").strip(), "note", multiline=True)
    if len(note) > MAX_REASON:
        raise DomainError(_("Please keep the note to %(num)d characters.", num=MAX_REASON),
                          "note")
    if condition == Condition.DAMAGED and not note:
        raise DomainError(_("Please write what is damaged."), "note")
    return condition, note


def return_unit(hand_out_id: int, condition: str, note: str, actor: StaffUser,
                deposit_returned: bool = False, today: date | None = None) -> HandOut:
    """Take a unit back: fine, or damaged with a note, which puts the unit out of service
    from today until it is repaired; the deposit is marked returned if asked.

    :raises NotFound: no such hand-out.
    :raises Forbidden: the rental is another department's.
    :raises NotAllowed: the unit has come back already.
    :raises DomainError: no condition, or damaged without a note.
    :raises Unavailable: damaged, but every unit left in service is booked on some day.
    """
    today = today or hotel_today()
    condition, note = _check_return(condition, note)
    with write_transaction():
        given = db.session.get(HandOut, hand_out_id)
        if given is None:
            raise NotFound(_("This hand-out does not exist."))
        unit = db.session.get(RentalUnit, given.unit_id)
        check_department(actor, unit.service)
        now = utcnow()
        values = {"returned_at": now, "returned_by_id": actor.id, "condition": condition,
                  "damage_note": note}
        if deposit_returned and given.deposit is not None:
            values["deposit_returned_at"] = now
        claimed = db.session.execute(
            update(HandOut).where(HandOut.id == given.id, HandOut.returned_at.is_(None))
            .values(**values).execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            raise NotAllowed(_("This unit has come back already."))
        # The unit is free again for the rest of its days.
        db.session.execute(delete(HandOutDay).where(HandOutDay.hand_out_id == given.id,
                                                    HandOutDay.day >= today))
        if condition == Condition.DAMAGED:
            service = lock_service_of_kind(unit.service_id, Kind.RENTAL)
            period = take_out_of_service(
                service, 1, today, today + timedelta(days=MAX_PERIOD_DAYS - 1), note, actor,
                unit_id=unit.id, field_name="condition")
            db.session.execute(update(HandOut).where(HandOut.id == given.id)
                               .values(out_of_service_id=period.id))
        audit.record("rental.returned", given, actor, unit=unit.id, number=unit.number,
                     condition=condition.value, note=note or None,
                     deposit_returned=bool(values.get("deposit_returned_at")))
    db.session.expire(given)
    return given


def mark_repaired(unit_id: int, actor: StaffUser, today: date | None = None) -> RentalUnit:
    """Bring a damaged unit back into service from today.

    :raises NotFound: no such unit.
    :raises DomainError: the unit is not out of service.
    """
    today = today or hotel_today()
    with write_transaction():
        unit = db.session.get(RentalUnit, unit_id)
        if unit is None:
            raise NotFound(_("This unit does not exist."))
        lock_service_of_kind(unit.service_id, Kind.RENTAL)
        periods = db.session.scalars(select(OutOfService).where(
            OutOfService.unit_id == unit.id, OutOfService.ends_on >= today)).all()
        if not periods:
            raise DomainError(_("This unit is not out of service."), "unit")
        for period in periods:
            bring_back_into_service(period, actor, today)
        audit.record("rental.repaired", unit, actor, service=unit.service.slug,
                     number=unit.number)
    return unit


def label_unit(unit_id: int, label: str, actor: StaffUser) -> RentalUnit:
    """Give a unit a name of its own, or an empty one for the rental's name and number.

    :raises NotFound: no such unit.
    :raises DomainError: the label is too long or not plain text.
    """
    label = check_text((label or "").strip(), "label")
    if len(label) > 60:
        raise DomainError(_("Please keep the name to %(num)d characters.", num=60), "label")
    with write_transaction():
        unit = db.session.get(RentalUnit, unit_id)
        if unit is None:
            raise NotFound(_("This unit does not exist."))
        old, unit.label = unit.label, label
        audit.record("rental.unit_labelled", unit, actor, service=unit.service.slug,
                     number=unit.number, old=old, new=label)
    return unit
