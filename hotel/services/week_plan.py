"""The week's plan for managers: per department and day, the bookings and guests on the
run sheet, to plan staff. It reads the week's items as the run sheet reads a day's.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from hotel.clock import hotel_day
from hotel.extensions import db
from hotel.models import BookingItem, Department, Kind, Service, booking_item_participant
from hotel.services.run_sheet import (
    SHOWN_STATES,
    departments_in_scope,
    rental_task,
    services_in_scope,
    sheet_items_condition,
    sheet_items_values,
    slots_between,
)

WEEK_DAYS = 7


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
    """Return the week's items as plain rows with their participant counts (three queries
    besides the services)."""
    services = services_in_scope(department_id)
    slots = {slot.id: slot for slot in slots_between(first, WEEK_DAYS, department_id, services)}
    last = first + timedelta(days=WEEK_DAYS - 1)
    rows = db.session.execute(
        select(BookingItem.id, BookingItem.service_id, BookingItem.start_on,
               BookingItem.end_on, BookingItem.slot_id)
        .where(sheet_items_condition(department_id is not None),
               BookingItem.state.in_(SHOWN_STATES)),
        sheet_items_values(first, last, department_id, services)).all()
    # Activities count on the day of their slot; others on the days _days_on_sheet finds.
    rows = [row for row in rows
            if row.slot_id in slots or services[row.service_id].kind != Kind.ACTIVITY]
    link = booking_item_participant.c
    guests = dict(db.session.execute(
        select(link.booking_item_id, func.count())
        .where(link.booking_item_id.in_([row.id for row in rows]))
        .group_by(link.booking_item_id)).all())
    return [(services[row.service_id], row.start_on, row.end_on,
             slots[row.slot_id].starts_at if row.slot_id in slots else None,
             guests.get(row.id, 0)) for row in rows]


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
    rows = [WeekRow(d, counts[d.id]) for d in departments_in_scope(department_id)]
    return WeekPlan(days, rows)
