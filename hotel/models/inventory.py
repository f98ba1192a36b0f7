"""Inventory: rental stock per day, units out of service, activity slots and their rules.

Capacity lives in counters (``capacity`` and ``booked``) on one row per rental day and
per slot, guarded by CHECK constraints, so that a reservation is a single conditional
UPDATE that the database serialises; see hotel.services.capacity.
"""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.catalogue import Service
from hotel.models.types import UTCDateTime, utcnow


class RentalDay(db.Model):
    """How many units of a rental can be used on one day, and how many are booked.

    ``capacity`` is the stock less the units out of service that day. Rows are made on
    first use; a missing row means the whole stock is free.
    """

    __tablename__ = "rental_day"
    __table_args__ = (
        UniqueConstraint("service_id", "day"),
        CheckConstraint("booked >= 0", name="booked_not_negative"),
        CheckConstraint("booked <= capacity", name="booked_within_capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship()
    day: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class OutOfService(db.Model):
    """Units of a rental taken out of use for a period (repair, cleaning, lost)."""

    __tablename__ = "out_of_service"
    __table_args__ = (
        CheckConstraint("units > 0", name="units_positive"),
        CheckConstraint("starts_on <= ends_on", name="period_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    service: Mapped[Service] = relationship()
    units: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    standard_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("standard_reason.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The unit that came back damaged, when the period is that one unit's repair.
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("rental_unit.id", ondelete="CASCADE"), index=True)


class SlotRule(db.Model):
    """A recurring rule that makes slots: on these weekdays at this time, this capacity."""

    __tablename__ = "slot_rule"
    __table_args__ = (CheckConstraint("capacity > 0", name="capacity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    service: Mapped[Service] = relationship()
    weekdays: Mapped[str] = mapped_column(String(7))  # "0123456", Monday is 0
    start_time: Mapped[time] = mapped_column(Time)  # in the hotel's time zone
    duration_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)

    def applies_on(self, day: date) -> bool:
        """Tell whether this rule makes a slot on the given day."""
        in_period = self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
        return in_period and str(day.weekday()) in self.weekdays


class Slot(db.Model):
    """One session of an activity, with its capacity and the places booked."""

    __table_args__ = (
        UniqueConstraint("service_id", "starts_at"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("booked >= 0", name="booked_not_negative"),
        CheckConstraint("booked <= capacity", name="booked_within_capacity"),
        CheckConstraint("starts_at < ends_at", name="time_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship()
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("slot_rule.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_reason: Mapped[str] = mapped_column(Text, default="")
    closed_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("standard_reason.id", ondelete="SET NULL"))

    @property
    def remaining(self) -> int:
        """Places left; a closed slot has none."""
        return 0 if self.closed else max(self.capacity - self.booked, 0)
