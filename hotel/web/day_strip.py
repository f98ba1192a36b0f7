"""Choosing a time: the days of the stay as a strip, and the chosen day's times.

Each day is a link (``?day=2026-12-03``), so choosing works without JavaScript; with it,
static/js/day_strip.js shows the day's times in place. Every day's times are in the page,
those of the days not chosen hidden, so the script needs no request of its own.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from hotel.clock import hotel_day
from hotel.services.availability import SlotAvailability, bookable_window


@dataclass(frozen=True)
class StripDay:
    """A day of the stay with its times, and how many of them still have room."""

    day: date
    slots: list[SlotAvailability]

    @property
    def free(self) -> int:
        return sum(1 for entry in self.slots if entry.remaining and not entry.slot.closed)


@dataclass(frozen=True)
class DayStrip:
    """The days of a stay one can book on, and the day shown."""

    days: list[StripDay]
    chosen: date | None


def _asked_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def day_strip(stay, slots: list[SlotAvailability], asked: str | None = None,
              chosen_slot: int | None = None) -> DayStrip:
    """Return the strip of the stay's bookable days with their times.

    The day shown is the day of the time already chosen (a form sent back with an error),
    else the day asked for in the address, else the first day with a free time.
    """
    first, last = bookable_window(stay)
    by_day: dict[date, list[SlotAvailability]] = {}
    for entry in slots:
        by_day.setdefault(hotel_day(entry.slot.starts_at), []).append(entry)
    days = [StripDay(first + timedelta(days=n), by_day.get(first + timedelta(days=n), []))
            for n in range((last - first).days + 1)]
    known = {strip_day.day for strip_day in days}
    chosen = next((hotel_day(e.slot.starts_at) for e in slots if e.slot.id == chosen_slot), None)
    if chosen is None:
        chosen = _asked_day(asked) if _asked_day(asked) in known else None
    if chosen is None:
        chosen = next((d.day for d in days if d.free), days[0].day if days else None)
    return DayStrip(days, chosen)
