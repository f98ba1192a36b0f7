"""The rules a booking line must meet before any capacity is taken."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from hotel.clock import hotel_day, hotel_today
from hotel.extensions import db
from hotel.models import (
    HOLDING_STATES,
    REQUEST_FIELDS,
    BookingItem,
    CapacityUnit,
    Kind,
    PartyMember,
    PricingUnit,
    Service,
    Slot,
    Stay,
    booking_item_participant,
)
from hotel.services.errors import DomainError
from hotel.services.plain_text import isolate

ADULT_AGE = 18  # adults whose age we do not know count as this old
MAX_NOTE = 500
OPTIONAL_DETAILS = frozenset({"flight_number", "interests"})
INTEGER_LIMITS = {"passengers": (1, 16), "hours": (1, 12)}


@dataclass
class ItemRequest:
    """One line a guest or reception asks for, as plain values from a form or the API."""

    service: Service
    quantity: int = 1
    slot_id: int | None = None
    start_on: date | None = None
    end_on: date | None = None
    starts_at: datetime | None = None
    participant_ids: list[int] = field(default_factory=list)
    details: dict = field(default_factory=dict)
    note: str = ""


@dataclass
class CheckedLine:
    """A line that meets every rule, with what pricing and capacity need."""

    request: ItemRequest
    people: list[PartyMember]
    quantity: int
    first: date
    last: date
    slot: Slot | None = None
    starts_at: datetime | None = None
    days: int = 1
    hours: Decimal = Decimal(1)
    details: dict = field(default_factory=dict)


def _age(member: PartyMember, on: date) -> int:
    age = member.age_on(on)
    if age is None:
        return ADULT_AGE if not member.is_child else 0
    return age


def member_fits(service: Service, member: PartyMember, on: date) -> bool:
    """Tell whether a party member's age on a day is within the service's limits."""
    age = _age(member, on)
    too_young = service.min_age is not None and age < service.min_age
    too_old = service.max_age is not None and age > service.max_age
    return not (too_young or too_old)


def fits_party(service: Service, stay: Stay, on: date | None = None) -> bool:
    """Tell whether anyone in the stay's party is within the service's age limits on a day
    (the arrival, or today if the stay has begun): a couple is offered no crib."""
    if service.min_age is None and service.max_age is None:
        return True
    on = on or max(stay.arrival_on, hotel_today())
    return any(member_fits(service, member, on) for member in stay.members)


def check_age_limits(service: Service, people: list[PartyMember], on: date) -> None:
    """:raises DomainError: someone taking part is younger or older than the service allows."""
    for member in people:
        age, name = _age(member, on), isolate(member.first_name)
        if service.min_age is not None and age < service.min_age:
            raise DomainError(_("%(name)s is too young for this: the minimum age is %(age)d.",
                                name=name, age=service.min_age), "participants")
        if service.max_age is not None and age > service.max_age:
            raise DomainError(_("%(name)s is too old for this: the maximum age is %(age)d.",
                                name=name, age=service.max_age), "participants")


def _participants(stay: Stay, request: ItemRequest, quantity: int) -> list[PartyMember]:
    members = {m.id: m for m in stay.members}
    if not request.participant_ids:
        if request.service.kind == Kind.RENTAL:
            return []
        if request.service.capacity_unit == CapacityUnit.PERSONS and quantity > len(members):
            # Booking fewer places than asked for, without a word, would surprise the guest.
            raise DomainError(_("There are only %(num)d people in your party.",
                                num=len(members)), "quantity")
        return stay.members[:quantity]
    ids = list(dict.fromkeys(request.participant_ids))
    if any(member_id not in members for member_id in ids):
        raise DomainError(_("Only people staying with you can take part."), "participants")
    return [members[member_id] for member_id in ids]


def _check_quantity(request: ItemRequest) -> int:
    quantity = request.quantity
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
        raise DomainError(_("The quantity must be at least 1."), "quantity")
    if quantity > request.service.max_quantity:
        raise DomainError(_("You can book at most %(num)d at a time.",
                            num=request.service.max_quantity), "quantity")
    return quantity


def _check_within_stay(stay: Stay, first: date, last: date, today: date, field_name: str):
    if first < today:
        raise DomainError(_("This date is in the past."), field_name)
    if first < stay.arrival_on or last > stay.departure_on:
        raise DomainError(_("Please choose dates within your stay."), field_name)


def _check_activity(stay, request, now, line_people, quantity) -> CheckedLine:
    slot = db.session.get(Slot, request.slot_id) if request.slot_id else None
    if slot is None or slot.service_id != request.service.id:
        raise DomainError(_("Please choose one of the times offered."), "slot_id")
    if slot.closed:
        raise DomainError(_("This time is closed: %(reason)s", reason=isolate(slot.closed_reason)),
                          "slot_id")
    if slot.starts_at <= now:
        raise DomainError(_("This time has already started."), "slot_id")
    day = hotel_day(slot.starts_at)
    _check_within_stay(stay, day, day, hotel_day(now), "slot_id")
    _check_not_booked_twice(slot, line_people)
    hours = Decimal((slot.ends_at - slot.starts_at).total_seconds()) / Decimal(3600)
    return CheckedLine(request, line_people, quantity, day, day, slot=slot,
                       starts_at=slot.starts_at, hours=hours)


def _check_not_booked_twice(slot: Slot, people: list[PartyMember]) -> None:
    """:raises DomainError: someone taking part already has a place at this time."""
    if not people:
        return
    already = db.session.scalar(
        select(PartyMember.first_name)
        .join(booking_item_participant,
              booking_item_participant.c.party_member_id == PartyMember.id)
        .join(BookingItem, BookingItem.id == booking_item_participant.c.booking_item_id)
        .where(BookingItem.slot_id == slot.id, BookingItem.state.in_(HOLDING_STATES),
               PartyMember.id.in_([member.id for member in people]))
        .limit(1)
    )
    if already is not None:
        raise DomainError(_("%(name)s already has a place at this time.", name=isolate(already)),
                          "participants")


def _check_rental(stay, request, today, quantity) -> CheckedLine:
    first, last = request.start_on, request.end_on or request.start_on
    if first is None:
        raise DomainError(_("Please choose the first day."), "start_date")
    if last < first:
        raise DomainError(_("The last day must not be before the first."), "end_date")
    _check_within_stay(stay, first, last, today, "start_date")
    if request.service.pricing_unit == PricingUnit.PER_UNIT_NIGHT and last >= stay.departure_on:
        raise DomainError(_("The last night must be before your departure day."), "end_date")
    days = (last - first).days + 1
    return CheckedLine(request, [], quantity, first, last, days=days)


def _check_details(service: Service, details: dict) -> dict:
    clean = {}
    for key in service.request_fields:
        value = details.get(key)
        value = value.strip() if isinstance(value, str) else value
        if value in (None, ""):
            if key in OPTIONAL_DETAILS:
                continue
            raise DomainError(_("Please fill in this detail."), key)
        if REQUEST_FIELDS.get(key) == "integer":
            low, high = INTEGER_LIMITS.get(key, (1, 50))
            try:
                if isinstance(value, bool) or (isinstance(value, float) and
                                               not value.is_integer()):
                    raise ValueError(value)
                number = int(value)
            except (TypeError, ValueError):
                raise DomainError(_("Please enter a whole number."), key) from None
            if not low <= number <= high:
                raise DomainError(_("Please enter a number from %(low)d to %(high)d.",
                                    low=low, high=high), key)
            clean[key] = number
        else:
            if not isinstance(value, str) or len(value) > 200:
                raise DomainError(_("Please keep this to 200 characters."), key)
            clean[key] = value
    return clean


def _check_request(stay, request, now, people, quantity) -> CheckedLine:
    starts_at = request.starts_at
    if starts_at is None or starts_at.tzinfo is None:
        raise DomainError(_("Please choose a date and time."), "starts_at")
    if starts_at <= now:
        raise DomainError(_("Please choose a time in the future."), "starts_at")
    first = hotel_day(starts_at)
    last = request.end_on or first
    if last < first:
        raise DomainError(_("The last day must not be before the first."), "end_date")
    _check_within_stay(stay, first, last, hotel_day(now), "starts_at")
    details = _check_details(request.service, request.details or {})
    hours = Decimal(details.get("hours", 1))
    return CheckedLine(request, people, quantity, first, last, starts_at=starts_at,
                       days=(last - first).days + 1, hours=hours, details=details)


def check_line(stay: Stay, request: ItemRequest, now: datetime) -> CheckedLine:
    """Check one line against every rule and return what booking it needs.

    :raises DomainError: the first rule the line breaks, with the field at fault.
    """
    service = request.service
    if not service.active:
        raise DomainError(_("This service is not offered at the moment."), "service")
    if len(request.note or "") > MAX_NOTE:
        raise DomainError(_("Please keep the note to %(num)d characters.", num=MAX_NOTE), "note")
    quantity = _check_quantity(request)
    people = _participants(stay, request, quantity)
    if service.kind != Kind.RENTAL and service.capacity_unit == CapacityUnit.PERSONS:
        quantity = len(people)
        if quantity > service.max_quantity:
            raise DomainError(_("You can book at most %(num)d at a time.",
                                num=service.max_quantity), "participants")
    if service.kind == Kind.ACTIVITY:
        line = _check_activity(stay, request, now, people, quantity)
    elif service.kind == Kind.RENTAL:
        line = _check_rental(stay, request, hotel_day(now), quantity)
        line.people = people
    else:
        line = _check_request(stay, request, now, people, quantity)
    check_age_limits(service, people, line.first)
    return line
