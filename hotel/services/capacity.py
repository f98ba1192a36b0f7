"""Reserving and releasing capacity: the only code that changes the booked counters and
the places of the people in a slot.

Every reservation is one conditional UPDATE (``booked = booked + n WHERE booked + n <=
capacity``): the database applies it atomically, so two processes can never both take
the last place. It must run inside ``write_transaction()``; when it raises, the caller's
transaction is rolled back, and with it anything reserved earlier in the same booking.
"""

from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from hotel.extensions import db
from hotel.models import Kind, OutOfService, RentalDay, Service, Slot, booking_item_participant
from hotel.services.errors import DomainError, Unavailable


def days_between(first: date, last: date) -> list[date]:
    """Return every day from ``first`` to ``last``, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def units_out_of_service(service_id: int, first: date, last: date) -> dict[date, int]:
    """Return, for each day with any, how many units are out of service (one query)."""
    periods = db.session.execute(
        select(OutOfService.starts_on, OutOfService.ends_on, OutOfService.units).where(
            OutOfService.service_id == service_id,
            OutOfService.starts_on <= last,
            OutOfService.ends_on >= first,
        )
    )
    out: dict[date, int] = {}
    for starts_on, ends_on, units in periods:
        for day in days_between(max(starts_on, first), min(ends_on, last)):
            out[day] = out.get(day, 0) + units
    return out


def _insert_ignoring_duplicates(rows: list[dict]):
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(RentalDay).values(rows)
    return statement.on_conflict_do_nothing(index_elements=["service_id", "day"])


def ensure_rental_days(service: Service, first: date, last: date) -> None:
    """Make sure a counter row exists for each day; a new one starts with the free stock.

    The stock is read under a share lock on PostgreSQL, so that a stock change or units
    going out of service (which lock the service row for update) cannot slip in between.
    """
    stock_query = select(Service.stock).where(Service.id == service.id)
    if db.session.get_bind().dialect.name == "postgresql":
        stock_query = stock_query.with_for_update(read=True)
    stock = db.session.scalar(stock_query) or 0
    out = units_out_of_service(service.id, first, last)
    rows = [
        {"service_id": service.id, "day": day, "booked": 0,
         "capacity": max(stock - out.get(day, 0), 0)}
        for day in days_between(first, last)
    ]
    db.session.execute(_insert_ignoring_duplicates(rows))


def _reserve_slot(slot_id: int, quantity: int) -> None:
    result = db.session.execute(
        update(Slot)
        .where(
            Slot.id == slot_id,
            Slot.closed.is_(False),
            Slot.booked + quantity <= Slot.capacity,
        )
        .values(booked=Slot.booked + quantity)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise Unavailable(_("Sorry, there are not enough places left at this time."))


def _reserve_rental(service: Service, first: date, last: date, quantity: int) -> None:
    ensure_rental_days(service, first, last)
    days = len(days_between(first, last))
    result = db.session.execute(
        update(RentalDay)
        .where(
            RentalDay.service_id == service.id,
            RentalDay.day.between(first, last),
            RentalDay.booked + quantity <= RentalDay.capacity,
        )
        .values(booked=RentalDay.booked + quantity)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != days:
        raise Unavailable(_("Sorry, not enough units are free on the days you chose."))


def reserve_capacity(service: Service, quantity: int, *, slot_id: int | None = None,
                     first: date | None = None, last: date | None = None) -> None:
    """Take ``quantity`` places of a slot, or units of a rental on each day, or nothing.

    :raises Unavailable: not enough capacity; the caller's transaction must roll back.
    """
    if service.kind == Kind.ACTIVITY:
        _reserve_slot(slot_id, quantity)
    elif service.kind == Kind.RENTAL:
        _reserve_rental(service, first, last, quantity)


def release_capacity(service: Service, quantity: int, *, slot_id: int | None = None,
                     first: date | None = None, last: date | None = None) -> None:
    """Give back what ``reserve_capacity`` took, for a cancelled or declined item."""
    if service.kind == Kind.ACTIVITY:
        db.session.execute(
            update(Slot)
            .where(Slot.id == slot_id)
            .values(booked=Slot.booked - quantity)
            .execution_options(synchronize_session=False)
        )
    elif service.kind == Kind.RENTAL:
        db.session.execute(
            update(RentalDay)
            .where(and_(RentalDay.service_id == service.id, RentalDay.day.between(first, last)))
            .values(booked=RentalDay.booked - quantity)
            .execution_options(synchronize_session=False)
        )


def change_rental_capacity(service_id: int, delta: int, first: date,
                           last: date | None = None) -> None:
    """Move the capacity of a rental's existing counter rows from ``first`` (to ``last``)
    by ``delta`` units, all of them or none: one conditional UPDATE that leaves no day
    with fewer units than are booked. Days without a row get theirs at first use.

    :raises Unavailable: some day would be left with fewer units than are booked; the
        caller's transaction must roll back.
    """
    where = [RentalDay.service_id == service_id, RentalDay.day >= first]
    if last is not None:
        where.append(RentalDay.day <= last)
    rows = db.session.scalar(select(func.count()).select_from(RentalDay).where(*where))
    result = db.session.execute(
        update(RentalDay)
        .where(*where, RentalDay.booked <= RentalDay.capacity + delta)
        .values(capacity=RentalDay.capacity + delta)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != rows:
        raise Unavailable(_("Sorry, the units are booked on some of these days."))


def set_slot_capacity(slot_id: int, capacity: int) -> None:
    """Set a slot's capacity, never below the places already booked (one conditional UPDATE).

    :raises Unavailable: more places are booked than the new capacity.
    """
    result = db.session.execute(
        update(Slot)
        .where(Slot.id == slot_id, Slot.booked <= capacity)
        .values(capacity=capacity)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise Unavailable(_("More places are already booked than the new capacity."))


def take_seats(item_id: int, slot_id: int) -> None:
    """Give each participant of an activity item their place in its slot.

    The unique index on (slot, person) makes the database refuse a second place for the
    same person at the same time, whatever number of processes book at once.

    :raises DomainError: someone in the item already has a place in the slot (the
        same answer as the rules' own check gives); the caller's transaction must roll back.
    """
    seats = booking_item_participant.c
    try:
        db.session.execute(update(booking_item_participant)
                           .where(seats.booking_item_id == item_id).values(slot_id=slot_id))
    except IntegrityError:
        raise DomainError(_("Someone in your party already has a place at this time."),
                          "participants") from None


def free_seats(item_id: int) -> None:
    """Give back the participants' places of an item that released its capacity."""
    seats = booking_item_participant.c
    db.session.execute(update(booking_item_participant)
                       .where(seats.booking_item_id == item_id).values(slot_id=None))
