"""What the hotel tells its property-management system (PMS): webhook deliveries kept as
an outbox, each try of each, and where to send them."""

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.staff import StaffUser
from hotel.models.types import Money, UTCDateTime, enum_column, utcnow


class DeliveryState(enum.StrEnum):
    """Where one webhook delivery stands on its way to the PMS."""

    WAITING = "waiting"  # to be sent, now or at next_attempt_at
    SENDING = "sending"  # a worker has claimed it
    DELIVERED = "delivered"  # the PMS answered 2xx
    FAILED = "failed"  # tried for a day without success; a manager can send it again


class PmsDelivery(db.Model):
    """One event for the PMS, written in the same transaction as the change it tells of.

    ``body`` is the JSON exactly as sent, so that every try (and a resend) carries the
    same bytes, the same signature and the same ``delivery_id``. Deliveries of one item
    go in the order of their ids: a later one waits while an earlier one is on its way.
    """

    __tablename__ = "pms_delivery"
    __table_args__ = (
        Index("ix_pms_delivery_due", "state", "next_attempt_at"),
        Index("ix_pms_delivery_item", "booking_item_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[str] = mapped_column(String(36), unique=True)
    event: Mapped[str] = mapped_column(String(40), index=True)
    # Kept as a plain number: the log outlives an item, and the PMS knows it by it.
    booking_item_id: Mapped[int | None] = mapped_column(Integer)
    # For charge.posted: what was posted ("service", "reversal", or a fee's kind), and how much.
    charge_kind: Mapped[str] = mapped_column(String(40), default="")
    amount: Mapped[Decimal | None] = mapped_column(Money())
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[DeliveryState] = mapped_column(enum_column(DeliveryState))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # After this moment a failed try is the last one (a day after it was written or sent
    # again by a manager).
    give_up_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tries: Mapped[list["PmsDeliveryTry"]] = relationship(
        back_populates="delivery", cascade="all, delete-orphan",
        order_by="PmsDeliveryTry.id.desc()")


class PmsDeliveryTry(db.Model):
    """One try of a delivery: what the PMS answered (status and the start of its body), or
    why it could not be reached."""

    __tablename__ = "pms_delivery_try"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("pms_delivery.id", ondelete="CASCADE"), index=True)
    delivery: Mapped[PmsDelivery] = relationship(back_populates="tries")
    tried_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[int | None] = mapped_column(Integer)  # None: no answer at all
    response: Mapped[str] = mapped_column(Text, default="")  # its first 500 characters
    error: Mapped[str] = mapped_column(Text, default="")
    milliseconds: Mapped[int] = mapped_column(Integer, default=0)


class PmsSetting(db.Model):
    """Where managers told the hotel to send webhooks (one row); without it the
    environment's PMS_WEBHOOK_URL and PMS_WEBHOOK_SECRET apply."""

    __tablename__ = "pms_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500), default="")
    secret: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"))
    updated_by: Mapped[StaffUser | None] = relationship()
