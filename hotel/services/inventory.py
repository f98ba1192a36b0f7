"""Reception's inventory: rental stock and units out of service, activity slots and rules."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.i18n import day_label
from hotel.models import (
    HOLDING_STATES,
    BookingItem,
    ItemState,
    Kind,
    OutOfService,
    RentalDay,
    Service,
    Slot,
    SlotRule,
    StaffUser,
)
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.availability import DayAvailability
from hotel.services.bookings import change_item_state
from hotel.services.capacity import (
    change_rental_capacity,
    days_between,
    set_slot_capacity,
    units_out_of_service,
)
from hotel.services.errors import DomainError, Unavailable
from hotel.services.slots import generate_slots
from hotel.timekeeping import hotel_today, local_to_utc

HORIZON_DAYS = 14  # the days the desk looks ahead, and slots are kept generated for
MAX_UNITS = 10_000  # stock, units out of service and slot capacity stay below this
MAX_REASON = 500
MAX_PERIOD_DAYS = 366
MIN_MINUTES, MAX_MINUTES = 5, 24 * 60


@dataclass
class OutOfServicePeriod:
    period: OutOfService
    created_by: StaffUser | None


@dataclass
class RentalOverview:
    service: Service
    days: list[DayAvailability]
    periods: list[OutOfServicePeriod] = field(default_factory=list)


@dataclass
class ActivityOverview:
    service: Service
    slots: int = 0
    capacity: int = 0
    booked: int = 0
    closed: int = 0


def _services(kind: Kind) -> list[Service]:
    return db.session.scalars(
        select(Service).where(Service.kind == kind)
        .options(selectinload(Service.texts)).order_by(Service.position, Service.id)
    ).all()


def rentals_overview(first: date, days: int = HORIZON_DAYS,
                     services: list[Service] | None = None) -> list[RentalOverview]:
    """Return every rental (or the given ones) with its free units per day and its periods
    out of service that have not ended, in four queries whatever the number of rentals.
    """
    services = _services(Kind.RENTAL) if services is None else services
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


def activities_overview(first: date, days: int = HORIZON_DAYS) -> list[ActivityOverview]:
    """Return every activity with its slots, places and closed slots in the coming days
    (three queries whatever the number of activities).
    """
    services = _services(Kind.ACTIVITY)
    start = local_to_utc(first, time.min)
    end = local_to_utc(first + timedelta(days=days), time.min)
    totals = {
        service_id: (count, capacity or 0, booked or 0, closed or 0)
        for service_id, count, capacity, booked, closed in db.session.execute(
            select(Slot.service_id, func.count(), func.sum(Slot.capacity), func.sum(Slot.booked),
                   func.sum(case((Slot.closed.is_(True), 1), else_=0)))
            .where(Slot.starts_at >= start, Slot.starts_at < end)
            .group_by(Slot.service_id))
    }
    return [ActivityOverview(service, *totals.get(service.id, (0, 0, 0, 0)))
            for service in services]


def active_rules(service: Service, today: date | None = None) -> list[SlotRule]:
    """Return an activity's rules that still make slots, by time of day."""
    today = today or hotel_today()
    return db.session.scalars(
        select(SlotRule).where(SlotRule.service_id == service.id,
                               (SlotRule.valid_until.is_(None)) | (SlotRule.valid_until >= today))
        .order_by(SlotRule.start_time, SlotRule.id)
    ).all()


def _check_units(value: int, field_name: str, least: int = 0) -> None:
    if value is None or not least <= value <= MAX_UNITS:
        raise DomainError(_("Please enter a whole number from %(least)d to %(most)d.",
                            least=least, most=MAX_UNITS), field_name)


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please give a reason."), "reason")
    if len(reason) > MAX_REASON:
        raise DomainError(_("Please keep the reason to %(num)d characters.", num=MAX_REASON),
                          "reason")
    return reason


def _check_period(first: date, last: date, today: date, first_field: str,
                  last_field: str) -> None:
    if first < today:
        raise DomainError(_("The period cannot start in the past."), first_field)
    if last < first:
        raise DomainError(_("The period must end on or after its first day."), last_field)
    if (last - first).days >= MAX_PERIOD_DAYS:
        raise DomainError(_("The period can be at most %(num)d days long.",
                            num=MAX_PERIOD_DAYS), last_field)


def _of_kind(service_id: int, kind: Kind) -> Service:
    # Locked on PostgreSQL, so that a first booking of a day, which reads the stock
    # under a share lock (capacity.ensure_rental_days), waits for this change.
    db.session.execute(select(Service.id).where(Service.id == service_id).with_for_update())
    service = db.session.get(Service, service_id, populate_existing=True)
    if service is None or service.kind != kind:
        raise DomainError(_("This service does not exist or is of another kind."), "service")
    return service


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
    _check_units(stock, "stock")
    today = today or hotel_today()
    with write_transaction():
        service = _of_kind(service_id, Kind.RENTAL)
        old = service.stock or 0
        if stock == old:
            return service
        if stock < old:
            _check_stock_fits(service, stock, today)
        service.stock = stock
        change_rental_capacity(service.id, stock - old, today)
        audit.record("rental.stock_changed", service, actor, service=service.slug,
                     old=old, new=stock)
    return service


def put_out_of_service(service_id: int, units: int, starts_on: date, ends_on: date,
                       reason: str, actor: StaffUser,
                       today: date | None = None) -> OutOfService:
    """Take units of a rental out of service for a period, leaving booked units alone.

    :raises DomainError: bad units, period or reason.
    :raises Unavailable: on some day fewer units would be left than are booked.
    """
    _check_units(units, "units", least=1)
    _check_period(starts_on, ends_on, today or hotel_today(), "starts_on", "ends_on")
    reason = _check_reason(reason)
    with write_transaction():
        service = _of_kind(service_id, Kind.RENTAL)
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
                    booked=booked, capacity=capacity, units=units), "units")
        period = OutOfService(service_id=service.id, units=units, starts_on=starts_on,
                              ends_on=ends_on, reason=reason, created_by_id=actor.id)
        db.session.add(period)
        change_rental_capacity(service.id, -units, starts_on, ends_on)
        db.session.flush()
        audit.record("rental.out_of_service", service, actor, service=service.slug,
                     period=period.id, units=units, starts_on=starts_on, ends_on=ends_on,
                     reason=reason)
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
        first, old_end = max(period.starts_on, today), period.ends_on
        audit.record("rental.back_in_service", period.service, actor,
                     service=period.service.slug, period=period.id, units=period.units,
                     starts_on=period.starts_on, ends_on=old_end,
                     new_ends_on=None if first == period.starts_on else today - timedelta(1))
        change_rental_capacity(period.service_id, period.units, first, old_end)
        if first == period.starts_on:
            db.session.delete(period)
        else:
            period.ends_on = today - timedelta(days=1)


def _check_slot_shape(duration_minutes: int, capacity: int) -> None:
    if duration_minutes is None or not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise DomainError(_("The duration must be from %(least)d to %(most)d minutes.",
                            least=MIN_MINUTES, most=MAX_MINUTES), "duration_minutes")
    _check_units(capacity, "capacity", least=1)


def add_slot(service_id: int, day: date, start_time: time, duration_minutes: int,
             capacity: int, actor: StaffUser, now: datetime | None = None) -> Slot:
    """Add one slot to an activity at a wall-clock time in the hotel's time zone.

    :raises DomainError: bad values, a time in the past, or a slot already at that time.
    """
    _check_slot_shape(duration_minutes, capacity)
    starts_at = local_to_utc(day, start_time)
    if starts_at <= (now or utcnow()):
        raise DomainError(_("This time has already passed."), "day")
    with write_transaction():
        service = _of_kind(service_id, Kind.ACTIVITY)
        taken = db.session.scalar(select(Slot.id).where(Slot.service_id == service.id,
                                                        Slot.starts_at == starts_at))
        if taken is not None:
            raise DomainError(_("There is already a slot at this time."), "start_time")
        slot = Slot(service_id=service.id, starts_at=starts_at, capacity=capacity, booked=0,
                    ends_at=starts_at + timedelta(minutes=duration_minutes))
        db.session.add(slot)
        db.session.flush()
        audit.record("slot.added", slot, actor, service=service.slug, starts_at=starts_at,
                     duration_minutes=duration_minutes, capacity=capacity)
    return slot


def _rule_for(service: Service, weekdays: str, at: time, duration_minutes: int, capacity: int,
              valid_from: date, valid_until: date | None) -> tuple[SlotRule, bool]:
    # The same rule posted twice is found again instead of being added a second time.
    rule = db.session.scalar(select(SlotRule).where(
        SlotRule.service_id == service.id, SlotRule.weekdays == weekdays,
        SlotRule.start_time == at, SlotRule.duration_minutes == duration_minutes,
        SlotRule.capacity == capacity, SlotRule.valid_from == valid_from,
        SlotRule.valid_until.is_(None) if valid_until is None
        else SlotRule.valid_until == valid_until))
    if rule is not None:
        return rule, False
    rule = SlotRule(service_id=service.id, weekdays=weekdays, start_time=at,
                    duration_minutes=duration_minutes, capacity=capacity,
                    valid_from=valid_from, valid_until=valid_until)
    db.session.add(rule)
    db.session.flush()
    return rule, True


def create_slot_rules(service_id: int, weekdays: list[int], times: list[time],
                      duration_minutes: int, capacity: int, valid_from: date,
                      valid_until: date | None, actor: StaffUser,
                      today: date | None = None) -> list[Slot]:
    """Add a recurring rule per time of day and make its slots, up to ``valid_until`` or
    the horizon when it has none; slots that exist already are left as they are.

    :raises DomainError: no weekday or time, bad values, or a bad period.
    """
    today = today or hotel_today()
    days = "".join(sorted({str(day) for day in weekdays if 0 <= day <= 6}))
    if not days:
        raise DomainError(_("Please choose at least one weekday."), "weekdays")
    if not times:
        raise DomainError(_("Please give at least one time."), "times")
    _check_slot_shape(duration_minutes, capacity)
    last = valid_until or max(valid_from, today) + timedelta(days=HORIZON_DAYS)
    _check_period(valid_from, last, today, "valid_from", "valid_until")
    made: list[Slot] = []
    try:
        with write_transaction():
            service = _of_kind(service_id, Kind.ACTIVITY)
            for at in sorted(set(times)):
                rule, new = _rule_for(service, days, at, duration_minutes, capacity,
                                      valid_from, valid_until)
                slots = generate_slots(rule, max(valid_from, today), last)
                made.extend(slots)
                audit.record("slot_rule.created" if new else "slot_rule.applied", rule, actor,
                             service=service.slug, weekdays=days, start_time=at,
                             duration_minutes=duration_minutes, capacity=capacity,
                             valid_from=valid_from, valid_until=valid_until, slots=len(slots))
    except IntegrityError:
        db.session.rollback()
        raise DomainError(_("Someone else was making the same slots. Please try again."),
                          "times") from None
    return made


def extend_slots(days: int = HORIZON_DAYS, today: date | None = None) -> int:
    """Make the slots of every rule still valid from today to ``days`` ahead; return how
    many were made. Safe to run again: existing slots are kept.
    """
    today = today or hotel_today()
    last = today + timedelta(days=days)
    made = 0
    with write_transaction():
        rules = db.session.scalars(
            select(SlotRule).join(SlotRule.service)
            .where(Service.active.is_(True), Service.kind == Kind.ACTIVITY,
                   (SlotRule.valid_until.is_(None)) | (SlotRule.valid_until >= today))
            .order_by(SlotRule.id)).all()
        for rule in rules:
            slots = generate_slots(rule, today, last)
            db.session.flush()
            if slots:
                made += len(slots)
                audit.record("slot_rule.extended", rule, None, slots=len(slots), until=last)
    return made


def change_slot_capacity(slot_id: int, capacity: int, actor: StaffUser) -> Slot:
    """Set a slot's capacity, never below the places already booked.

    :raises Unavailable: more places are booked than the new capacity.
    """
    _check_units(capacity, "capacity")
    with write_transaction():
        slot = _slot(slot_id)
        old, booked = slot.capacity, slot.booked
        if capacity < booked:
            raise Unavailable(_("%(booked)d places are already booked at this time: the "
                                "capacity cannot be less than that.", booked=booked),
                              "capacity")
        set_slot_capacity(slot.id, capacity)
        db.session.expire(slot)
        audit.record("slot.capacity_changed", slot, actor, service=slot.service.slug,
                     starts_at=slot.starts_at, old=old, new=capacity)
    return slot


def _slot(slot_id: int) -> Slot:
    slot = db.session.get(Slot, slot_id)
    if slot is None:
        raise DomainError(_("This slot no longer exists."), "slot")
    return slot


def close_slot(slot_id: int, reason: str, actor: StaffUser,
               reason_language: str = "") -> list[BookingItem]:
    """Close a slot: its booked items are cancelled by the hotel with the reason, which
    the guests read, and their places are given back. Return the cancelled items.

    :raises DomainError: no reason, or the slot is closed already.
    """
    reason = _check_reason(reason)
    with write_transaction():
        slot = _slot(slot_id)
        if slot.closed:
            raise DomainError(_("This slot is closed already."), "slot")
        booked_before = slot.booked
        # Closing first takes the slot's row, so no booking can slip in meanwhile.
        slot.closed, slot.closed_reason = True, reason
        db.session.flush()
        items = db.session.scalars(
            select(BookingItem).where(BookingItem.slot_id == slot.id,
                                      BookingItem.state.in_(HOLDING_STATES))
            .options(selectinload(BookingItem.service), selectinload(BookingItem.booking))
            .order_by(BookingItem.id)).all()
        for item in items:
            change_item_state(item, ItemState.CANCELLED_BY_HOTEL, actor, reason=reason,
                              reason_language=reason_language)
        db.session.expire(slot)
        audit.record("slot.closed", slot, actor, service=slot.service.slug,
                     starts_at=slot.starts_at, reason=reason, booked=booked_before,
                     cancelled_items=len(items))
    return items


def reopen_slot(slot_id: int, actor: StaffUser) -> Slot:
    """Open a closed slot for bookings again; cancelled items stay cancelled.

    :raises DomainError: the slot is not closed.
    """
    with write_transaction():
        slot = _slot(slot_id)
        if not slot.closed:
            raise DomainError(_("This slot is open already."), "slot")
        old_reason = slot.closed_reason
        slot.closed, slot.closed_reason = False, ""
        audit.record("slot.reopened", slot, actor, service=slot.service.slug,
                     starts_at=slot.starts_at, old_reason=old_reason)
    return slot
