"""The waiting list: guests waiting for a place in a full slot or a unit on full days."""

import enum
from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.catalogue import Service
from hotel.models.inventory import Slot
from hotel.models.stays import Stay
from hotel.models.types import UTCDateTime, enum_column, utcnow


class WaitingState(enum.StrEnum):
    """Where a waiting entry stands."""

    WAITING = "waiting"  # in the queue
    OFFERED = "offered"  # places are held for the guest until offer_expires_at
    BOOKED = "booked"  # the guest accepted: booking_item_id is the booked item
    EXPIRED = "expired"  # the offer ran out, or the time to book passed while waiting
    LEFT = "left"  # the guest left the list or declined the offer, or reception removed it


# Entries still in the queue; an offered one holds its places.
ACTIVE_WAITING_STATES = frozenset({WaitingState.WAITING, WaitingState.OFFERED})


class WaitingEntry(db.Model):
    """A stay waiting for ``quantity`` places of a slot, or units of a rental on each of
    its days; the queue is in the order guests joined (``id``)."""

    __tablename__ = "waiting_entry"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("start_on <= end_on", name="date_order"),
        # The queue of a slot, or of a rental's days, in order.
        Index("ix_waiting_entry_queue", "service_id", "state", "start_on", "id"),
        # Offers that run out: the sweep and every read of availability look here.
        Index("ix_waiting_entry_offer_expires", "state", "offer_expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    stay: Mapped[Stay] = relationship()
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship()
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("slot.id", ondelete="CASCADE"),
                                                index=True)
    slot: Mapped[Slot | None] = relationship()
    # The slot's day, or the rental's first and last day (both included).
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
    # The party members who would take part (ids), as the guest chose them.
    participant_ids: Mapped[list] = mapped_column(JSON, default=list)
    state: Mapped[WaitingState] = mapped_column(enum_column(WaitingState))
    # The last moment the service can be booked: waiting ends there.
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    booking_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_item.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_WAITING_STATES
