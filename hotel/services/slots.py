"""Activity slots: made from rules or one by one, their capacity, closing and reopening."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from hotel.clock import day_starts_at, days_in_utc, hotel_day, hotel_today, local_to_utc
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    HOLDING_STATES,
    BookingItem,
    ItemState,
    Kind,
    Service,
    Slot,
    SlotRule,
    StaffUser,
)
from hotel.models.types import utcnow
from hotel.services import audit, messages, waitlist
from hotel.services.bookings import change_item_state
from hotel.services.capacity import set_slot_capacity
from hotel.services.errors import DomainError, Unavailable
from hotel.services.inventory import (
    HORIZON_DAYS,
    MAX_MINUTES,
    MIN_MINUTES,
    check_period,
    check_units,
    lock_service_of_kind,
    services_of_kind,
)
from hotel.services.reasons import given_reason


def generate_slots(rule: SlotRule, first_day: date, last_day: date) -> list[Slot]:
    """Add the slots a rule makes between two days (inclusive); existing ones are kept.

    Times are wall-clock times in the hotel's time zone, so a slot at 09:00 stays at
    09:00 across a change to or from summer time.
    """
    existing = set(
        db.session.scalars(
            select(Slot.starts_at).where(
                Slot.service_id == rule.service_id,
                Slot.starts_at >= day_starts_at(first_day),
                Slot.starts_at
                < day_starts_at(last_day + timedelta(days=1)),
            )
        )
    )
    made = []
    day = max(first_day, rule.valid_from)
    while day <= last_day:
        if rule.applies_on(day):
            starts_at = local_to_utc(day, rule.start_time)
            if starts_at not in existing:
                slot = Slot(
                    service_id=rule.service_id,
                    rule_id=rule.id,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(minutes=rule.duration_minutes),
                    capacity=rule.capacity,
                    booked=0,
                )
                db.session.add(slot)
                made.append(slot)
        day += timedelta(days=1)
    return made


@dataclass
class ActivityOverview:
    service: Service
    slots: int = 0
    capacity: int = 0
    booked: int = 0
    closed: int = 0


def activities_overview(first: date, days: int = HORIZON_DAYS) -> list[ActivityOverview]:
    """Return every activity with its slots, places and closed slots in the coming days
    (three queries whatever the number of activities).
    """
    services = services_of_kind(Kind.ACTIVITY)
    start, end = days_in_utc(first, first + timedelta(days=days - 1))
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


def _check_slot_shape(duration_minutes: int, capacity: int) -> None:
    if duration_minutes is None or not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise DomainError(_("The duration must be from %(least)d to %(most)d minutes.",
                            least=MIN_MINUTES, most=MAX_MINUTES), "duration_minutes")
    check_units(capacity, "capacity", least=1)


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
        service = lock_service_of_kind(service_id, Kind.ACTIVITY)
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
    check_period(valid_from, last, today, "valid_from", "valid_until")
    made: list[Slot] = []
    try:
        with write_transaction():
            service = lock_service_of_kind(service_id, Kind.ACTIVITY)
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
    check_units(capacity, "capacity")
    with write_transaction():
        slot = _slot(slot_id)
        old, booked = slot.capacity, slot.booked
        if capacity < booked:
            raise Unavailable(_("%(booked)d places are already booked at this time: the "
                                "capacity cannot be less than that.", booked=booked),
                              "capacity")
        set_slot_capacity(slot.id, capacity)
        db.session.expire(slot)
        if capacity > old:
            waitlist.offer_freed_places(slot.service, slot_id=slot.id)
        audit.record("slot.capacity_changed", slot, actor, service=slot.service.slug,
                     starts_at=slot.starts_at, old=old, new=capacity)
    return slot


def _slot(slot_id: int) -> Slot:
    slot = db.session.get(Slot, slot_id)
    if slot is None:
        raise DomainError(_("This slot no longer exists."), "slot")
    return slot


ALTERNATIVES = 3  # other times offered to each guest whose booking a closure cancels


def alternatives_for(items: list[BookingItem], closed: Slot, now: datetime) -> dict[int, list]:
    """Return, for each item, the nearest other open times of the same service, during
    the guest's stay, that still have room for the item's party.
    """
    stays = [item.booking.stay for item in items]
    if not stays:
        return {}
    first, last = days_in_utc(min(s.arrival_on for s in stays), max(s.departure_on for s in stays))
    candidates = db.session.scalars(
        select(Slot).where(Slot.service_id == closed.service_id, Slot.id != closed.id,
                           Slot.closed.is_(False), Slot.starts_at > now,
                           Slot.starts_at >= first, Slot.starts_at < last)
        .order_by(Slot.starts_at)).all()
    offers = {}
    for item in items:
        stay = item.booking.stay
        fitting = [slot for slot in candidates
                   if slot.remaining >= item.quantity and stay.covers(hotel_day(slot.starts_at))]
        fitting.sort(key=lambda slot: abs(slot.starts_at - closed.starts_at))
        offers[item.id] = sorted(fitting[:ALTERNATIVES], key=lambda slot: slot.starts_at)
    return offers


def close_slot(slot_id: int, reason: str, actor: StaffUser, reason_language: str = "",
               standard_reason_id=None, now: datetime | None = None) -> list[BookingItem]:
    """Close a slot: its booked items are cancelled by the hotel, each guest is told why
    (the standard reason in their language, the note as written) with the nearest other
    times that have room, and the places are given back. Return the cancelled items.

    :raises DomainError: no reason, or the slot is closed already.
    """
    standard_reason, reason = given_reason(standard_reason_id, reason)
    with write_transaction():
        slot = _slot(slot_id)
        if slot.closed:
            raise DomainError(_("This slot is closed already."), "slot")
        booked_before = slot.booked
        # Closing first takes the slot's row, so no booking can slip in meanwhile.
        slot.closed, slot.closed_reason = True, reason
        slot.closed_reason_id = standard_reason.id if standard_reason else None
        db.session.flush()
        items = db.session.scalars(
            select(BookingItem).where(BookingItem.slot_id == slot.id,
                                      BookingItem.state.in_(HOLDING_STATES))
            .options(selectinload(BookingItem.service), selectinload(BookingItem.booking))
            .order_by(BookingItem.id)).all()
        for item in items:
            change_item_state(item, ItemState.CANCELLED_BY_HOTEL, actor, reason=reason,
                              reason_language=reason_language, standard_reason=standard_reason)
        db.session.expire(slot)
        messages.cancelled_by_hotel(items, alternatives_for(items, slot, now or utcnow()))
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
        slot.closed, slot.closed_reason, slot.closed_reason_id = False, "", None
        db.session.flush()
        waitlist.offer_freed_places(slot.service, slot_id=slot.id)
        audit.record("slot.reopened", slot, actor, service=slot.service.slug,
                     starts_at=slot.starts_at, old_reason=old_reason)
    return slot
