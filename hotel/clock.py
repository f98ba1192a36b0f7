"""The hotel's clock: today's date and wall-clock times in the hotel's time zone."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app


def hotel_zone() -> ZoneInfo:
    """Return the hotel's time zone."""
    return ZoneInfo(current_app.config["HOTEL_TIMEZONE"])


def hotel_now() -> datetime:
    """Return the current time in the hotel's time zone."""
    return datetime.now(hotel_zone())


def hotel_today() -> date:
    """Return today's date at the hotel."""
    return hotel_now().date()


def local_to_utc(day: date, at: time) -> datetime:
    """Return the UTC instant of a wall-clock time on a day at the hotel."""
    return datetime.combine(day, at, tzinfo=hotel_zone()).astimezone(UTC)
