"""What the desk needs to see today, each part in one or two queries."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import (
    HOLDING_STATES,
    Booking,
    BookingItem,
    ItemState,
    Kind,
    RentalDay,
    Service,
    Stay,
)
from hotel.services.item_rows import (
    department_values,
    in_department,
    item_row_loaders,
    service_names,
)
from hotel.services.pages import COUNT_LIMIT, Page, counting

LOW_STOCK_DAYS = 3

# Today runs each of its statements on every request, and building one costs a good part
# of running it: each is built once for each shape (for a department or all, in which
# languages), its values bound when it runs.


@lru_cache(maxsize=64)
def _waiting_statements(by_department: bool, services_loaded: bool,
                        locales: tuple[str, ...]):
    query = select(BookingItem).where(BookingItem.state == ItemState.REQUESTED)
    if by_department:
        query = in_department(query.join(BookingItem.service), True)
    rows = (query.order_by(BookingItem.booking_id, BookingItem.id)
            .options(*item_row_loaders(services_loaded, locales)).limit(bindparam("size")))
    return counting(query), rows


def waiting_requests(department_id: int | None = None, limit: int = 25,
                     services: dict[int, Service] | None = None) -> Page:
    """Return the first ``limit`` items waiting for an answer, oldest request first, and
    how many are waiting (counted up to a thousand). Their services are taken from
    ``services`` (by id) if given, else loaded with them.

    Bookings are numbered as they are made; the waiting items' own index gives them in
    that order.
    """
    counted, rows = _waiting_statements(department_id is not None, services is not None,
                                        text_locales())
    values = department_values(department_id)
    total = db.session.scalar(counted, values) or 0
    items = list(db.session.scalars(rows, {**values, "size": limit}))
    if services is not None:
        for item in items:  # read only: the page writes nothing
            set_committed_value(item, "service", services[item.service_id])
    return Page(items, 1, limit, total, COUNT_LIMIT)


@dataclass
class Prebooked:
    """What a stay booked of one service, summed: units and the days it covers."""

    service: Service
    quantity: int
    first: date
    last: date


@dataclass
class StayWithItems:
    stay: Stay
    items: list[Prebooked]


@lru_cache(maxsize=4)
def _prebooked_statement(by_department: bool):
    collected = and_(Booking.stay_id.in_(bindparam("leaving", expanding=True)),
                     Service.kind == Kind.RENTAL,
                     func.coalesce(BookingItem.end_on, BookingItem.start_on)
                     >= bindparam("since"))
    query = (
        select(Booking.stay_id, BookingItem.service_id, func.sum(BookingItem.quantity),
               func.min(BookingItem.start_on),
               func.max(func.coalesce(BookingItem.end_on, BookingItem.start_on)))
        .join(BookingItem.booking).join(BookingItem.service)
        .where(or_(Booking.stay_id.in_(bindparam("arriving", expanding=True)), collected),
               BookingItem.state.in_(HOLDING_STATES))
        .group_by(Booking.stay_id, BookingItem.service_id)
    )
    return in_department(query, by_department)


def _prebooked(arriving: list[Stay], leaving: list[Stay], day: date,
               department_id: int | None) -> list:
    """Sum, per stay and service, the holding items of the arriving stays, and the rentals
    the leaving stays still have out (to collect), in one grouped query."""
    if not arriving and not leaving:
        return []
    return db.session.execute(_prebooked_statement(department_id is not None), {
        "arriving": [stay.id for stay in arriving], "leaving": [stay.id for stay in leaving],
        "since": day - timedelta(days=1), **department_values(department_id)}).all()


_ARRIVING_OR_LEAVING = (
    select(Stay).where(or_(Stay.arrival_on == bindparam("day"),
                           Stay.departure_on == bindparam("day")))
    .options(joinedload(Stay.members)).order_by(Stay.room))


def _with_items(stays: list[Stay], rows: list, services: dict) -> list[StayWithItems]:
    by_stay: dict[int, list[Prebooked]] = {}
    for stay_id, service_id, quantity, first, last in rows:
        by_stay.setdefault(stay_id, []).append(
            Prebooked(services[service_id], int(quantity), first, last))
    for items in by_stay.values():
        items.sort(key=lambda item: (item.first, item.service.position))
    return [StayWithItems(stay, by_stay.get(stay.id, [])) for stay in stays]


def _services_by_id(service_ids: set[int]) -> dict[int, Service]:
    """Load the services of the ids with their names, by id (one query, none without)."""
    if not service_ids:
        return {}
    return {service.id: service for service in db.session.scalars(
        select(Service).where(Service.id.in_(service_ids)).options(*service_names()))}


def arrivals_and_departures(day: date, department_id: int | None = None,
                            services: dict[int, Service] | None = None
                            ) -> tuple[list[StayWithItems], list[StayWithItems]]:
    """Return the stays arriving on a day with what they booked ahead, and the stays
    leaving with the rentals to collect from them (two queries, two more unless the
    services are given by id). A stay arrives or leaves on the day, never both."""
    stays = db.session.scalars(_ARRIVING_OR_LEAVING, {"day": day}).unique().all()
    arriving = [stay for stay in stays if stay.arrival_on == day]
    leaving = [stay for stay in stays if stay.departure_on == day]
    rows = _prebooked(arriving, leaving, day, department_id)
    arriving_ids = {stay.id for stay in arriving}
    booked = [row for row in rows if row[0] in arriving_ids]
    collected = [row for row in rows if row[0] not in arriving_ids]
    if services is None:
        services = _services_by_id({row[1] for row in rows})
    return _with_items(arriving, booked, services), _with_items(leaving, collected, services)


@dataclass
class StockWatch:
    service: Service
    day: date
    remaining: int
    capacity: int


@lru_cache(maxsize=4)
def _low_stock_statement(by_department: bool):
    query = (
        select(RentalDay.service_id, RentalDay.day, RentalDay.capacity, RentalDay.booked)
        .join(RentalDay.service)
        .where(RentalDay.day.between(bindparam("first"), bindparam("last")),
               RentalDay.capacity - RentalDay.booked <= bindparam("at_most"),
               Service.active.is_(True))
        .order_by(RentalDay.day)
    )
    return in_department(query, by_department)


def rentals_running_low(first: date, days: int = LOW_STOCK_DAYS, at_most: int = 1,
                        department_id: int | None = None,
                        services: dict[int, Service] | None = None) -> list[StockWatch]:
    """Return, per rental, the tightest day in the coming days when at most ``at_most``
    units are left (one query, and one for the rentals' names unless ``services`` gives
    them by id; days nobody booked yet have the whole stock free).
    """
    last = first + timedelta(days=days - 1)
    rows = db.session.execute(_low_stock_statement(department_id is not None), {
        "first": first, "last": last, "at_most": at_most,
        **department_values(department_id)}).all()
    if services is None:
        services = _services_by_id({row.service_id for row in rows})
    tightest: dict[int, StockWatch] = {}
    for row in rows:
        remaining = row.capacity - row.booked
        known = tightest.get(row.service_id)
        if known is None or remaining < known.remaining:
            tightest[row.service_id] = StockWatch(services[row.service_id], row.day,
                                                  remaining, row.capacity)
    return sorted(tightest.values(), key=lambda watch: (watch.remaining, watch.day))


def overdue_tickets(department_id: int | None = None, now=None, limit: int = 25):
    """Return guests' tickets past their response-time target, most overdue first."""
    from hotel.services.tickets import desk_tickets  # tickets build on the desk's queries

    return desk_tickets(department_id=department_id, overdue=True, now=now, limit=limit,
                        counted=False)[0]
