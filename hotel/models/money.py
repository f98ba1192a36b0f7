"""The money side beyond an item's price: voucher codes and the fees charged to a stay."""

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.catalogue import Service
from hotel.models.types import Money, UTCDateTime, enum_column, utcnow


class VoucherKind(enum.StrEnum):
    """What a voucher takes off: a percent of each line, or an amount off the booking."""

    PERCENT = "percent"
    AMOUNT = "amount"


# The services a voucher is good for; a voucher with none is good for every service.
voucher_service = Table(
    "voucher_service",
    db.metadata,
    Column("voucher_id", ForeignKey("voucher.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
)


class Voucher(db.Model):
    """A code a guest or reception enters at booking, good a limited number of times."""

    __table_args__ = (
        CheckConstraint("value > 0", name="value_positive"),
        CheckConstraint("kind <> 'percent' OR value <= 100", name="percent_range"),
        CheckConstraint("max_uses IS NULL OR max_uses > 0", name="max_uses_positive"),
        # The last guard of the use limit: a use beyond it cannot be written at all.
        CheckConstraint("uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)",
                        name="uses_within_limit"),
        CheckConstraint("valid_until IS NULL OR valid_from IS NULL OR valid_from <= valid_until",
                        name="validity_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # kept in capitals
    kind: Mapped[VoucherKind] = mapped_column(enum_column(VoucherKind))
    value: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    max_uses: Mapped[int | None] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    services: Mapped[list[Service]] = relationship(secondary=voucher_service,
                                                   order_by=Service.position)

    def covers(self, service: Service) -> bool:
        """Tell whether the voucher is good for this service."""
        return not self.services or any(s.id == service.id for s in self.services)

    def __repr__(self) -> str:
        return f"<Voucher {self.code}>"


class VoucherUse(db.Model):
    """A booking that used a voucher: one use of its limit."""

    __tablename__ = "voucher_use"

    id: Mapped[int] = mapped_column(primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id", ondelete="CASCADE"),
                                            index=True)
    voucher: Mapped[Voucher] = relationship()
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id", ondelete="CASCADE"),
                                            unique=True)
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FeeKind(enum.StrEnum):
    """Why a stay is charged a fee for an item."""

    LATE_CANCELLATION = "late_cancellation"
    NO_SHOW = "no_show"


class Fee(db.Model):
    """A fee charged for an item, written in the transaction of the item's state change.

    Each row is one charge to post to the room's folio.
    """

    __table_args__ = (
        UniqueConstraint("booking_item_id", "kind"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_item_id: Mapped[int] = mapped_column(
        ForeignKey("booking_item.id", ondelete="CASCADE"))
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    kind: Mapped[FeeKind] = mapped_column(enum_column(FeeKind))
    percent: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    amount: Mapped[Decimal] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3))
    charged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    charged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"))

    item: Mapped["BookingItem"] = relationship()  # noqa: F821
