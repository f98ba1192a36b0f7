"""The daily run sheet each department prints, and the week's plan for managers.

A day is a day at the hotel: an activity belongs to the day its slot starts on in the
hotel's time zone (a disco from 23:00 to 01:00 is on the evening it begins), a rental
is on the sheet the day its units go out and the day they come back, and a request on
every day it covers. Each part is loaded with a fixed number of queries, whatever the
number of bookings.
"""

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload, subqueryload

from hotel.clock import days_in_utc, hotel_day
from hotel.extensions import db
from hotel.models import (
    RELEASED_STATES,
    Booking,
    BookingItem,
    Department,
    ItemState,
    Kind,
    OutOfService,
    PartyMember,
    PricingUnit,
    RentalDay,
    Service,
    Slot,
    Stay,
    booking_item_participant,
)

WEEK_DAYS = 7
SHOWN_STATES = frozenset(ItemState) - RELEASED_STATES


class Task(enum.StrEnum):
    """What a department does with a rental on the day."""

    SET_UP = "set_up"  # put in the room before the guests arrive (cribs)
    HAND_OUT = "hand_out"
    COLLECT = "collect"
    HAND_OUT_AND_COLLECT = "hand_out_and_collect"  # used for this one day only


def collect_on(pricing_unit: PricingUnit, start_on: date, end_on: date | None) -> date:
    """Return the day a rental comes back: the morning after its last night, or the
    evening of its last day of use."""
    last = end_on or start_on
    return last + timedelta(days=1) if pricing_unit == PricingUnit.PER_UNIT_NIGHT else last


def rental_task(service: Service, start_on: date, end_on: date | None, day: date) -> Task | None:
    """Return what is to be done with a rented item on a day, or None if nothing."""
    goes_out = start_on == day
    comes_back = collect_on(service.pricing_unit, start_on, end_on) == day
    if goes_out and comes_back:
        return Task.HAND_OUT_AND_COLLECT
    if goes_out:
        return Task.SET_UP if service.delivered_on_arrival else Task.HAND_OUT
    return Task.COLLECT if comes_back else None


def _day_bounds(first: date, days: int = 1) -> tuple[datetime, datetime]:
    return days_in_utc(first, first + timedelta(days=days - 1))


@dataclass
class SheetLine:
    """One booking item on the sheet, as the department reads it."""

    item: BookingItem
    day: date
    task: Task | None = None

    @property
    def stay(self):
        return self.item.booking.stay

    @property
    def adults(self) -> list[PartyMember]:
        return [m for m in self.item.participants if not m.is_child]

    @property
    def children(self) -> list[PartyMember]:
        return [m for m in self.item.participants if m.is_child]

    @property
    def children_ages(self) -> list[int | None]:
        """The children's ages on the sheet's day (not on arrival)."""
        return [child.age_on(self.day) for child in self.children]

    @property
    def guests(self) -> int:
        return len(self.item.participants)


@dataclass
class SlotSheet:
    """An activity session and the bookings for it."""

    slot: Slot
    lines: list[SheetLine] = field(default_factory=list)


@dataclass
class RentalSheet:
    """A rental's stock on the day and the units to set up, hand out or collect."""

    service: Service
    out_of_service: int = 0
    booked: int = 0
    lines: list[SheetLine] = field(default_factory=list)

    @property
    def stock(self) -> int:
        return self.service.stock or 0

    @property
    def free(self) -> int:
        return max(self.stock - self.out_of_service - self.booked, 0)


@dataclass
class Totals:
    """How much a department has to do on the day."""

    activity_items: int = 0
    activity_guests: int = 0
    rental_units: int = 0
    rental_items: int = 0
    request_items: int = 0
    request_guests: int = 0

    @property
    def items(self) -> int:
        return self.activity_items + self.rental_items + self.request_items

    @property
    def guests(self) -> int:
        return self.activity_guests + self.request_guests


@dataclass
class DepartmentSheet:
    """One department's part of the run sheet."""

    department: Department
    slots: list[SlotSheet] = field(default_factory=list)
    rentals: list[RentalSheet] = field(default_factory=list)
    requests: list[SheetLine] = field(default_factory=list)

    @property
    def lines(self) -> list[SheetLine]:
        """Every booking item of the department, in the order the sheet shows them."""
        return ([line for slot in self.slots for line in slot.lines]
                + [line for rental in self.rentals for line in rental.lines]
                + self.requests)

    @property
    def is_empty(self) -> bool:
        return not (self.slots or self.requests or any(r.lines for r in self.rentals))

    @property
    def totals(self) -> Totals:
        totals = Totals()
        for slot in self.slots:
            totals.activity_items += len(slot.lines)
            totals.activity_guests += sum(line.guests for line in slot.lines)
        for rental in self.rentals:
            totals.rental_items += len(rental.lines)
            totals.rental_units += sum(line.item.quantity for line in rental.lines)
        totals.request_items = len(self.requests)
        totals.request_guests = sum(line.guests for line in self.requests)
        return totals


@dataclass
class RunSheet:
    """The run sheet of a day, one part per department."""

    day: date
    departments: list[DepartmentSheet]
    include_cancelled: bool = False

    @property
    def lines(self) -> list[SheetLine]:
        return [line for sheet in self.departments for line in sheet.lines]


def _departments(department_id: int | None) -> list[Department]:
    query = select(Department).order_by(Department.slug)
    if department_id is not None:
        query = query.where(Department.id == department_id)
    return list(db.session.scalars(query))


def _in_department(query, department_id: int | None):
    return query if department_id is None else query.where(Service.department_id == department_id)


def _slots(day: date, department_id: int | None) -> list[Slot]:
    start, end = _day_bounds(day)
    query = (select(Slot).join(Slot.service)
             .where(Slot.starts_at >= start, Slot.starts_at < end)
             .options(contains_eager(Slot.service))
             .order_by(Slot.starts_at, Service.position, Slot.id))
    return list(db.session.scalars(_in_department(query, department_id)))


def _items(day: date, department_id: int | None, states) -> list[BookingItem]:
    """Load every item on the day's sheet, with what the sheet shows, in one go."""
    start, end = _day_bounds(day)
    last_day = func.coalesce(BookingItem.end_on, BookingItem.start_on)
    query = (
        select(BookingItem).join(BookingItem.service).outerjoin(BookingItem.slot)
        .where(BookingItem.state.in_(states), or_(
            and_(Service.kind == Kind.ACTIVITY, Slot.starts_at >= start, Slot.starts_at < end),
            and_(Service.kind == Kind.ON_REQUEST, BookingItem.start_on <= day, last_day >= day),
            # Out today, or back today (the day after the last night, or the last day).
            and_(Service.kind == Kind.RENTAL,
                 or_(BookingItem.start_on == day, last_day.in_([day, day - timedelta(1)]))),
        ))
        # Joined and subquery loads: one query each whatever the number of items, where
        # selectin loads would take one more query for every 500.
        .options(joinedload(BookingItem.booking).joinedload(Booking.stay)
                 .subqueryload(Stay.members),
                 subqueryload(BookingItem.participants),
                 contains_eager(BookingItem.service), contains_eager(BookingItem.slot))
        .order_by(BookingItem.starts_at, BookingItem.id)
    )
    return list(db.session.scalars(_in_department(query, department_id)))


def _rental_services(department_id: int | None, with_items: set[int]) -> list[Service]:
    query = (select(Service).where(Service.kind == Kind.RENTAL,
                                   or_(Service.active.is_(True), Service.id.in_(with_items)))
             .order_by(Service.position, Service.id))
    return list(db.session.scalars(_in_department(query, department_id)))


def _rental_counts(service_ids: list[int], day: date) -> tuple[dict, dict]:
    """Return units booked and units out of service on the day, per rental (two queries)."""
    booked = dict(db.session.execute(
        select(RentalDay.service_id, RentalDay.booked)
        .where(RentalDay.service_id.in_(service_ids), RentalDay.day == day)).all())
    out = dict(db.session.execute(
        select(OutOfService.service_id, func.sum(OutOfService.units))
        .where(OutOfService.service_id.in_(service_ids), OutOfService.starts_on <= day,
               OutOfService.ends_on >= day)
        .group_by(OutOfService.service_id)).all())
    return booked, out


def _room_order(line: SheetLine):
    return (line.stay.room, line.stay.last_name, line.item.id)


def daily_run_sheet(day: date, department_id: int | None = None,
                    include_cancelled: bool = False) -> RunSheet:
    """Return the run sheet of a day: per department its activities by time, rentals to
    set up, hand out and collect with their stock, and requests, with the party of each.

    Cancelled and declined items are left out unless ``include_cancelled``.
    """
    states = frozenset(ItemState) if include_cancelled else SHOWN_STATES
    sheets = {d.id: DepartmentSheet(d) for d in _departments(department_id)}
    by_slot: dict[int, SlotSheet] = {}
    for slot in _slots(day, department_id):
        by_slot[slot.id] = SlotSheet(slot)
        sheets[slot.service.department_id].slots.append(by_slot[slot.id])
    items = _items(day, department_id, states)
    rentals = {service.id: RentalSheet(service) for service in
               _rental_services(department_id, {i.service_id for i in items})}
    booked, out = _rental_counts(list(rentals), day)
    for service_id, rental in rentals.items():
        rental.booked, rental.out_of_service = booked.get(service_id, 0), out.get(service_id, 0)
        sheets[rental.service.department_id].rentals.append(rental)
    for item in items:
        sheet = sheets[item.service.department_id]
        if item.service.kind == Kind.ACTIVITY:
            by_slot[item.slot_id].lines.append(SheetLine(item, day))
        elif item.service.kind == Kind.ON_REQUEST:
            sheet.requests.append(SheetLine(item, day))
        else:
            task = rental_task(item.service, item.start_on, item.end_on, day)
            if task is not None:
                rentals[item.service_id].lines.append(SheetLine(item, day, task))
    for sheet in sheets.values():
        for slot in sheet.slots:
            slot.lines.sort(key=_room_order)
        for rental in sheet.rentals:
            rental.lines.sort(key=lambda line: (list(Task).index(line.task), _room_order(line)))
    return RunSheet(day, list(sheets.values()), include_cancelled)


@dataclass
class DayCount:
    """Bookings (items) and guests (participants) of a department on one day."""

    items: int = 0
    guests: int = 0


@dataclass
class WeekRow:
    """A department's counts for each day of the week."""

    department: Department
    days: dict[date, DayCount]

    @property
    def total(self) -> DayCount:
        return DayCount(sum(c.items for c in self.days.values()),
                        sum(c.guests for c in self.days.values()))


@dataclass
class WeekPlan:
    """Per department and day, how many bookings and guests, to plan staff."""

    days: list[date]
    rows: list[WeekRow]


def _week_items(first: date, department_id: int | None):
    """Return the week's items as plain rows with their participant counts (one query)."""
    start, end = _day_bounds(first, WEEK_DAYS)
    last = first + timedelta(days=WEEK_DAYS - 1)
    last_day = func.coalesce(BookingItem.end_on, BookingItem.start_on)
    people = (select(booking_item_participant.c.booking_item_id.label("item_id"),
                     func.count().label("guests"))
              .group_by(booking_item_participant.c.booking_item_id).subquery())
    query = (
        select(Service, BookingItem.start_on, BookingItem.end_on, Slot.starts_at,
               func.coalesce(people.c.guests, 0))
        .select_from(BookingItem).join(BookingItem.service).outerjoin(BookingItem.slot)
        .outerjoin(people, people.c.item_id == BookingItem.id)
        .where(BookingItem.state.in_(SHOWN_STATES), or_(
            and_(Service.kind == Kind.ACTIVITY, Slot.starts_at >= start, Slot.starts_at < end),
            and_(Service.kind == Kind.ON_REQUEST, BookingItem.start_on <= last,
                 last_day >= first),
            and_(Service.kind == Kind.RENTAL, BookingItem.start_on <= last,
                 last_day >= first - timedelta(1)),
        ))
    )
    return db.session.execute(_in_department(query, department_id)).all()


def _days_on_sheet(service: Service, start_on, end_on, starts_at, days: list[date]):
    if service.kind == Kind.ACTIVITY:
        return [hotel_day(starts_at)]
    if service.kind == Kind.ON_REQUEST:
        return [d for d in days if start_on <= d <= (end_on or start_on)]
    return [d for d in days if rental_task(service, start_on, end_on, d) is not None]


def week_plan(first_day: date, department_id: int | None = None) -> WeekPlan:
    """Return, for seven days from ``first_day`` and each department, the number of
    booking items and guests on the run sheet (cancelled and declined left out)."""
    days = [first_day + timedelta(days=n) for n in range(WEEK_DAYS)]
    counts: dict[int, dict[date, DayCount]] = defaultdict(
        lambda: {d: DayCount() for d in days})
    for service, start_on, end_on, starts_at, guests in _week_items(first_day, department_id):
        for day in _days_on_sheet(service, start_on, end_on, starts_at, days):
            count = counts[service.department_id][day]
            count.items += 1
            count.guests += guests
    rows = [WeekRow(d, counts[d.id]) for d in _departments(department_id)]
    return WeekPlan(days, rows)
