"""Demo bookings that make the demo hotel's day realistic; running it again changes nothing.

What each stay's guests booked is in bookings.toml, in order. Every booking goes through
``create_booking`` with a submission key made of the stay's reference and the line's
number, so that a second run finds the first booking and writes nothing. The guests
booked before the day began: each booking is taken as of 07:00 today (or the moment of
the run, if earlier), so that today's sessions from then on can be booked whatever the
time of the run; rentals that began before today are booked as of the guests' arrival
morning, so that the desk has cribs and strollers to collect today.
"""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hotel.clock import local_to_utc
from hotel.demo.datafiles import DemoFiles, load_demo_files
from hotel.extensions import db
from hotel.models import Booking, ItemState, Service, Slot, StaffUser, StandardReason, Stay
from hotel.models.types import utcnow
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.errors import DomainError
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest, member_fits

LEAD_TIME = timedelta(minutes=20)  # a session must start at least this long after booking
DAY_BEGINS = time(7, 0)  # the demo guests booked before this time today


def _day(value, stay: Stay, today: date) -> date:
    """Return the day a rental's "first" or "last" names: a stay's day, or days from today."""
    named = {"arrival": stay.arrival_on, "departure": stay.departure_on,
             "last_night": stay.departure_on - timedelta(days=1)}
    return named[value] if isinstance(value, str) else today + timedelta(days=value)


def _people(stay: Stay, service: Service, who: str, on: date) -> list[int]:
    """Return the ids of the members a booking is for: all, the children or the youngest
    child, among those whose age fits the service."""
    members = [m for m in stay.members if member_fits(service, m, on)]
    if who == "children":
        members = [m for m in members if m.is_child]
    elif who == "youngest":
        members = sorted((m for m in members if m.is_child), key=lambda m: m.age or 0)[:1]
    return [m.id for m in members]


def _next_slot(service: Service, places: int, today: date, day: int, now: datetime):
    """Return the first open session with room on the day (or the next), after now."""
    first = max(local_to_utc(today + timedelta(days=day), time.min), now + LEAD_TIME)
    slots = db.session.scalars(
        select(Slot).where(Slot.service_id == service.id, Slot.starts_at >= first,
                           Slot.starts_at < local_to_utc(today + timedelta(days=2), time.min),
                           Slot.closed.is_(False))
        .order_by(Slot.starts_at))
    return next((slot for slot in slots if slot.capacity - slot.booked >= places), None)


def _request(spec: dict, stay: Stay, service: Service, today: date, now: datetime):
    """Return the item to ask for and the moment it is asked, or None if it cannot be."""
    if service.is_rental:
        first, last = _day(spec["first"], stay, today), _day(spec["last"], stay, today)
        asked_at = min(now, local_to_utc(first, time(8, 0)))
        return ItemRequest(service, quantity=spec.get("quantity", 1), start_on=first,
                           end_on=last, note=spec.get("note", "")), asked_at
    if service.is_activity:
        people = _people(stay, service, spec["who"], today)
        slot = _next_slot(service, 1 if service.capacity_unit == "units" else len(people),
                          today, spec["day"], now)
        if slot is None or not people:
            return None
        return ItemRequest(service, quantity=1, slot_id=slot.id, participant_ids=people,
                           note=spec.get("note", "")), now
    at = time.fromisoformat(spec["at"])
    starts_at = local_to_utc(today + timedelta(days=spec["day"]), at)
    if starts_at < now + LEAD_TIME:  # this evening has begun: tomorrow evening then
        starts_at += timedelta(days=1)
    people = _people(stay, service, spec["who"], today)
    end_on = _day(spec["last"], stay, today) if "last" in spec else None
    quantity = len(people) if service.capacity_unit == "persons" else 1
    return ItemRequest(service, quantity=quantity, starts_at=starts_at,
                       end_on=end_on, participant_ids=people, details=spec.get("details", {}),
                       note=spec.get("note", "")), now


def _answer(booking: Booking, spec: dict, reception: StaffUser) -> None:
    """Do what reception did with a new booking: confirm, decline or cancel it."""
    item = booking.items[0]
    action = spec.get("then")
    if action == "confirm" and item.state == ItemState.REQUESTED:
        handle_items([item.id], Action.CONFIRM, reception)
    elif action == "decline":
        reason_id = db.session.scalar(select(StandardReason.id).where(
            StandardReason.code == spec["standard_reason"])) if "standard_reason" in spec else None
        handle_items([item.id], Action.DECLINE, reception, reason=spec.get("reason", ""),
                     reason_language="en", standard_reason_id=reason_id)
    elif action == "cancel":
        cancel_booking_item(item, reception)


def _book(stay: Stay, number: int, spec: dict, services: dict, reception, today, now) -> bool:
    """Book one line of the plan unless it was booked before; tell whether it was made."""
    key = f"demo-{stay.reference}-{number}"
    if db.session.scalar(select(Booking.id).where(Booking.stay_id == stay.id,
                                                  Booking.submission_key == key)):
        return False
    made = _request(spec, stay, services[spec["service"]], today, now)
    if made is None:
        return False
    request, asked_at = made
    try:
        booking = create_booking(stay, [request], stay, submission_key=key, now=asked_at)
        _answer(booking, spec, reception)
    except DomainError:  # full, closed or out of season today: the demo does without it
        return False
    return True


def load_demo_bookings(today: date, files: DemoFiles | None = None) -> int:
    """Book the demo guests' cribs, strollers, sessions, transfers and babysitting around
    ``today``; return how many bookings were made (none on a second run)."""
    files = files or load_demo_files()
    now = min(utcnow(), local_to_utc(today, DAY_BEGINS))
    services = {s.slug: s for s in db.session.scalars(select(Service))}
    reception = db.session.scalar(select(StaffUser).where(StaffUser.username == "reception"))
    stays = {s.reference: s for s in db.session.scalars(
        select(Stay).where(Stay.reference.in_(list(files.bookings))))}
    made = 0
    for reference, specs in files.bookings.items():
        stay = stays.get(reference)
        for number, spec in enumerate(specs, start=1):
            if stay is not None and _book(stay, number, spec, services, reception, today, now):
                made += 1
    return made
