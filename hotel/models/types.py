"""Column types shared by the models."""

import enum
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import DateTime, Enum, Numeric, TypeDecorator


class UTCDateTime(TypeDecorator):
    """Store datetimes as naive UTC, hand them back timezone-aware in UTC.

    SQLite keeps no time zone, so every datetime is converted to UTC on the way in;
    a naive datetime given to us is refused rather than guessed at.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC-aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def Money() -> Numeric:  # noqa: N802 - reads like a type in column definitions
    """Return the column type for amounts of money: exact, two decimal places."""
    return Numeric(12, 2, asdecimal=True)


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


ZERO = Decimal("0.00")
# The largest whole number an integer column (every id) holds; beyond, the database fails.
LARGEST_INTEGER = 2**31 - 1


def enum_column(enum_class: type[enum.Enum]) -> Enum:
    """Return a portable column type that stores an Enum's values as strings."""
    return Enum(
        enum_class,
        native_enum=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
