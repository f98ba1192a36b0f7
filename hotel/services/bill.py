"""The bill of services of a stay: every item with its price, discounts, voucher and
fees, totals per day and for the stay. A line's total is what the item is charged plus
its fees; the stay's total is the sum of the lines, nothing else, so the two always agree.

It is read in a fixed number of queries, whatever the number of items.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from hotel.extensions import db
from hotel.models import (
    Booking,
    BookingItem,
    Fee,
    ItemState,
    Stay,
    Voucher,
    VoucherUse,
)
from hotel.models.types import ZERO
from hotel.services.catalogue import service_loaders

# Items the stay pays the price of; the others are at zero unless a fee applies.
CHARGED_STATES = frozenset({ItemState.REQUESTED, ItemState.CONFIRMED, ItemState.COMPLETED})


@dataclass
class BillLine:
    """One item on the bill."""

    item: BookingItem
    fees: list[Fee] = field(default_factory=list)
    voucher_code: str | None = None

    @property
    def day(self) -> date:
        return self.item.start_on

    @property
    def is_charged(self) -> bool:
        return self.item.state in CHARGED_STATES

    @property
    def charged(self) -> Decimal:
        """What the item itself costs the stay: its price, or zero if it did not happen."""
        return self.item.price if self.is_charged else ZERO

    @property
    def fee_total(self) -> Decimal:
        return sum((fee.amount for fee in self.fees), ZERO)

    @property
    def discount(self) -> Decimal:
        """The discounts given on what is charged (none on an item not charged)."""
        return self.item.discount if self.is_charged else ZERO

    @property
    def total(self) -> Decimal:
        return self.charged + self.fee_total


@dataclass
class BillDay:
    """The lines of one day and their total."""

    day: date
    lines: list[BillLine]

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), ZERO)


@dataclass
class Bill:
    """A stay's bill: its lines by day, and the totals."""

    stay: Stay
    currency: str
    lines: list[BillLine]

    @property
    def days(self) -> list[BillDay]:
        days: dict[date, list[BillLine]] = {}
        for line in self.lines:
            days.setdefault(line.day, []).append(line)
        return [BillDay(day, lines) for day, lines in days.items()]

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), ZERO)

    @property
    def discount_total(self) -> Decimal:
        return sum((line.discount for line in self.lines), ZERO)

    @property
    def fee_total(self) -> Decimal:
        return sum((line.fee_total for line in self.lines), ZERO)


def _items(stay_id: int, locales: Sequence[str] | None):
    return db.session.scalars(
        select(BookingItem).join(Booking)
        .where(Booking.stay_id == stay_id)
        .options(contains_eager(BookingItem.booking),
                 joinedload(BookingItem.service).options(
                     *service_loaders(locales, bands=False)),
                 selectinload(BookingItem.participants))
        .order_by(BookingItem.start_on, BookingItem.starts_at, BookingItem.id)
    ).all()


def bill_of_stay(stay: Stay, locales: Sequence[str] | None = None) -> Bill:
    """Return the stay's bill, the services named in ``locales`` (four queries)."""
    items = _items(stay.id, locales)
    fees: dict[int, list[Fee]] = {}
    for fee in db.session.scalars(select(Fee).where(Fee.stay_id == stay.id)
                                  .order_by(Fee.charged_at, Fee.id)):
        fees.setdefault(fee.booking_item_id, []).append(fee)
    codes = dict(db.session.execute(
        select(VoucherUse.booking_id, Voucher.code).join(Voucher)
        .join(Booking, Booking.id == VoucherUse.booking_id)
        .where(Booking.stay_id == stay.id)).all())
    lines = [BillLine(item, fees.get(item.id, []), codes.get(item.booking_id))
             for item in items]
    return Bill(stay, current_app.config["HOTEL_CURRENCY"], lines)
