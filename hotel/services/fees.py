"""Fees by policy: cancelling after a service's cut-off, and not coming (no-show).

Each service sets its fees as percents of the item's price. A fee is worked out here
only: what cancelling an item would cost at a given moment (shown to the guest before
they confirm), and the Fee row written in the very transaction that changes the item's
state, so that every fee charged is one row to post to the room's folio.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from hotel.clock import day_starts_at
from hotel.extensions import db
from hotel.models import HOLDING_STATES, BookingItem, Fee, FeeKind, ItemState, StaffUser
from hotel.models.types import ZERO, utcnow
from hotel.services.pricing import percent_of


def item_starts_at(item: BookingItem) -> datetime:
    """Return when an item begins: its slot or requested time, or its first day."""
    return item.starts_at or day_starts_at(item.start_on)


def cancellation_deadline(item: BookingItem) -> datetime:
    """Return the last moment a guest may cancel the item free of charge."""
    return item_starts_at(item) - timedelta(hours=item.service.cutoff_hours)


def has_late_cancellation(item: BookingItem) -> bool:
    """Tell whether the item's service lets guests cancel after the cut-off, for a fee."""
    return Decimal(item.service.late_cancel_fee_percent or 0) > 0


def can_cancel_late(item: BookingItem, now: datetime) -> bool:
    """Tell whether the guest may still cancel the item now, past the cut-off, for a fee."""
    return has_late_cancellation(item) and now < item_starts_at(item)


def cancellation_fee(item: BookingItem, at: datetime | None = None) -> Decimal:
    """Return what cancelling the item at ``at`` (now by default) costs: nothing up to
    the cut-off, then the service's late-cancellation percent of the item's price."""
    at = at or utcnow()
    if item.state not in HOLDING_STATES or at <= cancellation_deadline(item):
        return ZERO
    return percent_of(item.price, item.service.late_cancel_fee_percent, item.booking.currency)


def no_show_fee(item: BookingItem) -> Decimal:
    """Return what not coming costs: the service's no-show percent of the item's price."""
    return percent_of(item.price, item.service.no_show_fee_percent or 0, item.booking.currency)


def _charge(item: BookingItem, kind: FeeKind, amount: Decimal, percent, actor,
            at: datetime) -> Fee | None:
    if amount <= 0:
        return None
    fee = Fee(booking_item_id=item.id, stay_id=item.booking.stay_id, kind=kind,
              percent=Decimal(percent), amount=amount, currency=item.booking.currency,
              charged_at=at, charged_by_id=actor.id if isinstance(actor, StaffUser) else None)
    db.session.add(fee)
    return fee


def charge_fees(item: BookingItem, old_state: ItemState, new_state: ItemState, actor,
                at: datetime | None = None) -> Fee | None:
    """Write the fee an item's state change costs, if any, in the caller's transaction.

    Called by the one function that changes an item's state, after the change is claimed,
    so a fee is charged once: a cancellation after the cut-off, or a no-show.
    """
    at = at or utcnow()
    if new_state == ItemState.CANCELLED and old_state in HOLDING_STATES \
            and at > cancellation_deadline(item):
        amount = percent_of(item.price, item.service.late_cancel_fee_percent,
                            item.booking.currency)
        return _charge(item, FeeKind.LATE_CANCELLATION, amount,
                       item.service.late_cancel_fee_percent, actor, at)
    if new_state == ItemState.NO_SHOW:
        return _charge(item, FeeKind.NO_SHOW, no_show_fee(item), item.service.no_show_fee_percent,
                       actor, at)
    return None
