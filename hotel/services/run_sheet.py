"""The daily run sheet each department prints.

A day is a day at the hotel: an activity belongs to the day its slot starts on in the
hotel's time zone (a disco from 23:00 to 01:00 is on the evening it begins), a rental
is on the sheet the day its units go out and the day they come back, and a request on
every day it covers. Each part is loaded with a fixed number of queries, whatever the
number of bookings, and reads only the days it shows: the items of the day's slots, the
rentals going out or coming back, and the requests covering the day, found through the
indexes of their slot, first day and last day, as rows of the columns the sheet shows.
"""

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import and_, bindparam, func, select

from hotel.clock import days_in_utc
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import (
    RELEASED_STATES,
    Booking,
    BookingItem,
    CareNotes,
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
from hotel.models.stays import age_on
from hotel.services.item_rows import (
    department_names,
    department_values,
    in_department,
    service_names,
)
from hotel.services.units import due_units, hand_outs_of

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


def day_bounds(first: date, days: int = 1) -> tuple[datetime, datetime]:
    """Return the first instant of ``first`` and the first after ``days`` days, in UTC."""
    return days_in_utc(first, first + timedelta(days=days - 1))


@dataclass
class SheetGuest:
    """The stay of a line, as the sheet shows it."""

    room: str
    first_name: str
    last_name: str
    language: str
    arrival_on: date
    departure_on: date
    phone: str

    @property
    def guest_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class SheetPerson:
    """Someone taking part in a line, with what the leader must know about them."""

    id: int
    first_name: str
    last_name: str
    is_child: bool
    age: int | None
    birth_date: date | None
    allergies: str
    medical_notes: str
    dietary_notes: str
    may_leave_alone: bool
    collected_by: str

    @property
    def care_notes(self) -> CareNotes:
        return CareNotes(self.is_child, self.allergies, self.medical_notes,
                         self.dietary_notes, self.may_leave_alone, self.collected_by)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def age_on(self, day: date) -> int | None:
        """Return the person's age in whole years on a day, if it is known."""
        return age_on(self.birth_date, self.age, day)


# The columns of a party member that the sheet shows, in SheetPerson's order.
PERSON_COLUMNS = (PartyMember.id, PartyMember.first_name, PartyMember.last_name,
                  PartyMember.is_child, PartyMember.age, PartyMember.birth_date,
                  PartyMember.allergies, PartyMember.medical_notes, PartyMember.dietary_notes,
                  PartyMember.may_leave_alone, PartyMember.collected_by)


@dataclass
class SheetItem:
    """A booking item, as the sheet shows it: its own columns, its booking's reference,
    its service and slot, and who takes part."""

    id: int
    booking_id: int
    service_id: int
    slot_id: int | None
    state: ItemState
    quantity: int
    start_on: date
    end_on: date | None
    starts_at: datetime | None
    details: dict
    note: str
    reason: str
    service: Service
    slot: Slot | None = None
    reference: str = ""
    guest: SheetGuest | None = None
    participants: list[SheetPerson] = field(default_factory=list)
    # A rental's units handed out to it, and back (hotel/services/hand_outs.py).
    hand_outs: list = field(default_factory=list)


# The columns of an item that the sheet shows, in SheetItem's order.
ITEM_COLUMNS = (BookingItem.id, BookingItem.booking_id, BookingItem.service_id,
                BookingItem.slot_id, BookingItem.state, BookingItem.quantity,
                BookingItem.start_on, BookingItem.end_on, BookingItem.starts_at,
                BookingItem.details, BookingItem.note, BookingItem.reason)


@dataclass
class SheetLine:
    """One booking item on the sheet, as the department reads it."""

    item: SheetItem
    day: date
    stay: SheetGuest
    task: Task | None = None

    @property
    def adults(self) -> list[SheetPerson]:
        return [m for m in self.item.participants if not m.is_child]

    @property
    def children(self) -> list[SheetPerson]:
        return [m for m in self.item.participants if m.is_child]

    @property
    def children_ages(self) -> list[int | None]:
        """The children's ages on the sheet's day (not on arrival)."""
        return [child.age_on(self.day) for child in self.children]

    @property
    def guests(self) -> int:
        return len(self.item.participants)

    @property
    def shows_phone(self) -> bool:
        """Tell whether the line prints the stay's phone: children take part in it."""
        return bool(self.children) and self.item.service.kind != Kind.RENTAL


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
    day: date | None = None
    slots: list[SlotSheet] = field(default_factory=list)
    rentals: list[RentalSheet] = field(default_factory=list)
    requests: list[SheetLine] = field(default_factory=list)
    # Units due back on the day or before and not back: the due ones and the overdue.
    due_units: list = field(default_factory=list)

    @property
    def overdue_units(self) -> list:
        return [due for due in self.due_units if due.due_on < self.day]

    @property
    def lines(self) -> list[SheetLine]:
        """Every booking item of the department, in the order the sheet shows them."""
        return ([line for slot in self.slots for line in slot.lines]
                + [line for rental in self.rentals for line in rental.lines]
                + self.requests)

    @property
    def is_empty(self) -> bool:
        return not (self.slots or self.requests or self.due_units
                or any(r.lines for r in self.rentals))

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


# The sheet runs these statements on every request, and building one costs a good part of
# running it: each is built once for each shape (a department or all, which languages).


@lru_cache(maxsize=64)
def _departments_statement(by_department: bool, locales: tuple[str, ...]):
    query = select(Department).order_by(Department.slug).options(department_names(locales))
    if by_department:
        query = query.where(Department.id == bindparam("department_id"))
    return query


def departments_in_scope(department_id: int | None) -> list[Department]:
    """Return the department asked for, or all of them, by slug."""
    statement = _departments_statement(department_id is not None, text_locales())
    return list(db.session.scalars(statement, department_values(department_id)))


@lru_cache(maxsize=64)
def _services_statement(by_department: bool, locales: tuple[str, ...]):
    query = (select(Service).order_by(Service.position, Service.id)
             .options(*service_names(locales)))
    return in_department(query, by_department)


def services_in_scope(department_id: int | None) -> dict[int, Service]:
    """Return the services of the department, or all, by id, with their texts (a fixed
    number of queries)."""
    statement = _services_statement(department_id is not None, text_locales())
    return {service.id: service
            for service in db.session.scalars(statement, department_values(department_id))}


@dataclass(frozen=True)
class SheetSlot:
    """An activity session as the sheet and Today show it: its times and places, whether
    and why it is closed, and its service."""

    id: int
    service_id: int
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int
    closed: bool
    closed_reason_id: int | None
    closed_reason: str
    service: Service

    remaining = property(Slot.remaining.fget)  # places left, as a slot counts them


@lru_cache(maxsize=4)
def _slots_statement(by_department: bool):
    query = (select(Slot.id, Slot.service_id, Slot.starts_at, Slot.ends_at, Slot.capacity,
                    Slot.booked, Slot.closed, Slot.closed_reason_id, Slot.closed_reason)
             .join(Slot.service)
             .where(Slot.starts_at >= bindparam("start"), Slot.starts_at < bindparam("end"))
             .order_by(Slot.starts_at, Service.position, Slot.id))
    return in_department(query, by_department)


def slots_between(first: date, days: int, department_id: int | None,
                  services: dict[int, Service]) -> list[SheetSlot]:
    """Return the slots of ``days`` days from ``first``, by time, as rows of the columns
    the sheet shows, with their services taken from ``services`` (``services_in_scope``
    gives them)."""
    start, end = day_bounds(first, days)
    rows = db.session.execute(_slots_statement(department_id is not None), {
        "start": start, "end": end, **department_values(department_id)})
    return [SheetSlot(*row, service=services[row.service_id]) for row in rows]


def sheet_items_condition(by_department: bool):
    """Return the condition for the items that may be on the sheet of some days (its
    values from ``sheet_items_values``): those used on one of the days, and the rentals
    whose last night was the day before. One index of the items serves it (last day,
    first day, service), so it reads the items from the days on, never the history before
    them; which of them are on the sheet is the caller's choice (a slot of the days, a
    rental going out or back)."""
    last_day = func.coalesce(BookingItem.end_on, BookingItem.start_on)
    condition = and_(last_day >= bindparam("since"), BookingItem.start_on <= bindparam("until"))
    if not by_department:
        return condition
    return and_(condition, BookingItem.service_id.in_(bindparam("services", expanding=True)))


def sheet_items_values(first: date, last: date, department_id: int | None,
                       services: dict[int, Service]) -> dict:
    """Return the values of ``sheet_items_condition`` for the days ``first`` to ``last``,
    of the department's services if one is asked for."""
    values = {"since": first - timedelta(days=1), "until": last}
    if department_id is not None:
        values["services"] = list(services)
    return values


def _on_sheet(item: SheetItem, day: date) -> bool:
    """Tell whether an item is on the day's sheet: an activity in one of the day's slots,
    a rental going out or coming back, a request covering the day."""
    if item.service.kind == Kind.ACTIVITY:
        return item.slot is not None
    if item.service.kind == Kind.ON_REQUEST:
        return item.start_on <= day <= (item.end_on or item.start_on)
    return rental_task(item.service, item.start_on, item.end_on, day) is not None


@lru_cache(maxsize=4)
def _items_statement(by_department: bool):
    """The items' statement of a day's sheet: those ``sheet_items_condition`` finds, in
    the states asked for."""
    return (select(*ITEM_COLUMNS)
            .where(sheet_items_condition(by_department),
                   BookingItem.state.in_(bindparam("states", expanding=True)))
            .order_by(BookingItem.starts_at, BookingItem.id))


def _items(day: date, department_id: int | None, services: dict[int, Service],
           slots: dict[int, Slot], states) -> list[SheetItem]:
    """Load the items on the day's sheet with what the sheet shows: the items' columns,
    then their bookings' references and stays, then who takes part (four queries)."""
    values = {**sheet_items_values(day, day, department_id, services), "states": list(states)}
    rows = db.session.execute(_items_statement(department_id is not None), values).all()
    items = [SheetItem(*row, service=services[row.service_id], slot=slots.get(row.slot_id))
             for row in rows]
    items = [item for item in items if _on_sheet(item, day)]
    guests = _guests({item.booking_id for item in items})
    people = _people([item.id for item in items])
    for item in items:
        item.reference, item.guest = guests[item.booking_id]
        item.participants = people.get(item.id, [])
    return items


_BOOKINGS = select(Booking.id, Booking.reference, Booking.stay_id).where(
    Booking.id.in_(bindparam("ids", expanding=True)))
_STAYS = select(Stay.id, Stay.room, Stay.first_name, Stay.last_name, Stay.language,
                Stay.arrival_on, Stay.departure_on, Stay.phone).where(
    Stay.id.in_(bindparam("ids", expanding=True)))


def _guests(booking_ids: set[int]) -> dict[int, tuple[str, SheetGuest]]:
    """Return each booking's reference and stay, by booking id (two queries, each by
    primary key: joined, a busy day's bookings would have the planner read every stay)."""
    bookings = db.session.execute(_BOOKINGS, {"ids": list(booking_ids)}).all()
    stays = {row[0]: SheetGuest(*row[1:]) for row in db.session.execute(
        _STAYS, {"ids": list({booking.stay_id for booking in bookings})})}
    return {booking.id: (booking.reference, stays[booking.stay_id]) for booking in bookings}


_LINK = booking_item_participant.c
_PEOPLE = (select(_LINK.booking_item_id, *PERSON_COLUMNS)
           .join(PartyMember, PartyMember.id == _LINK.party_member_id)
           .where(_LINK.booking_item_id.in_(bindparam("ids", expanding=True)))
           .order_by(_LINK.booking_item_id, PartyMember.position))


def _people(item_ids: list[int]) -> dict[int, list[SheetPerson]]:
    """Return who takes part in each item, in the party's order, with their care notes
    (one query)."""
    rows = db.session.execute(_PEOPLE, {"ids": item_ids})
    people: dict[int, list[SheetPerson]] = defaultdict(list)
    for item_id, *person in rows:
        people[item_id].append(SheetPerson(*person))
    return people


_RENTALS_BOOKED = select(RentalDay.service_id, RentalDay.booked).where(
    RentalDay.service_id.in_(bindparam("ids", expanding=True)), RentalDay.day == bindparam("day"))
_RENTALS_OUT = (select(OutOfService.service_id, func.sum(OutOfService.units))
                .where(OutOfService.service_id.in_(bindparam("ids", expanding=True)),
                       OutOfService.starts_on <= bindparam("day"),
                       OutOfService.ends_on >= bindparam("day"))
                .group_by(OutOfService.service_id))


def _rental_counts(service_ids: list[int], day: date) -> tuple[dict, dict]:
    """Return units booked and units out of service on the day, per rental (two queries,
    none without rentals)."""
    if not service_ids:
        return {}, {}
    values = {"ids": service_ids, "day": day}
    return (dict(db.session.execute(_RENTALS_BOOKED, values).all()),
            dict(db.session.execute(_RENTALS_OUT, values).all()))


def _room_order(line: SheetLine):
    return (line.stay.room, line.stay.last_name, line.item.id)


@dataclass(frozen=True)
class SheetCatalogue:
    """The departments and services a sheet shows (one department's or all), named in the
    reader's language."""

    departments: list[Department]
    services: dict[int, Service]


def sheet_catalogue(department_id: int | None) -> SheetCatalogue:
    """Return the departments and services of a sheet for one department or all."""
    return SheetCatalogue(departments_in_scope(department_id),
                          services_in_scope(department_id))


def daily_run_sheet(day: date, department_id: int | None = None,
                    include_cancelled: bool = False,
                    catalogue: SheetCatalogue | None = None) -> RunSheet:
    """Return the run sheet of a day: per department its activities by time, rentals to
    set up, hand out and collect with their stock, and requests, with the party of each.

    Cancelled and declined items are left out unless ``include_cancelled``. The
    departments and services are ``catalogue``'s if given (``sheet_catalogue``), else
    loaded now.
    """
    states = frozenset(ItemState) if include_cancelled else SHOWN_STATES
    catalogue = catalogue or sheet_catalogue(department_id)
    sheets = {d.id: DepartmentSheet(d, day) for d in catalogue.departments}
    services = catalogue.services
    slots = {slot.id: slot for slot in slots_between(day, 1, department_id, services)}
    by_slot: dict[int, SlotSheet] = {}
    for slot in slots.values():
        by_slot[slot.id] = SlotSheet(slot)
        sheets[slot.service.department_id].slots.append(by_slot[slot.id])
    items = _items(day, department_id, services, slots, states)
    with_items = {item.service_id for item in items}
    rentals = {service.id: RentalSheet(service) for service in services.values()
               if service.kind == Kind.RENTAL and (service.active or service.id in with_items)}
    booked, out = _rental_counts(list(rentals), day)
    for service_id, rental in rentals.items():
        rental.booked, rental.out_of_service = booked.get(service_id, 0), out.get(service_id, 0)
        sheets[rental.service.department_id].rentals.append(rental)
    given = hand_outs_of([item.id for item in items if item.service.kind == Kind.RENTAL])
    for due in due_units(day, department_id, services=services):
        sheets[due.service.department_id].due_units.append(due)
    for item in items:
        item.hand_outs = given.get(item.id, [])
        sheet = sheets[item.service.department_id]
        line = SheetLine(item, day, item.guest)
        if item.service.kind == Kind.ACTIVITY:
            by_slot[item.slot_id].lines.append(line)
        elif item.service.kind == Kind.ON_REQUEST:
            sheet.requests.append(line)
        else:
            line.task = rental_task(item.service, item.start_on, item.end_on, day)
            rentals[item.service_id].lines.append(line)
    for sheet in sheets.values():
        for slot in sheet.slots:
            slot.lines.sort(key=_room_order)
        for rental in sheet.rentals:
            rental.lines.sort(key=lambda line: (list(Task).index(line.task), _room_order(line)))
    return RunSheet(day, list(sheets.values()), include_cancelled)
