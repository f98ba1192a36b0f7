"""Calendar files (.ics) of a guest's bookings."""

from collections.abc import Iterable
from datetime import timedelta

from flask import current_app
from icalendar import Calendar, Event

from hotel.i18n import localized
from hotel.models import HOLDING_STATES, Booking, BookingItem


def booking_calendar(booking: Booking) -> bytes:
    """Return an iCalendar file with one event per item the guest still has."""
    return items_calendar(booking.items)


def items_calendar(items: Iterable[BookingItem]) -> bytes:
    """Return an iCalendar file with one event per item the guest still has, of any of
    their bookings (one item, or the whole stay); each item's booking and slot loaded."""
    hotel = current_app.config["HOTEL_NAME"]
    calendar = Calendar()
    calendar.add("prodid", f"-//{hotel}//Guest services//EN")
    calendar.add("version", "2.0")
    for item in items:
        if item.state not in HOLDING_STATES:
            continue
        booking = item.booking
        event = Event()
        event.add("uid", f"{booking.reference}-{item.id}@guest-services")
        event.add("dtstamp", booking.created_at)
        event.add("summary", localized(item.service))
        if item.slot is not None:
            event.add("dtstart", item.slot.starts_at)
            event.add("dtend", item.slot.ends_at)
        elif item.starts_at is not None:
            minutes = item.service.duration_minutes or 60
            event.add("dtstart", item.starts_at)
            event.add("dtend", item.starts_at + timedelta(minutes=minutes))
        else:  # rentals: whole days, the end date is exclusive in iCalendar
            event.add("dtstart", item.start_on)
            event.add("dtend", (item.end_on or item.start_on) + timedelta(days=1))
        event.add("location", hotel)
        event.add("description", f"{booking.reference} · {localized(item.service, 'description')}")
        calendar.add_component(event)
    return calendar.to_ical()
