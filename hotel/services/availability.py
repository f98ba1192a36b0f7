"""What is still free: places per slot, units per day, whether a request can be made."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, select

from hotel.clock import days_in_utc, hotel_today
from hotel.extensions import db
from hotel.models import Kind, RentalDay, Service, Slot, Stay
from hotel.models.types import utcnow
from hotel.services.capacity import days_between, units_out_of_service


@dataclass(frozen=True)
class SlotAvailability:
    slot: Slot
    remaining: int


@dataclass(frozen=True)
class DayAvailability:
    day: date
    capacity: int
    remaining: int


def expire_offers() -> None:
    """End the waiting lists' offers that ran out before availability is read."""
    from hotel.services.waitlist import expire_offers as expire  # it reads rental_days

    expire()


# The pages read availability on every request: its statements are built once.
_A_MOMENT = timedelta(microseconds=1)
_SLOTS = (select(Slot)
          .where(Slot.service_id == bindparam("service_id"),
                 Slot.starts_at >= bindparam("start"), Slot.starts_at < bindparam("end"),
                 Slot.starts_at > bindparam("after"))
          .order_by(Slot.starts_at))
_RENTAL_DAYS = select(RentalDay).where(
    RentalDay.service_id == bindparam("service_id"),
    RentalDay.day.between(bindparam("first"), bindparam("last")))


def slot_availability(service: Service, first: date, last: date,
                      after: datetime | None = None) -> list[SlotAvailability]:
    """Return the slots of an activity from ``first`` to ``last`` with places left (two
    queries: the waiting lists' offers that ran out are ended first).

    Closed slots are listed with none left; ``after`` leaves out slots that start earlier.
    """
    expire_offers()
    start, end = days_in_utc(first, last)
    slots = db.session.scalars(_SLOTS, {"service_id": service.id, "start": start,
                                        "end": end, "after": after or start - _A_MOMENT})
    return [SlotAvailability(slot, slot.remaining) for slot in slots]


def rental_availability(service: Service, first: date, last: date) -> list[DayAvailability]:
    """Return the units of a rental free on each day from ``first`` to ``last`` (three
    queries: the waiting lists' offers that ran out are ended first).
    """
    expire_offers()
    return rental_days(service, first, last)


def rental_days(service: Service, first: date, last: date) -> list[DayAvailability]:
    """Return the units of a rental free on each day from ``first`` to ``last`` as the
    counters say now (two queries); a day without a counter row has the stock less the
    units out of service.
    """
    rows = {
        row.day: row
        for row in db.session.scalars(
            _RENTAL_DAYS, {"service_id": service.id, "first": first, "last": last})
    }
    out = units_out_of_service(service.id, first, last)
    days = []
    for day in days_between(first, last):
        row = rows.get(day)
        if row is not None:
            days.append(DayAvailability(day, row.capacity, max(row.capacity - row.booked, 0)))
        else:
            capacity = max((service.stock or 0) - out.get(day, 0), 0)
            days.append(DayAvailability(day, capacity, capacity))
    return days


def can_request(service: Service) -> bool:
    """Tell whether an on-request service can be asked for: it has no fixed capacity."""
    return service.kind == Kind.ON_REQUEST and service.active


def bookable_window(stay: Stay) -> tuple[date, date]:
    """Return the first and last day a guest can book for: from today to departure."""
    return max(stay.arrival_on, hotel_today()), stay.departure_on


def availability_during_stay(service: Service, stay: Stay | None):
    """Return the slots or days of a service free during a stay (None without a stay, or
    for a service on request, which has no capacity to show)."""
    if stay is None or service.kind == Kind.ON_REQUEST:
        return None
    first, last = bookable_window(stay)
    if last < first:
        return []
    if service.kind == Kind.ACTIVITY:
        return slot_availability(service, first, last, after=utcnow())
    return rental_availability(service, first, last)
