"""The hotel's clock: today's date and wall-clock times in the hotel's time zone."""

from datetime import UTC, date, datetime, time, timedelta
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


def day_starts_at(day: date) -> datetime:
    """Return the UTC instant at which a hotel day begins (midnight at the hotel)."""
    return local_to_utc(day, time.min)


def days_in_utc(first: date, last: date) -> tuple[datetime, datetime]:
    """Return the UTC instants from the start of ``first`` to the end of ``last`` (exclusive)."""
    return day_starts_at(first), day_starts_at(last + timedelta(days=1))


def hotel_day(moment: datetime) -> date:
    """Return the date at the hotel of an instant."""
    return moment.astimezone(hotel_zone()).date()
