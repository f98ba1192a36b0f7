"""Making activity slots from recurring rules."""

from datetime import date, datetime, timedelta

from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Slot, SlotRule
from hotel.timekeeping import local_to_utc


def generate_slots(rule: SlotRule, first_day: date, last_day: date) -> list[Slot]:
    """Add the slots a rule makes between two days (inclusive); existing ones are kept.

    Times are wall-clock times in the hotel's time zone, so a slot at 09:00 stays at
    09:00 across a change to or from summer time.
    """
    existing = set(
        db.session.scalars(
            select(Slot.starts_at).where(
                Slot.service_id == rule.service_id,
                Slot.starts_at >= local_to_utc(first_day, datetime.min.time()),
                Slot.starts_at
                < local_to_utc(last_day + timedelta(days=1), datetime.min.time()),
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
