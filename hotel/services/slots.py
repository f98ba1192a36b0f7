"""Making activity slots from recurring rules."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Slot, SlotRule


def local_to_utc(day: date, at, timezone: str) -> datetime:
    """Return the UTC instant of a wall-clock time on a day in the hotel's time zone."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def generate_slots(rule: SlotRule, first_day: date, last_day: date, timezone: str) -> list[Slot]:
    """Add the slots a rule makes between two days (inclusive); existing ones are kept.

    Times are wall-clock times in the hotel's time zone, so a slot at 09:00 stays at
    09:00 across a change to or from summer time.
    """
    existing = set(
        db.session.scalars(
            select(Slot.starts_at).where(
                Slot.service_id == rule.service_id,
                Slot.starts_at >= local_to_utc(first_day, datetime.min.time(), timezone),
                Slot.starts_at
                < local_to_utc(last_day + timedelta(days=1), datetime.min.time(), timezone),
            )
        )
    )
    made = []
    day = max(first_day, rule.valid_from)
    while day <= last_day:
        if rule.applies_on(day):
            starts_at = local_to_utc(day, rule.start_time, timezone)
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
