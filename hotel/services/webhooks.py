"""Events for the hotel's property-management system (PMS), written as an outbox in the
same transaction as the change they tell of, and handed to the queue once committed.

Every change of a booking item (its booking, and each change of state through
``change_item_state``) writes one ``booking_item.<state>`` delivery; each charge for the
room's folio writes a ``charge.posted``. A change that rolls back writes nothing; a
committed one is never lost, since the worker sweeps the table
(hotel/services/webhook_delivery.py sends them). They are written whether or not a PMS
address is set (one INSERT per change, whatever its number of events): without one they
wait, and count as failed after a day, so that an address set later gets the last day's.

When a charge is posted: an item's price is owed from the moment the hotel has promised
the service, that is when the item is first confirmed (or booked confirmed, or marked
completed without being confirmed first). Then its price is posted, once, with kind
``service``; confirmed → completed posts nothing more. Should a posted item then be
cancelled, declined or recorded as a no-show, the same amount is posted back, once,
negative, with kind ``reversal`` (and posted again should reception take it back); the fees the
hotel's policies charge for such an item are posted by the fee code through
``post_charge``.
"""

import json
import uuid
from datetime import timedelta
from decimal import Decimal

from flask import current_app
from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from hotel.extensions import db
from hotel.models import (
    BookingItem,
    DeliveryState,
    Fee,
    ItemState,
    PmsDelivery,
    PmsSetting,
)
from hotel.models.types import utcnow

_PENDING = "hotel.pms_deliveries_to_send"

# The states in which an item's price is owed to the hotel.
OWING_STATES = frozenset({ItemState.CONFIRMED, ItemState.COMPLETED})
# The event each state is told as; a cancellation by the hotel is a cancellation, its
# "state" in the body says who cancelled.
EVENTS = {
    ItemState.REQUESTED: "booking_item.created",
    ItemState.CONFIRMED: "booking_item.confirmed",
    ItemState.DECLINED: "booking_item.declined",
    ItemState.CANCELLED: "booking_item.cancelled",
    ItemState.CANCELLED_BY_HOTEL: "booking_item.cancelled",
    ItemState.COMPLETED: "booking_item.completed",
    ItemState.NO_SHOW: "booking_item.no_show",
}
CREATED, CHARGE_POSTED = "booking_item.created", "charge.posted"
EVENT_NAMES = list(dict.fromkeys(EVENTS.values())) + [CHARGE_POSTED]
SERVICE_CHARGE, REVERSAL = "service", "reversal"


def pms_address() -> tuple[str, str]:
    """Return the PMS's webhook URL and secret: the managers' setting if they saved one
    (an empty URL there stops the sending), else the environment's (one statement)."""
    setting = db.session.get(PmsSetting, 1)
    if setting is not None:
        return setting.url, setting.secret
    return current_app.config["PMS_WEBHOOK_URL"], current_app.config["PMS_WEBHOOK_SECRET"]


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def item_data(item: BookingItem, previous: ItemState | None = None) -> dict:
    """Return what the PMS is told of an item: its stay and room, service, days, price."""
    booking = item.booking
    return {
        "id": item.id,
        "booking": booking.reference,
        "stay": booking.stay.reference,
        "room": booking.stay.room,
        "service": item.service.slug,
        "state": item.state.value,
        "previous_state": previous.value if previous is not None else None,
        "date": item.start_on.isoformat(),
        "end_date": item.end_on.isoformat() if item.end_on else None,
        "starts_at": item.starts_at.isoformat() if item.starts_at else None,
        "quantity": item.quantity,
        "unit_price": _money(item.unit_price),
        "subtotal": _money(item.subtotal),
        "discount": _money(item.discount),
        "price": _money(item.price),
        "currency": booking.currency,
    }


def _row(event_name: str, data: dict, item_id: int | None, *, charge_kind: str = "",
         amount: Decimal | None = None) -> dict:
    now = utcnow()
    delivery_id = str(uuid.uuid4())
    body = json.dumps({"id": delivery_id, "event": event_name,
                       "created_at": now.isoformat(), "data": data},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return {"delivery_id": delivery_id, "event": event_name, "booking_item_id": item_id,
            "charge_kind": charge_kind, "amount": amount, "body": body,
            "state": DeliveryState.WAITING, "attempts": 0,
            "give_up_at": now + retry_period(), "created_at": now}


def _write(rows: list[dict]) -> list[str]:
    """Write deliveries in the caller's transaction, in one statement; return their ids.

    One INSERT of many rows, without RETURNING (SQLite would insert them one by one):
    the queue is told the public delivery ids, which the rows carry.
    """
    db.session.execute(insert(PmsDelivery.__table__), rows)
    delivery_ids = [row["delivery_id"] for row in rows]
    db.session.info.setdefault(_PENDING, []).extend(delivery_ids)
    return delivery_ids


def retry_period() -> timedelta:
    return timedelta(hours=current_app.config["PMS_WEBHOOK_RETRY_HOURS"])


def _charge_row(item: BookingItem | None, amount: Decimal, kind: str, description: str,
                stay) -> dict:
    stay = stay if stay is not None else item.booking.stay
    currency = (item.booking.currency if item is not None
                else current_app.config["HOTEL_CURRENCY"])
    data = {"charge": {"kind": kind, "amount": _money(amount), "currency": currency,
                       "description": description,
                       "item_id": item.id if item is not None else None},
            "stay": stay.reference, "room": stay.room,
            "item": item_data(item) if item is not None else None}
    return _row(CHARGE_POSTED, data, item.id if item is not None else None,
                charge_kind=kind, amount=amount)


def post_charge(item: BookingItem | None, amount: Decimal, kind: str, *,
                description: str = "", stay=None) -> str:
    """Post a charge (or, negative, a credit) to the room's folio in the caller's
    transaction, and return its delivery id. ``kind`` says what it is (``service``,
    ``reversal``, or a fee such as ``late_cancellation_fee``); a charge for an item
    names it and reaches the PMS after the item's earlier events; ``stay`` names the
    room of a charge without an item.
    """
    return _write([_charge_row(item, amount, kind, description, stay)])[0]


def items_booked(items: list[BookingItem]) -> list[str]:
    """Tell the PMS of new items (``booking_item.created``), and post the price of those
    booked confirmed, in one statement. The items must have their ids (flushed)."""
    rows = []
    for item in items:
        rows.append(_row(CREATED, {"item": item_data(item)}, item.id))
        if item.state in OWING_STATES:
            rows.append(_charge_row(item, item.price, SERVICE_CHARGE, "", None))
    return _write(rows)


def state_changed(item: BookingItem, previous: ItemState, fee: Fee | None = None) -> list[str]:
    """Tell the PMS that an item changed state, and post its price, or post it back, as
    the change makes it owed or no longer owed (its price never changes once booked),
    and the fee the change cost (hotel/services/fees.py), in one statement."""
    rows = [_row(EVENTS[item.state], {"item": item_data(item, previous)}, item.id)]
    owed_before, owed_now = previous in OWING_STATES, item.state in OWING_STATES
    if owed_now and not owed_before:
        rows.append(_charge_row(item, item.price, SERVICE_CHARGE, "", None))
    elif owed_before and not owed_now:
        rows.append(_charge_row(item, -item.price, REVERSAL, "", None))
    if fee is not None:
        rows.append(_charge_row(item, fee.amount, f"{fee.kind.value}_fee", "", None))
    return _write(rows)


@event.listens_for(Session, "after_commit")
def _queue_committed(session: Session) -> None:
    """Hand the deliveries of a committed transaction to the queue, to be sent now."""
    delivery_ids = session.info.pop(_PENDING, [])
    if not delivery_ids:
        return
    from hotel.worker import deliver_webhook

    for delivery_id in delivery_ids:
        try:
            deliver_webhook(delivery_id)
        except Exception:  # the worker's sweep sends it later; the delivery is stored
            current_app.logger.exception("Could not queue PMS delivery %s; the next "
                                         "sweep sends it.", delivery_id)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction) -> None:
    """A rolled-back transaction wrote no deliveries: nothing to queue."""
    if previous_transaction.parent is None:
        session.info.pop(_PENDING, None)
