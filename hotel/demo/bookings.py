"""Demo bookings that make the demo hotel's day realistic; running it again changes nothing.

Every booking goes through ``create_booking`` with a submission key made of the stay's
reference and the line's number, so that a second run finds the first booking and
writes nothing. The guests booked before the day began: each booking is taken as of
07:00 today (or the moment of the run, if earlier), so that today's sessions from then
on can be booked whatever the time of the run; rentals that began before today are
booked as of the guests' arrival morning, so that the desk has cribs and strollers to
collect today.
"""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hotel.clock import local_to_utc
from hotel.extensions import db
from hotel.models import Booking, ItemState, Service, Slot, StaffUser, Stay
from hotel.models.types import utcnow
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.errors import DomainError
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest, member_fits

LEAD_TIME = timedelta(minutes=20)  # a session must start at least this long after booking
DAY_BEGINS = time(7, 0)  # the demo guests booked before this time today

# Per stay, in order (the order numbers the submission keys): what its guests booked.
# Rentals: "first"/"last" are days from today, or "arrival" / "departure" / "last_night".
# Activities: "day" is 0 for today (a session still to come) or 1 for tomorrow; "who"
# chooses among the members whose age fits. Requests: "at" is (day, "HH:MM").
# "then" is what reception did afterwards: confirm, decline (with "reason") or cancel.
DEMO_BOOKINGS = {
    # Arriving today
    "LP24017": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "kids-animation", "day": 0, "who": "children"},
        {"service": "children-pool", "day": 1, "who": "children"},
        {"service": "babysitting", "at": (0, "19:30"), "who": "children",
         "details": {"hours": 3}, "note": "Jiho sleeps with a night light."},
    ],
    "LP24023": [
        {"service": "kids-club", "day": 1, "who": "children"},
        {"service": "stroller", "first": 0, "last": 2},
        {"service": "horse-riding", "day": 1, "who": "children"},
    ],
    "LP24031": [
        {"service": "crib", "first": "arrival", "last": "last_night",
         "note": "Cot next to the window, please."},
        {"service": "kids-animation", "day": 0, "who": "children"},
        {"service": "horse-riding", "day": 1, "who": "children"},
        {"service": "babysitting", "at": (0, "20:00"), "who": "children",
         "details": {"hours": 2}, "then": "confirm"},
        {"service": "paediatrician", "at": (1, "09:30"), "who": "youngest",
         "details": {"reason": "Slight fever since the flight"}},
    ],
    "LP24036": [
        {"service": "sauna", "day": 0, "who": "all"},
        {"service": "boat-trip", "day": 1, "who": "all"},
    ],
    "LP24042": [{"service": "scooter-rental", "first": 0, "last": 1}],
    "LP24048": [
        {"service": "kids-club", "day": 1, "who": "children"},
        {"service": "pony-ride", "day": 0, "who": "children"},
        {"service": "childrens-menu", "at": (0, "18:00"), "last": "last_night",
         "who": "children"},
        {"service": "kids-equipment", "first": 1, "last": 3},
    ],
    # Leaving today
    "LP23981": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "stroller", "first": "arrival", "last": "departure"},
    ],
    "LP23974": [{"service": "kids-equipment", "first": "arrival", "last": "departure"}],
    "LP23990": [
        {"service": "transfer", "at": (0, "16:00"), "who": "all", "then": "confirm",
         "details": {"pickup_place": "Hotel entrance", "destination": "Vienna Airport",
                     "flight_number": "VN 36", "passengers": 2}},
    ],
    "LP23968": [{"service": "horse-riding", "day": 0, "who": "children"}],
    # Arriving tomorrow: picked up at the airport
    "LP24055": [
        {"service": "transfer", "at": (1, "13:30"), "who": "all",
         "details": {"pickup_place": "Vienna Airport, arrivals hall",
                     "destination": "Lakeside Pines Resort", "flight_number": "OS 112",
                     "passengers": 2}},
    ],
    # Staying on
    "LP23950": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "kids-animation", "day": 0, "who": "children"},
    ],
    "LP23952": [
        {"service": "boat-trip", "day": 0, "who": "all"},
        {"service": "horse-riding", "day": 1, "who": "children"},
    ],
    "LP23957": [{"service": "sauna", "day": 1, "who": "all"}],
    "LP23960": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "babysitting", "at": (0, "19:00"), "who": "children",
         "details": {"hours": 4}},
    ],
    "LP23965": [{"service": "kids-club", "day": 0, "who": "children"}],
    "LP23970": [{"service": "boat-trip", "day": 1, "who": "all", "then": "cancel"}],
    "LP23972": [{"service": "kids-club", "day": 0, "who": "children"}],
    "LP23977": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "stroller", "first": "arrival", "last": 0},
    ],
    "LP23979": [{"service": "bath-house", "day": 0, "who": "all"}],
    "LP23983": [
        {"service": "sauna", "day": 0, "who": "all"},
        {"service": "disco-night", "day": 0, "who": "all"},
    ],
    "LP23985": [{"service": "boat-rental", "day": 0, "who": "all"}],
    "LP23987": [
        {"service": "pony-ride", "day": 1, "who": "children"},
        {"service": "kids-animation", "day": 1, "who": "children"},
    ],
    "LP23989": [
        {"service": "event-tickets", "at": (1, "19:00"), "who": "all", "then": "decline",
         "reason": "The open-air concert is sold out, sorry.",
         "details": {"event_name": "Open-air concert at the lake"}},
    ],
    "LP23992": [{"service": "fishing-trip", "day": 1, "who": "all"}],
    "LP23996": [
        {"service": "children-pool", "day": 0, "who": "children"},
    ],
    "LP23998": [{"service": "group-excursion", "day": 1, "who": "all"}],
    "LP24002": [{"service": "car-rental", "first": 0, "last": 1}],
    "LP24004": [
        {"service": "crib", "first": "arrival", "last": "last_night"},
        {"service": "children-pool", "day": 0, "who": "children"},
    ],
    "LP24007": [{"service": "scooter-rental", "first": 0, "last": 0, "quantity": 2}],
    "LP24010": [{"service": "kids-animation", "day": 1, "who": "children"}],
    "LP24013": [
        {"service": "private-tour", "at": (1, "10:00"), "who": "all",
         "details": {"pickup_place": "Reception", "passengers": 1,
                     "interests": "Monasteries and wine cellars"}},
    ],
    "LP23994": [{"service": "mini-farm", "day": 1, "who": "all"}],
}


def _day(value, stay: Stay, today: date) -> date:
    named = {"arrival": stay.arrival_on, "departure": stay.departure_on,
             "last_night": stay.departure_on - timedelta(days=1)}
    return named[value] if isinstance(value, str) else today + timedelta(days=value)


def _people(stay: Stay, service: Service, who: str, on: date) -> list[int]:
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
    day, clock = spec["at"]
    starts_at = local_to_utc(today + timedelta(days=day), time.fromisoformat(clock))
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
        handle_items([item.id], Action.DECLINE, reception, reason=spec["reason"],
                     reason_language="en")
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


def load_demo_bookings(today: date) -> int:
    """Book the demo guests' cribs, strollers, sessions, transfers and babysitting around
    ``today``; return how many bookings were made (none on a second run)."""
    now = min(utcnow(), local_to_utc(today, DAY_BEGINS))
    services = {s.slug: s for s in db.session.scalars(select(Service))}
    reception = db.session.scalar(select(StaffUser).where(StaffUser.username == "reception"))
    stays = {s.reference: s for s in db.session.scalars(
        select(Stay).where(Stay.reference.in_(list(DEMO_BOOKINGS))))}
    made = 0
    for reference, specs in DEMO_BOOKINGS.items():
        stay = stays.get(reference)
        for number, spec in enumerate(specs, start=1):
            if stay is not None and _book(stay, number, spec, services, reception, today, now):
                made += 1
    return made
