"""The basket tells the truth: each time it is shown, every line is checked against what
is free now, and a line that no longer fits gets the nearest times that still do."""

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from hotel.clock import days_in_utc
from hotel.extensions import db
from hotel.models import Kind, Slot, Stay
from hotel.services.availability import expire_offers, rental_days
from hotel.services.rules import CheckedLine

ALTERNATIVES = 3


def before_recheck() -> None:
    """End run-out waiting-list offers once, before the lines are checked."""
    expire_offers()


def nearest_slots(line: CheckedLine, stay: Stay, now: datetime) -> list[Slot]:
    """Return up to three open times of the line's service during the stay, nearest to
    the line's own, that have room for its places (one query)."""
    first, last = days_in_utc(stay.arrival_on, stay.departure_on)
    distance = func.abs(func.extract("epoch", Slot.starts_at)
                        - func.extract("epoch", line.slot.starts_at)) \
        if db.session.get_bind().dialect.name == "postgresql" else func.abs(
            func.julianday(Slot.starts_at) - func.julianday(line.slot.starts_at))
    slots = db.session.scalars(
        select(Slot).where(Slot.service_id == line.slot.service_id, Slot.id != line.slot.id,
                           Slot.closed.is_(False), Slot.starts_at > now,
                           Slot.starts_at >= max(first, now), Slot.starts_at < last,
                           Slot.capacity - Slot.booked >= line.quantity)
        .order_by(distance).limit(ALTERNATIVES)).all()
    return sorted(slots, key=lambda slot: slot.starts_at)


def recheck(line: CheckedLine, stay: Stay, now: datetime) -> tuple[str | None, list[Slot]]:
    """Return why a checked line can no longer be booked as it is (None if it can), and
    the nearest times that would fit instead."""
    service = line.request.service
    if service.kind == Kind.ACTIVITY:
        free = db.session.execute(select(Slot.capacity - Slot.booked, Slot.closed)
                                  .where(Slot.id == line.slot.id)).one()
        if not free[1] and free[0] >= line.quantity:
            return None, []
        return (_("This time has just been taken by other guests."),
                nearest_slots(line, stay, now))
    if service.kind == Kind.RENTAL:
        if min(day.remaining for day in rental_days(service, line.first, line.last)) \
                >= line.quantity:
            return None, []
        return _("Not enough units are free on these days any more."), []
    return None, []
