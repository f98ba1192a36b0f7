"""Demo guests who have stayed before: their earlier stays, what they used, and the mark.

The earlier stays (in stays.toml) ended weeks ago; their services were used (completed),
so they are written directly as history rather than booked through the booking service.
Running it again changes nothing.
"""

from datetime import date, time, timedelta
from decimal import Decimal

from flask import current_app
from sqlalchemy import select

from hotel.clock import local_to_utc
from hotel.demo.datafiles import DemoFiles, load_demo_files
from hotel.demo.stays import party
from hotel.extensions import db
from hotel.models import Booking, BookingItem, ItemState, Kind, PartyMember, Service, Stay
from hotel.services.returning import mark_returning

# The hotel's local time at which an earlier stay's activities, and its other services,
# were used.
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
    for position, person in enumerate(party(spec)):
        stay.members.append(PartyMember(position=position, **person))
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


def load_returning_demo(today: date, files: DemoFiles | None = None) -> int:
    """Give some demo guests an earlier stay with what they used, and mark their current
    stays as returning; return how many earlier stays were created (none on a second run)."""
    files = files or load_demo_files()
    specs = {spec["reference"]: spec for spec in files.stays}
    services = {s.slug: s for s in db.session.scalars(select(Service))}
    created = 0
    for current_reference, earlier in files.earlier_stays.items():
        spec = specs[current_reference]
        stay, new = _earlier_stay(spec, earlier, today)
        if new:
            booking = Booking(reference=f"{earlier['reference']}-1", stay=stay,
                              currency=current_app.config["HOTEL_CURRENCY"],
                              created_at=local_to_utc(stay.arrival_on - timedelta(days=10),
                                                      time(9, 0)))
            booking.items = [_used_item(stay, services[used["service"]], used["day"])
                             for used in earlier["used"] if used["service"] in services]
            booking.total = sum((item.price for item in booking.items), Decimal("0"))
            db.session.add(booking)
            created += 1
    db.session.flush()
    for current in db.session.scalars(select(Stay).where(Stay.reference.in_(list(specs)))):
        mark_returning(current)
    db.session.flush()
    return created
