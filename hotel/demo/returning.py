"""Demo guests who have stayed before: their earlier stays, what they used, and the mark.

The earlier stays ended weeks ago; their services were used (completed), so they are
written directly as history rather than booked through the booking service. Running it
again changes nothing.
"""

from datetime import date, time, timedelta
from decimal import Decimal

from flask import current_app
from sqlalchemy import select

from hotel.clock import local_to_utc
from hotel.demo.stays import DEMO_STAYS
from hotel.extensions import db
from hotel.models import Booking, BookingItem, ItemState, Kind, PartyMember, Service, Stay
from hotel.services.returning import mark_returning

# The earlier stay of a guest who is in the demo now (same e-mail): its reference, room,
# how many days ago it began, its nights, and the services used, as (slug, day of the stay).
EARLIER_STAYS = {
    "LP24017": {"reference": "LP91017", "room": "206", "began": 70, "nights": 6,
                "used": [("crib", 0), ("childrens-menu", 0), ("childrens-menu", 2),
                         ("childrens-menu", 4), ("kids-club", 1), ("kids-club", 3)]},
    "LP24023": {"reference": "LP91023", "room": "114", "began": 49, "nights": 7,
                "used": [("crib", 0), ("childrens-menu", 1), ("childrens-menu", 3),
                         ("kids-club", 2), ("pony-ride", 4)]},
    "LP24061": {"reference": "LP91061", "room": "118", "began": 35, "nights": 4,
                "used": [("crib", 0), ("kids-animation", 1)]},
    "LP23950": {"reference": "LP91950", "room": "103", "began": 84, "nights": 5,
                "used": [("kids-club", 1), ("kids-club", 2), ("crib", 0)]},
}
ACTIVITY_STARTS, MEAL_STARTS = time(10, 0), time(18, 0)


def _earlier_stay(spec: dict, earlier: dict, today: date) -> tuple[Stay, bool]:
    """Return the guest's earlier stay, created with their party if it is not there yet."""
    stay = db.session.scalar(select(Stay).where(Stay.reference == earlier["reference"]))
    if stay is not None:
        return stay, False
    arrival = today - timedelta(days=earlier["began"])
    stay = Stay(reference=earlier["reference"], room=earlier["room"],
                first_name=spec["first_name"], arrival_on=arrival,
                departure_on=arrival + timedelta(days=earlier["nights"]),
                language=spec["language"], email=spec["email"])
    stay.set_last_name(spec["last_name"])
    people = [PartyMember(first_name=a["first_name"], last_name=a.get("last_name", ""))
              for a in spec["adults"]]
    people += [PartyMember(first_name=c["first_name"], is_child=True, age=c["age"],
                           last_name=c.get("last_name", spec["last_name"]))
               for c in spec.get("children", [])]
    for position, member in enumerate(people):
        member.position = position
        stay.members.append(member)
    db.session.add(stay)
    return stay, True


def _used_item(stay: Stay, service: Service, day: int) -> BookingItem:
    """Return a completed item of a service on a day of an earlier stay."""
    on = stay.arrival_on + timedelta(days=day)
    people = stay.children or stay.adults
    item = BookingItem(service=service, state=ItemState.COMPLETED, start_on=on,
                       participants=list(people), quantity=len(people) or 1)
    units = 1
    if service.kind == Kind.RENTAL:
        item.quantity, item.participants = 1, []
        item.end_on = stay.departure_on
        units = max((stay.departure_on - on).days, 1)
    else:
        item.starts_at = local_to_utc(on, ACTIVITY_STARTS if service.kind == Kind.ACTIVITY
                                      else MEAL_STARTS)
    item.unit_price = service.price
    item.subtotal = item.price = service.price * item.quantity * units
    return item


def load_returning_demo(today: date) -> int:
    """Give some demo guests an earlier stay with what they used, and mark their current
    stays as returning; return how many earlier stays were created (none on a second run)."""
    specs = {spec["reference"]: spec for spec in DEMO_STAYS}
    services = {s.slug: s for s in db.session.scalars(select(Service))}
    created = 0
    for current_reference, earlier in EARLIER_STAYS.items():
        spec = specs[current_reference]
        stay, new = _earlier_stay(spec, earlier, today)
        if new:
            booking = Booking(reference=f"{earlier['reference']}-1", stay=stay,
                              currency=current_app.config["HOTEL_CURRENCY"],
                              created_at=local_to_utc(stay.arrival_on - timedelta(days=10),
                                                      time(9, 0)))
            booking.items = [_used_item(stay, services[slug], day)
                             for slug, day in earlier["used"] if slug in services]
            booking.total = sum((item.price for item in booking.items), Decimal("0"))
            db.session.add(booking)
            created += 1
    db.session.flush()
    for current in db.session.scalars(select(Stay).where(Stay.reference.in_(list(specs)))):
        mark_returning(current)
    db.session.flush()
    return created
