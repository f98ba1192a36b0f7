"""Rental units with an identity: which stroller or boat went to which booking, and how it
came back.

A rental's units are kept equal to its stock (hotel/services/units.py). A hand-out gives
one unit to one booking item; it holds the unit on every day of the item through one row
per day in ``hand_out_day``, whose unique index on (unit, day) lets the database itself
refuse the same unit to two items on overlapping days, whatever number of processes hand
out at once.
"""

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.catalogue import Service
from hotel.models.types import Money, UTCDateTime, enum_column, utcnow

MAX_LABEL = 60


class Condition(enum.StrEnum):
    """How a unit came back."""

    FINE = "fine"
    DAMAGED = "damaged"


class RentalUnit(db.Model):
    """One numbered unit of a rental ("Stroller 3"); a unit no longer in stock is kept
    for the hand-outs it had, and comes back first when the stock rises again."""

    __tablename__ = "rental_unit"
    __table_args__ = (
        UniqueConstraint("service_id", "number"),
        CheckConstraint("number > 0", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship()
    number: Mapped[int] = mapped_column(Integer)
    # A name the manager gave it ("Blue canoe"); empty: the service's name and the number.
    label: Mapped[str] = mapped_column(String(MAX_LABEL), default="")
    in_stock: Mapped[bool] = mapped_column(Boolean, default=True)


class HandOut(db.Model):
    """A unit given to a booking item: from when, until which day, and how it came back."""

    __tablename__ = "hand_out"
    __table_args__ = (
        CheckConstraint("first_on <= last_on", name="date_order"),
        CheckConstraint("deposit IS NULL OR deposit >= 0", name="deposit_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("rental_unit.id", ondelete="CASCADE"),
                                         index=True)
    unit: Mapped[RentalUnit] = relationship()
    item_id: Mapped[int] = mapped_column(ForeignKey("booking_item.id", ondelete="CASCADE"),
                                         index=True)
    # The item's days of use, which the unit is held for, and the day it is due back.
    first_on: Mapped[date] = mapped_column(Date)
    last_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    handed_out_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    handed_out_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    deposit: Mapped[Decimal | None] = mapped_column(Money())
    deposit_returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    condition: Mapped[Condition | None] = mapped_column(enum_column(Condition))
    damage_note: Mapped[str] = mapped_column(Text, default="")
    out_of_service_id: Mapped[int | None] = mapped_column(
        ForeignKey("out_of_service.id", ondelete="SET NULL"))

    @property
    def is_out(self) -> bool:
        return self.returned_at is None


# The units not back yet, by the day they are due: Today and the run sheet read the due
# and overdue ones from this index alone, whatever the history.
Index("ix_hand_out_open_due", HandOut.due_on,
      postgresql_where=text("returned_at IS NULL"), sqlite_where=text("returned_at IS NULL"))


class HandOutDay(db.Model):
    """One day a unit is held by a hand-out; a unit has at most one such row per day."""

    __tablename__ = "hand_out_day"
    __table_args__ = (
        Index("uq_hand_out_day_unit_day", "unit_id", "day", unique=True),
    )

    hand_out_id: Mapped[int] = mapped_column(
        ForeignKey("hand_out.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("rental_unit.id", ondelete="CASCADE"))
