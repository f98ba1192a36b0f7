"""Reserving and releasing capacity: the only code that changes the booked counters and
the places of the people in a slot.

Every reservation is one conditional statement (``booked = booked + n WHERE booked + n <=
capacity``; for a rental, an upsert of its days that makes a missing day's row with the
free stock): the database applies it atomically, so two processes can never both take
the last place. It must run inside ``write_transaction()``; when it raises, the caller's
transaction is rolled back, and with it anything reserved earlier in the same booking.
Counters the session has loaded are kept as the statements left them.
"""

from datetime import date, timedelta
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import (
    Date,
    Integer,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from hotel.extensions import db
from hotel.models import (
    BookingItem,
    Kind,
    OutOfService,
    PartyMember,
    RentalDay,
    Service,
    Slot,
    booking_item_participant,
)
from hotel.services.errors import DomainError, Unavailable


def days_between(first: date, last: date) -> list[date]:
    """Return every day from ``first`` to ``last``, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


_OUT_OF_SERVICE = select(OutOfService.starts_on, OutOfService.ends_on, OutOfService.units).where(
    OutOfService.service_id == bindparam("service_id"),
    OutOfService.starts_on <= bindparam("last"), OutOfService.ends_on >= bindparam("first"))


def units_out_of_service(service_id: int, first: date, last: date) -> dict[date, int]:
    """Return, for each day with any, how many units are out of service (one query)."""
    periods = db.session.execute(
        _OUT_OF_SERVICE, {"service_id": service_id, "first": first, "last": last})
    out: dict[date, int] = {}
    for starts_on, ends_on, units in periods:
        for day in days_between(max(starts_on, first), min(ends_on, last)):
            out[day] = out.get(day, 0) + units
    return out


def _insert(table):
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def _insert_ignoring_duplicates(rows: list[dict]):
    statement = _insert(RentalDay).values(rows)
    return statement.on_conflict_do_nothing(index_elements=["service_id", "day"])


def _lock_stock(service_id: int) -> None:
    """Hold a share lock on the service row on PostgreSQL until the transaction ends.

    A stock change or units going out of service lock the row for update, so a first
    booking of a day waits for them, and its next statement sees what they wrote. SQLite
    needs nothing: ``BEGIN IMMEDIATE`` has made the transaction the only writer.
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(Service.id).where(Service.id == service_id)
                           .with_for_update(read=True))


def ensure_rental_days(service: Service, first: date, last: date) -> None:
    """Make sure a counter row exists for each day; a new one starts with the free stock.

    The stock is read under a share lock on PostgreSQL, so that a stock change or units
    going out of service (which lock the service row for update) cannot slip in between.
    """
    _lock_stock(service.id)
    stock = db.session.scalar(select(Service.stock).where(Service.id == service.id)) or 0
    out = units_out_of_service(service.id, first, last)
    rows = [
        {"service_id": service.id, "day": day, "booked": 0,
         "capacity": max(stock - out.get(day, 0), 0)}
        for day in days_between(first, last)
    ]
    db.session.execute(_insert_ignoring_duplicates(rows))


def _stock_and_out(service_id, day) -> tuple:
    """Return expressions of a rental's stock and of its units out of service on a day."""
    stock = func.coalesce(select(Service.stock).where(Service.id == service_id)
                          .scalar_subquery(), 0)
    out = func.coalesce(select(func.sum(OutOfService.units)).where(
        OutOfService.service_id == service_id, OutOfService.starts_on <= day,
        OutOfService.ends_on >= day).scalar_subquery(), 0)
    return stock, out


@lru_cache(maxsize=64)
def _rental_upsert(dialect: str, day_count: int):
    """Return the statement that books ``:quantity`` units of rental ``:service_id`` on
    each of the days ``:day_0`` ..., or on none of some; made once for each number of days.

    A day that has its counter row gets ``booked + quantity`` if that fits its capacity;
    a day without one gets a row with the free stock, if the units fit it. The days
    booked come back (RETURNING): fewer than asked means some day had no room.
    """
    table = RentalDay.__table__
    service_id = bindparam("service_id", type_=Integer)
    quantity = bindparam("quantity", type_=Integer)
    each_day = [select(bindparam(f"day_{n}", type_=Date).label("day"))
                for n in range(day_count)]
    wanted = (union_all(*each_day) if day_count > 1 else each_day[0]).subquery("wanted")
    stock, out = _stock_and_out(service_id, wanted.c.day)
    days_free = select(wanted.c.day, (stock - out).label("free")).subquery("days_free")
    free = days_free.c.free  # may be below 0 (more units out than in stock): never fits
    has_row = exists().where(table.c.service_id == service_id, table.c.day == days_free.c.day)
    rows = select(service_id, days_free.c.day, case((free >= quantity, free), else_=quantity),
                  quantity).where((free >= quantity) | has_row)
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table).from_select(["service_id", "day", "capacity", "booked"], rows)
    booked = table.c.booked + statement.excluded.booked
    return statement.on_conflict_do_update(
        index_elements=[table.c.service_id, table.c.day], set_={"booked": booked},
        where=booked <= table.c.capacity,
    ).returning(table.c.day)


def _forget_rental_days(service_id: int, first: date, last: date) -> None:
    """Expire the counters of a rental's days that the session holds (no statement)."""
    for obj in list(db.session.identity_map.values()):
        if isinstance(obj, RentalDay) and obj.service_id == service_id \
                and first <= obj.day <= last:
            db.session.expire(obj, ["booked", "capacity"])


def _set_slot_booked(slot_id: int, booked: int) -> None:
    """Give the session's copy of a slot, if it holds one, the count the database has."""
    slot = db.session.identity_map.get(identity_key(Slot, slot_id))
    if slot is not None:
        set_committed_value(slot, "booked", booked)


def _reserve_slot(slot_id: int, quantity: int) -> None:
    booked = db.session.scalar(
        update(Slot)
        .where(
            Slot.id == slot_id,
            Slot.closed.is_(False),
            Slot.booked + quantity <= Slot.capacity,
        )
        .values(booked=Slot.booked + quantity)
        .returning(Slot.booked)
        .execution_options(synchronize_session=False)
    )
    if booked is None:
        raise Unavailable(_("Sorry, there are not enough places left at this time."))
    _set_slot_booked(slot_id, booked)


def _reserve_rental(service: Service, first: date, last: date, quantity: int) -> None:
    days = days_between(first, last)
    _lock_stock(service.id)
    statement = _rental_upsert(db.session.get_bind().dialect.name, len(days))
    values = {"service_id": service.id, "quantity": quantity,
              **{f"day_{n}": day for n, day in enumerate(days)}}
    booked = db.session.scalars(statement, values).all()
    if len(booked) != len(days):
        raise Unavailable(_("Sorry, not enough units are free on the days you chose."))
    _forget_rental_days(service.id, first, last)


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
        booked = db.session.scalar(
            update(Slot)
            .where(Slot.id == slot_id)
            .values(booked=Slot.booked - quantity)
            .returning(Slot.booked)
            .execution_options(synchronize_session=False)
        )
        if booked is not None:
            _set_slot_booked(slot_id, booked)
    elif service.kind == Kind.RENTAL:
        db.session.execute(
            update(RentalDay)
            .where(and_(RentalDay.service_id == service.id, RentalDay.day.between(first, last)))
            .values(booked=RentalDay.booked - quantity)
            .execution_options(synchronize_session=False)
        )
        _forget_rental_days(service.id, first, last)


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


def seat_participants(items: list[tuple[BookingItem, int | None, list[PartyMember]]]) -> None:
    """Write who takes part in each new item, with their place in its slot if it has one,
    all in one statement; each item's ``participants`` is then as written.

    The unique index on (slot, person) makes the database refuse a second place for the
    same person at the same time, whatever number of processes book at once.

    :raises DomainError: someone already has a place in a slot (the same answer as the
        rules' own check gives); the caller's transaction must roll back.
    """
    rows = [{"booking_item_id": item.id, "party_member_id": member.id, "slot_id": slot_id}
            for item, slot_id, people in items for member in people]
    for item, _slot_id, people in items:
        set_committed_value(item, "participants", sorted(people, key=lambda m: m.position))
    if not rows:
        return
    try:
        db.session.execute(insert(booking_item_participant), rows)
    except IntegrityError:
        raise DomainError(_("Someone in your party already has a place at this time."),
                          "participants") from None


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
