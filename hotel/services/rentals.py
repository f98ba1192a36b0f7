"""Rental stock and units out of service: the free units per day move with every change."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.i18n import day_label
from hotel.models import Kind, OutOfService, RentalDay, Service, StaffUser
from hotel.services import audit, waitlist
from hotel.services.availability import DayAvailability
from hotel.services.capacity import change_rental_capacity, days_between, units_out_of_service
from hotel.services.errors import DomainError, Unavailable
from hotel.services.inventory import (
    HORIZON_DAYS,
    MAX_PERIOD_DAYS,
    check_period,
    check_units,
    lock_service_of_kind,
    services_of_kind,
)
from hotel.services.reasons import given_reason
from hotel.services.units import match_units


@dataclass
class OutOfServicePeriod:
    period: OutOfService
    created_by: StaffUser | None


@dataclass
class RentalOverview:
    service: Service
    days: list[DayAvailability]
    periods: list[OutOfServicePeriod] = field(default_factory=list)


def rentals_overview(first: date, days: int = HORIZON_DAYS,
                     services: list[Service] | None = None) -> list[RentalOverview]:
    """Return every rental (or the given ones) with its free units per day and its periods
    out of service that have not ended, in four queries whatever the number of rentals.
    """
    services = services_of_kind(Kind.RENTAL) if services is None else services
    last = first + timedelta(days=days - 1)
    ids = [service.id for service in services]
    rows = {
        (row.service_id, row.day): row
        for row in db.session.scalars(
            select(RentalDay).where(RentalDay.service_id.in_(ids),
                                    RentalDay.day.between(first, last)))
    }
    periods: dict[int, list[OutOfServicePeriod]] = {}
    for period, staff in db.session.execute(
        select(OutOfService, StaffUser)
        .outerjoin(StaffUser, StaffUser.id == OutOfService.created_by_id)
        .where(OutOfService.service_id.in_(ids), OutOfService.ends_on >= first)
        .order_by(OutOfService.starts_on, OutOfService.id)
    ):
        periods.setdefault(period.service_id, []).append(OutOfServicePeriod(period, staff))
    overview = []
    for service in services:
        own = periods.get(service.id, [])
        overview.append(RentalOverview(service, [
            _day(service, day, rows.get((service.id, day)), own)
            for day in days_between(first, last)], own))
    return overview


def _day(service: Service, day: date, row: RentalDay | None,
         periods: list[OutOfServicePeriod]) -> DayAvailability:
    # The same rule as availability.rental_availability, for many rentals at once.
    if row is not None:
        return DayAvailability(day, row.capacity, max(row.capacity - row.booked, 0))
    out = sum(p.period.units for p in periods if p.period.starts_on <= day <= p.period.ends_on)
    capacity = max((service.stock or 0) - out, 0)
    return DayAvailability(day, capacity, capacity)


def _rows(service_id: int, first: date, last: date | None = None) -> list[RentalDay]:
    query = select(RentalDay).where(RentalDay.service_id == service_id, RentalDay.day >= first)
    if last is not None:
        query = query.where(RentalDay.day <= last)
    return db.session.scalars(query.order_by(RentalDay.day)).all()


def _check_stock_fits(service: Service, stock: int, today: date) -> None:
    """:raises Unavailable: on some day, booked and out-of-service units exceed ``stock``."""
    old = service.stock or 0
    needs = {}
    periods_end = db.session.scalar(select(func.max(OutOfService.ends_on)).where(
        OutOfService.service_id == service.id, OutOfService.ends_on >= today))
    if periods_end is not None:
        for day, out in units_out_of_service(service.id, today, periods_end).items():
            needs[day] = (0, out)
    for row in _rows(service.id, today):
        needs[row.day] = (row.booked, max(old - row.capacity, 0))
    for day in sorted(needs):
        booked, out = needs[day]
        if booked + out > stock:
            raise Unavailable(_(
                "On %(day)s, %(booked)d units are booked and %(out)d are out of service: "
                "the stock cannot be less than %(least)d.",
                day=day_label(day), booked=booked, out=out, least=booked + out), "stock")


def change_stock(service_id: int, stock: int, actor: StaffUser,
                 today: date | None = None) -> Service:
    """Set a rental's stock; the units free on today's and later days move with it.

    :raises Unavailable: the stock would be less than what is booked on some day.
    """
    check_units(stock, "stock")
    today = today or hotel_today()
    with write_transaction():
        service = lock_service_of_kind(service_id, Kind.RENTAL)
        old = service.stock or 0
        if stock == old:
            return service
        if stock < old:
            _check_stock_fits(service, stock, today)
        service.stock = stock
        change_rental_capacity(service.id, stock - old, today)
        match_units(service, stock, today)
        if stock > old:
            waitlist.offer_freed_places(service, first=today,
                                        last=today + timedelta(days=MAX_PERIOD_DAYS))
        audit.record("rental.stock_changed", service, actor, service=service.slug,
                     old=old, new=stock)
    return service


def put_out_of_service(service_id: int, units: int, starts_on: date, ends_on: date,
                       reason: str, actor: StaffUser,
                       today: date | None = None, standard_reason_id=None) -> OutOfService:
    """Take units of a rental out of service for a period, leaving booked units alone.

    :raises DomainError: bad units, period or reason.
    :raises Unavailable: on some day fewer units would be left than are booked.
    """
    check_units(units, "units", least=1)
    check_period(starts_on, ends_on, today or hotel_today(), "starts_on", "ends_on")
    standard_reason, reason = given_reason(standard_reason_id, reason)
    with write_transaction():
        service = lock_service_of_kind(service_id, Kind.RENTAL)
        period = take_out_of_service(service, units, starts_on, ends_on, reason, actor,
                                     standard_reason=standard_reason)
    return period


def take_out_of_service(service: Service, units: int, starts_on: date, ends_on: date,
                        reason: str, actor: StaffUser, *, standard_reason=None,
                        unit_id: int | None = None, field_name: str = "units") -> OutOfService:
    """Write a period out of service inside the caller's write transaction, the service
    locked: the free units of its days go down by ``units``, never below the booked ones.

    :raises Unavailable: on some day fewer units would be left than are booked; the
        caller's transaction must roll back.
    """
    rows = {row.day: row for row in _rows(service.id, starts_on, ends_on)}
    out = units_out_of_service(service.id, starts_on, ends_on)
    for day in days_between(starts_on, ends_on):
        row = rows.get(day)
        capacity = row.capacity if row else max((service.stock or 0) - out.get(day, 0), 0)
        booked = row.booked if row else 0
        if capacity - units < booked:
            raise Unavailable(_(
                "On %(day)s, %(booked)d of the %(capacity)d units in service are booked: "
                "%(units)d cannot be taken out of service.", day=day_label(day),
                booked=booked, capacity=capacity, units=units), field_name)
    period = OutOfService(service_id=service.id, units=units, starts_on=starts_on,
                          ends_on=ends_on, reason=reason, created_by_id=actor.id,
                          unit_id=unit_id,
                          standard_reason_id=standard_reason.id if standard_reason else None)
    db.session.add(period)
    change_rental_capacity(service.id, -units, starts_on, ends_on)
    db.session.flush()
    audit.record("rental.out_of_service", service, actor, service=service.slug,
                 period=period.id, units=units, starts_on=starts_on, ends_on=ends_on,
                 reason=reason, unit=unit_id)
    return period


def end_out_of_service(period_id: int, actor: StaffUser, today: date | None = None) -> None:
    """Bring a period's units back into service from today; a period not begun is deleted.

    :raises DomainError: the period is unknown or already over.
    """
    today = today or hotel_today()
    with write_transaction():
        period = db.session.get(OutOfService, period_id)
        if period is None:
            raise DomainError(_("This period no longer exists."), "period")
        if period.ends_on < today:
            raise DomainError(_("This period is already over."), "period")
        bring_back_into_service(period, actor, today)


def bring_back_into_service(period: OutOfService, actor: StaffUser, today: date) -> None:
    """End a period that has not ended, from today, inside the caller's write transaction."""
    first, old_end = max(period.starts_on, today), period.ends_on
    audit.record("rental.back_in_service", period.service, actor,
                 service=period.service.slug, period=period.id, units=period.units,
                 starts_on=period.starts_on, ends_on=old_end,
                 new_ends_on=None if first == period.starts_on else today - timedelta(1))
    change_rental_capacity(period.service_id, period.units, first, old_end)
    service = period.service
    if first == period.starts_on:
        db.session.delete(period)
    else:
        period.ends_on = today - timedelta(days=1)
    db.session.flush()  # the units count as in service for days without a counter row
    waitlist.offer_freed_places(service, first=first, last=old_end)
