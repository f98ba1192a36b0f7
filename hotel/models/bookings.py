"""Bookings, their items and the party members taking part."""

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.catalogue import Package, Service
from hotel.models.inventory import Slot
from hotel.models.staff import StaffUser
from hotel.models.stays import PartyMember, Stay
from hotel.models.types import ZERO, Money, UTCDateTime, enum_column, utcnow


class ItemState(enum.StrEnum):
    """Where a booked item stands."""

    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"  # by the guest, before the cut-off
    DECLINED = "declined"  # by reception, with a reason
    CANCELLED_BY_HOTEL = "cancelled_by_hotel"  # e.g. the slot was closed
    NO_SHOW = "no_show"


# States of an item that is still to happen: it can be confirmed, cancelled, completed.
HOLDING_STATES = frozenset({ItemState.REQUESTED, ItemState.CONFIRMED})
# States in which an item has given its places back. Completed and no-show items keep
# theirs: the place was used (or kept free for the guest) and is not sold again.
RELEASED_STATES = frozenset(
    {ItemState.CANCELLED, ItemState.DECLINED, ItemState.CANCELLED_BY_HOTEL}
)


class Booking(db.Model):
    """One booking of a stay: one or more items, taken whole or not at all."""

    __table_args__ = (
        UniqueConstraint("stay_id", "submission_key"),
        # A stay's bookings, read from the index alone: the desk goes from stays found by
        # name or room to their items without reading the bookings.
        Index("ix_booking_stay_id_id", "stay_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"))
    stay: Mapped[Stay] = relationship()
    package_id: Mapped[int | None] = mapped_column(ForeignKey("package.id"))
    package: Mapped[Package | None] = relationship()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_by: Mapped[StaffUser | None] = relationship()
    currency: Mapped[str] = mapped_column(String(3))
    total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    discount_total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    # A key sent with the checkout form, so that a second submit finds the first booking.
    submission_key: Mapped[str | None] = mapped_column(String(64))

    items: Mapped[list["BookingItem"]] = relationship(
        back_populates="booking", cascade="all, delete-orphan", order_by="BookingItem.id"
    )


# Who takes part in an item. ``slot_id`` is set while an activity item is still to happen
# (requested or confirmed) and cleared when it leaves those states, so that the unique
# index below lets the database itself refuse a second place for one person at one time.
booking_item_participant = Table(
    "booking_item_participant",
    db.metadata,
    Column(
        "booking_item_id",
        ForeignKey("booking_item.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "party_member_id",
        ForeignKey("party_member.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("slot_id", ForeignKey("slot.id", ondelete="CASCADE"), nullable=True),
    Index("uq_one_place_per_person_and_slot", "slot_id", "party_member_id", unique=True),
)


class BookingItem(db.Model):
    """One booked service: a slot, a run of rental days, or a request for a time."""

    __tablename__ = "booking_item"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("end_on IS NULL OR start_on <= end_on", name="date_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("booking.id", ondelete="CASCADE"), index=True
    )
    booking: Mapped[Booking] = relationship(back_populates="items")
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    service: Mapped[Service] = relationship()
    state: Mapped[ItemState] = mapped_column(enum_column(ItemState), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("slot.id"), index=True)
    slot: Mapped[Slot | None] = relationship()
    # Days of use (rentals: both inclusive), or the day of the slot or request.
    start_on: Mapped[date] = mapped_column(Date, index=True)
    end_on: Mapped[date | None] = mapped_column(Date)
    # When it starts: the slot's start, or the time asked for on request.
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    # Price snapshot, in the booking's currency; later price changes do not alter it.
    unit_price: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    subtotal: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    discount: Mapped[Decimal] = mapped_column(Money(), default=ZERO)  # all of them
    # The parts of ``discount`` that came from the returning-guest perk and the voucher.
    perk_discount: Mapped[Decimal] = mapped_column(Money(), default=ZERO, server_default="0")
    voucher_discount: Mapped[Decimal] = mapped_column(Money(), default=ZERO,
                                                      server_default="0")
    price: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    # Why reception declined or the hotel cancelled, as written, and in which language.
    reason: Mapped[str] = mapped_column(Text, default="")
    reason_language: Mapped[str] = mapped_column(String(8), default="")
    # The standard reason chosen, which each guest reads in their own language.
    standard_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("standard_reason.id", ondelete="SET NULL"))
    standard_reason: Mapped["StandardReason | None"] = relationship()  # noqa: F821
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    participants: Mapped[list[PartyMember]] = relationship(
        secondary=booking_item_participant, order_by=PartyMember.position
    )

    @property
    def holds_capacity(self) -> bool:
        return self.state in HOLDING_STATES


# The items waiting for an answer are few, whatever the history: the desk reads them
# through an index of their own.
Index("ix_booking_item_waiting", BookingItem.booking_id,
      postgresql_where=text("state = 'requested'"), sqlite_where=text("state = 'requested'"))
# An item's service, read from the index alone: reports group ratings by service without
# reading the items rated.
Index("ix_booking_item_id_service_id", BookingItem.id, BookingItem.service_id)
# An item's last day, then its first day and service: it finds the items used on a day
# (of one department, too) without reading the items of earlier days.
Index("ix_booking_item_last_day", func.coalesce(BookingItem.end_on, BookingItem.start_on),
      BookingItem.start_on, BookingItem.service_id)
