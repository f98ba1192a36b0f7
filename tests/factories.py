"""Small factories for test data; each returns a flushed object with sensible defaults."""

import itertools
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import insert, select, update

from hotel.extensions import db
from hotel.models import (
    AgeBand,
    CapacityUnit,
    Category,
    Department,
    DepartmentText,
    Kind,
    OutOfService,
    Package,
    PackageService,
    PackageText,
    PartyMember,
    PricingUnit,
    Role,
    Service,
    ServiceText,
    Slot,
    SlotRule,
    StaffUser,
    Stay,
)
from hotel.services.units import match_units

_numbers = itertools.count(1)


def make_department(slug: str | None = None, name: str = "Kids club") -> Department:
    department = Department(slug=slug or f"dept-{next(_numbers)}")
    department.texts.append(DepartmentText(locale="en", name=name))
    db.session.add(department)
    db.session.flush()
    return department


def make_service(
    slug: str | None = None,
    kind: Kind = Kind.ACTIVITY,
    pricing_unit: PricingUnit = PricingUnit.PER_PERSON,
    price: str = "20.00",
    department: Department | None = None,
    texts: dict | None = None,
    age_bands: list[tuple[int, int, str]] = (),
    **fields,
) -> Service:
    number = next(_numbers)
    service = Service(
        slug=slug or f"service-{number}",
        category=fields.pop("category", Category.FAMILY),
        kind=kind,
        pricing_unit=pricing_unit,
        price=Decimal(price),
        department=department or make_department(),
        capacity_unit=fields.pop("capacity_unit", CapacityUnit.PERSONS),
        **fields,
    )
    for locale, (name, description) in (texts or {"en": (f"Service {number}", "")}).items():
        service.texts.append(ServiceText(locale=locale, name=name, description=description))
    for low, high, band_price in age_bands:
        service.age_bands.append(AgeBand(min_age=low, max_age=high, price=Decimal(band_price)))
    db.session.add(service)
    db.session.flush()
    if kind == Kind.RENTAL and service.stock:
        match_units(service, service.stock, date.today())
    return service


def make_package(services: list[Service], slug: str | None = None, discount: str = "10",
                 texts: dict | None = None) -> Package:
    number = next(_numbers)
    package = Package(slug=slug or f"package-{number}", category=Category.FAMILY,
                      discount_percent=Decimal(discount))
    for locale, (name, description) in (texts or {"en": (f"Package {number}", "")}).items():
        package.texts.append(PackageText(locale=locale, name=name, description=description))
    for position, service in enumerate(services):
        package.entries.append(PackageService(service=service, position=position))
    db.session.add(package)
    db.session.flush()
    return package


def make_stay(
    reference: str | None = None,
    last_name: str = "Kim",
    first_name: str = "Minji",
    arrival_on: date | None = None,
    nights: int = 5,
    children: list[int] = (),
    adults: int = 2,
    language: str = "en",
    room: str | None = None,
) -> Stay:
    number = next(_numbers)
    arrival_on = arrival_on or date.today()
    stay = Stay(
        reference=reference or f"T{number:05d}",
        room=room or str(100 + number),
        first_name=first_name,
        arrival_on=arrival_on,
        departure_on=arrival_on + timedelta(days=nights),
        language=language,
        email=f"guest{number}@example.com",
    )
    stay.set_last_name(last_name)
    for position in range(adults):
        name = first_name if position == 0 else f"Adult{position}"
        stay.members.append(PartyMember(position=position, first_name=name, last_name=last_name))
    for offset, age in enumerate(children):
        stay.members.append(PartyMember(position=adults + offset, first_name=f"Child{offset}",
                                        last_name=last_name, is_child=True, age=age))
    db.session.add(stay)
    db.session.flush()
    return stay


def make_staff(username: str | None = None, role: Role = Role.RECEPTION,
               department: Department | None = None, password: str = "correct-horse") -> StaffUser:
    user = StaffUser(username=username or f"staff{next(_numbers)}", role=role,
                     department=department)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def add_member(stay: Stay, first_name: str = "Child", *, is_child: bool = True,
               age: int | None = None, birth_date: date | None = None) -> PartyMember:
    member = PartyMember(stay=stay, position=len(stay.members), first_name=first_name,
                         last_name=stay.last_name, is_child=is_child, age=age,
                         birth_date=birth_date)
    db.session.add(member)
    db.session.flush()
    return member


def make_slot(service: Service, starts_at: datetime, capacity: int = 6, minutes: int = 60,
              booked: int = 0, closed: bool = False, closed_reason: str = "") -> Slot:
    slot = Slot(service=service, starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=minutes), capacity=capacity,
                booked=booked, closed=closed, closed_reason=closed_reason)
    db.session.add(slot)
    db.session.flush()
    return slot


def add_slot(service: Service, day: date, at: time = time(10, 0), capacity: int = 6,
             minutes: int = 60, closed: bool = False) -> Slot:
    """Add a slot of an activity on a day, at a time of day at the hotel, and return it."""
    from hotel.clock import local_to_utc

    return make_slot(service, local_to_utc(day, at), capacity=capacity, minutes=minutes,
                     closed=closed)


def make_rule(service: Service, valid_from: date, valid_until: date | None = None,
              weekdays: str = "0123456", start_time: time = time(9, 0),
              duration_minutes: int = 60, capacity: int = 6) -> SlotRule:
    rule = SlotRule(service=service, weekdays=weekdays, start_time=start_time,
                    duration_minutes=duration_minutes, capacity=capacity,
                    valid_from=valid_from, valid_until=valid_until)
    db.session.add(rule)
    db.session.flush()
    return rule


def make_out_of_service(service: Service, starts_on: date, ends_on: date | None = None,
                        units: int = 1, reason: str = "repair") -> OutOfService:
    period = OutOfService(service=service, starts_on=starts_on, ends_on=ends_on or starts_on,
                          units=units, reason=reason)
    db.session.add(period)
    db.session.flush()
    return period


def make_hand_out(item, unit_number: int = 1):
    """Hand out a unit of the item's rental for the item's days, directly (no checks)."""
    from hotel.models import HandOut, HandOutDay, RentalUnit
    from hotel.services.capacity import days_between
    from hotel.services.run_sheet import collect_on

    unit = db.session.scalar(select(RentalUnit).where(
        RentalUnit.service_id == item.service_id, RentalUnit.number == unit_number))
    first, last = item.start_on, item.end_on or item.start_on
    given = HandOut(unit_id=unit.id, item_id=item.id, first_on=first, last_on=last,
                    due_on=collect_on(item.service.pricing_unit, first, last))
    db.session.add(given)
    db.session.flush()
    db.session.add_all(HandOutDay(hand_out_id=given.id, unit_id=unit.id, day=day)
                       for day in days_between(first, last))
    db.session.flush()
    return given


def make_booking_item(stay: Stay, service: Service, *, state=None, slot: Slot | None = None,
                      start_on: date | None = None, end_on: date | None = None,
                      starts_at: datetime | None = None, participants=None,
                      quantity: int | None = None, details: dict | None = None,
                      note: str = "", flush: bool = True):
    """Insert a booking of one item directly, without the booking service's checks (for
    building many bookings fast); a slot's ``booked`` counter is kept consistent."""
    from hotel.models import RELEASED_STATES, Booking, BookingItem, ItemState

    state = state or ItemState.CONFIRMED
    people = list(participants if participants is not None else stay.members)
    quantity = quantity or max(len(people), 1)
    if slot is not None:
        start_on = start_on or slot.starts_at.date()
        starts_at = starts_at or slot.starts_at
        if state not in RELEASED_STATES:
            slot.booked += quantity
    booking = Booking(reference=f"R{next(_numbers):07d}", stay=stay, currency="EUR")
    booking.items.append(BookingItem(
        service=service, state=state, quantity=quantity, slot=slot, start_on=start_on,
        end_on=end_on, starts_at=starts_at, details=details or {}, note=note,
        participants=people))
    db.session.add(booking)
    if flush:
        db.session.flush()
    return booking.items[0]


def insert_bookings(bookings: list[tuple[Stay, list[dict]]]) -> list[list[int]]:
    """Insert many bookings in a few statements; return each booking's item ids."""
    # For the tests that need a thousand bookings: one INSERT per table instead of one
    # round of the booking service per booking. Each booking is its stay and its items'
    # BookingItem fields, ``participants`` being party members. The slots' and rental
    # days' counters are kept as the booking service keeps them; a rental's days must
    # have their counter rows already (the service makes them on a first booking).
    from hotel.models import (
        RELEASED_STATES,
        Booking,
        BookingItem,
        RentalDay,
        booking_item_participant,
    )

    booking_ids = db.session.scalars(
        insert(Booking).returning(Booking.id, sort_by_parameter_order=True),
        [{"reference": f"R{next(_numbers):07d}", "stay_id": stay.id, "currency": "EUR"}
         for stay, _ in bookings]).all()
    rows, people = [], []
    for booking_id, (_, items) in zip(booking_ids, bookings, strict=True):
        for fields in items:
            fields = dict(fields)
            people.append(fields.pop("participants", []))
            fields.setdefault("quantity", max(len(people[-1]), 1))
            rows.append({"booking_id": booking_id, "details": {}, "note": "", **fields})
    item_ids = db.session.scalars(
        insert(BookingItem).returning(BookingItem.id, sort_by_parameter_order=True),
        rows).all()
    links = [{"booking_item_id": item_id, "party_member_id": member.id}
             for item_id, members in zip(item_ids, people, strict=True) for member in members]
    if links:
        db.session.execute(insert(booking_item_participant), links)
    rentals = set(db.session.scalars(select(Service.id).where(
        Service.id.in_({row["service_id"] for row in rows}), Service.kind == Kind.RENTAL)))
    slots, rental_days = Counter(), Counter()
    for row in rows:
        if row["state"] in RELEASED_STATES:
            continue
        if row.get("slot_id"):
            slots[row["slot_id"]] += row["quantity"]
        elif row["service_id"] in rentals:
            rental_days[row["service_id"], row["start_on"], row["end_on"]] += row["quantity"]
    unsynchronized = {"synchronize_session": False}  # expired below instead, all at once
    for slot_id, quantity in slots.items():
        db.session.execute(update(Slot).where(Slot.id == slot_id)
                           .values(booked=Slot.booked + quantity), execution_options=unsynchronized)
    for (service_id, first, last), quantity in rental_days.items():
        result = db.session.execute(
            update(RentalDay)
            .where(RentalDay.service_id == service_id, RentalDay.day.between(first, last))
            .values(booked=RentalDay.booked + quantity), execution_options=unsynchronized)
        assert result.rowcount == (last - first).days + 1, "book the rental once first"
    db.session.expire_all()  # the counters changed behind the session's back
    found = iter(item_ids)
    return [[next(found) for _ in items] for _, items in bookings]


# Reports: tickets and ratings made directly, with chosen times


def make_ticket_category(slug: str | None = None, name: str = "Room", department=None,
                         response_hours: int = 4):
    """A ticket category with an English name, routed to a department."""
    from hotel.models import TicketCategory, TicketCategoryText

    category = TicketCategory(slug=slug or f"category-{next(_numbers)}",
                              department=department or make_department(),
                              response_hours=response_hours)
    category.texts.append(TicketCategoryText(locale="en", name=name))
    db.session.add(category)
    db.session.flush()
    return category


def make_ticket(stay: Stay, category=None, *, kind=None, created_at: datetime | None = None,
                answered_at: datetime | None = None, satisfaction: int | None = None,
                state=None, text: str = "The shower is cold.", flush: bool = True):
    """A ticket inserted directly (not through the ticket services), at a chosen time."""
    from datetime import UTC

    from hotel.models import Ticket, TicketKind, TicketState

    category = category or make_ticket_category()
    created_at = created_at or datetime.now(UTC)
    ticket = Ticket(
        number=f"K{next(_numbers):06d}", stay=stay, kind=kind or TicketKind.COMPLAINT,
        category=category, department_id=category.department_id, text=text, language="en",
        state=state or (TicketState.CLOSED if satisfaction else
                        TicketState.ANSWERED if answered_at else TicketState.NEW),
        created_at=created_at, due_at=created_at + timedelta(hours=category.response_hours),
        answered_at=answered_at, closed_at=answered_at if satisfaction else None,
        answer="Fixed." if answered_at else "", satisfaction=satisfaction)
    db.session.add(ticket)
    if flush:
        db.session.flush()
    return ticket


def make_rating(item, score: int, *, comment: str = "", created_at: datetime | None = None,
                flush: bool = True):
    """A rating of a booking item inserted directly, at a chosen time."""
    from datetime import UTC

    from hotel.models import Rating

    rating = Rating(booking_item=item, stay_id=item.booking.stay_id, score=score,
                    comment=comment, created_at=created_at or datetime.now(UTC))
    db.session.add(rating)
    if flush:
        db.session.flush()
    return rating


def make_message(stay: Stay, kind=None, state=None, *, subject: str = "We have your booking",
                 created_at: datetime | None = None, attempts: int = 0, last_error: str = "",
                 email: str | None = None, flush: bool = True):
    """A message to a stay inserted directly (not through the messages service), as the
    outbox would hold it; a message that is not kept has the stay's e-mail address."""
    from datetime import UTC

    from hotel.models import Message, MessageKind, MessageState

    state = state or MessageState.KEPT
    message = Message(
        stay=stay, kind=kind or MessageKind.BOOKING_RECEIVED, language=stay.language,
        email=email if email is not None else ("" if state == MessageState.KEPT
                                               else stay.email),
        subject=subject, text=f"{subject}.",
        html=f"<html><body><!--content--><p>{subject}.</p><!--/content--></body></html>",
        attachments=[], message_id=f"<m{next(_numbers)}@hotel.test>", state=state,
        attempts=attempts, last_error=last_error, created_at=created_at or datetime.now(UTC))
    db.session.add(message)
    if flush:
        db.session.flush()
    return message


# Tickets: FAQ entries and policies


def make_faq_entry(texts: dict, *, kind=None, position: int = 0, active: bool = True,
                   category=None):
    """An FAQ entry (or policy) with texts {locale: (question, answer, keywords)}."""
    from hotel.models import FaqEntry, FaqKind, FaqText

    entry = FaqEntry(kind=kind or FaqKind.FAQ, position=position, active=active,
                     category=category)
    for locale, (question, answer, keywords) in texts.items():
        entry.texts.append(FaqText(locale=locale, name=question, description=answer,
                                   keywords=keywords))
    db.session.add(entry)
    db.session.flush()
    return entry


def make_standard_reason(code: str, texts: dict[str, str]):
    """Add a standard reason with its text in each language given."""
    from hotel.models import StandardReason, StandardReasonText

    reason = StandardReason(code=code, position=next(_numbers))
    for locale, name in texts.items():
        reason.texts.append(StandardReasonText(locale=locale, name=name, description=""))
    db.session.add(reason)
    db.session.flush()
    return reason


def check_in_all(item, checked_out: bool = False) -> None:
    """Record every participant of an item as checked in (and out) a moment ago."""
    from hotel.models import Attendance
    from hotel.models.types import utcnow

    now = utcnow()
    for member in item.participants:
        db.session.add(Attendance(booking_item_id=item.id, party_member_id=member.id,
                                  checked_in_at=now - timedelta(hours=1),
                                  checked_out_at=now if checked_out else None))
    db.session.flush()
