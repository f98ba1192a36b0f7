"""Taking bookings whole or not at all, and cancelling items."""

import secrets
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.i18n import money
from hotel.models import (
    HOLDING_STATES,
    RELEASED_STATES,
    Booking,
    BookingItem,
    ItemState,
    Package,
    StaffUser,
    Stay,
)
from hotel.models.types import ZERO, utcnow
from hotel.services import audit, fees, messages, pricing, vouchers, webhooks
from hotel.services.capacity import (
    free_seats,
    release_capacity,
    reserve_capacity,
    seat_participants,
    take_seats,
)
from hotel.services.catalogue import service_loaders
from hotel.services.errors import DomainError, NotAllowed
from hotel.services.fees import cancellation_deadline, item_starts_at  # noqa: F401 (re-export)
from hotel.services.rules import CheckedLine, ItemRequest, check_line

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PACKAGE_MIN_SERVICES = 2  # a package booking takes at least this many of its services


def new_reference() -> str:
    """Return a short booking reference that is easy to read aloud."""
    return "B" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(7))


def _find_submitted(stay_id: int, submission_key: str | None) -> Booking | None:
    if not submission_key:
        return None
    query = select(Booking).where(Booking.stay_id == stay_id,
                                  Booking.submission_key == submission_key)
    return db.session.scalar(query)


def check_package(package: Package, requests: list[ItemRequest]) -> None:
    """:raises DomainError: a line is not part of the package, or too few services are."""
    included = {entry.service_id for entry in package.entries}
    if not package.active:
        raise DomainError(_("This package is not offered at the moment."), "package")
    for index, request in enumerate(requests):
        if request.service.id not in included:
            raise DomainError(_("This service is not part of the package."), "service", index)
    if len({request.service.id for request in requests}) < PACKAGE_MIN_SERVICES:
        raise DomainError(_("Please choose at least %(num)d services of the package.",
                            num=PACKAGE_MIN_SERVICES), "package")


def _initial_state(line: CheckedLine, actor, confirm_now: bool) -> ItemState:
    if not line.request.service.requires_approval:
        return ItemState.CONFIRMED
    if confirm_now and isinstance(actor, StaffUser):
        return ItemState.CONFIRMED
    return ItemState.REQUESTED


def _book_line(line: CheckedLine, actor, confirm_now: bool, price: pricing.Quote) -> dict:
    """Reserve a line's capacity and return its item's columns, priced."""
    service = line.request.service
    reserve_capacity(service, line.quantity, slot_id=line.slot.id if line.slot else None,
                     first=line.first, last=line.last)
    return {
        "service_id": service.id, "state": _initial_state(line, actor, confirm_now),
        "quantity": line.quantity, "slot_id": line.slot.id if line.slot else None,
        "start_on": line.first, "end_on": line.last, "starts_at": line.starts_at,
        "details": line.details, "note": (line.request.note or "").strip(),
        "unit_price": price.unit_price, "subtotal": price.subtotal, "discount": price.discount,
        "price": price.price, "perk_discount": price.perk_discount,
        "voucher_discount": price.voucher_discount,
    }


# The booking and its items are written each in one INSERT that gives them back as they
# are stored, in the order of the lines: the session's unit of work cost more than the
# statements (a booking is two rows or a few).
_INSERT_BOOKING = insert(Booking).returning(Booking)
_INSERT_ITEMS = insert(BookingItem).returning(BookingItem, sort_by_parameter_order=True)


def _write_booking(stay: Stay, package: Package | None, created_by: StaffUser | None,
                   submission_key: str | None, lines: list[CheckedLine],
                   items: list[dict]) -> Booking:
    """Write a booking with an item of each line's columns; return it with its items, and
    theirs and its relations in memory (the objects the request has)."""
    booking = db.session.scalars(_INSERT_BOOKING, [{
        "reference": new_reference(), "stay_id": stay.id,
        "package_id": package.id if package is not None else None,
        "currency": current_app.config["HOTEL_CURRENCY"], "submission_key": submission_key,
        "created_by_id": created_by.id if created_by is not None else None,
        "total": sum((item["price"] for item in items), ZERO),
        "discount_total": sum((item["discount"] for item in items), ZERO)}]).one()
    written = db.session.scalars(
        _INSERT_ITEMS, [{**item, "booking_id": booking.id} for item in items]).all()
    for name, value in (("stay", stay), ("package", package), ("created_by", created_by),
                        ("items", written)):
        set_committed_value(booking, name, value)
    for item, line in zip(written, lines, strict=True):
        for name, value in (("booking", booking), ("service", line.request.service),
                            ("slot", line.slot)):
            set_committed_value(item, name, value)
    return booking


def _checked_lines(stay: Stay, requests: list[ItemRequest], now: datetime) -> list[CheckedLine]:
    """Check every line against the rules; an error names the line it is about."""
    lines = []
    for index, request in enumerate(requests):
        try:
            lines.append(check_line(stay, request, now))
        except DomainError as error:
            raise error.at_item(index) from None
    return lines


def _book_lines(stay: Stay, lines: list[CheckedLine], actor, package: Package | None,
                submission_key: str | None, confirm_now: bool, voucher=None) -> Booking:
    """Write the booking with an item per line, reserving each line's capacity and
    taking one use of the voucher.

    The items' capacity is reserved first, then the booking and its items are written
    (one INSERT each), then their participants with their places in one more.
    """
    percent = package.discount_percent if package is not None else None
    quotes = pricing.quote_lines(stay, lines, package_percent=percent, voucher=voucher)
    items = []
    for index, (line, price) in enumerate(zip(lines, quotes, strict=True)):
        try:
            items.append(_book_line(line, actor, confirm_now, price))
        except DomainError as error:
            raise error.at_item(index) from None
    booking = _write_booking(stay, package, actor if isinstance(actor, StaffUser) else None,
                             submission_key, lines, items)
    items = booking.items
    if voucher is not None:
        vouchers.use_voucher(voucher, booking.id)
    try:
        seat_participants([(item, line.slot.id if line.slot else None, line.people)
                           for item, line in zip(items, lines, strict=True)])
    except DomainError as error:
        with_slots = [index for index, line in enumerate(lines) if line.slot]
        if len(with_slots) == 1:  # else the database did not say which line it was
            error.at_item(with_slots[0])
        raise
    audit.record("booking.created", booking, actor, reference=booking.reference,
                 items=len(items), total=booking.total,
                 voucher=voucher.code if voucher is not None else None)
    messages.booking_received(booking)
    webhooks.items_booked(items)
    return booking


def create_booking(stay: Stay, requests: list[ItemRequest], actor, *,
                   package: Package | None = None, submission_key: str | None = None,
                   confirm_now: bool = False, now: datetime | None = None,
                   voucher_code: str | None = None) -> Booking:
    """Book every line or none, holding capacity from this moment, with the voucher of
    ``voucher_code`` if one is given.

    ``actor`` is the guest's stay or the member of staff; a second call with the same
    ``submission_key`` returns the first booking instead of booking twice. The stay and
    the services are used as the request loaded them; the booking comes back with its
    items, services and participants in memory, to answer with.

    :raises DomainError: a line breaks a rule (``item`` says which line).
    :raises Unavailable: a line has not enough capacity left (``item`` says which), or
        the voucher has been used up.
    """
    if not requests:
        raise DomainError(_("Please add at least one service."), "items")
    if package is not None:
        check_package(package, requests)
    now = now or utcnow()
    stay_id = stay.id
    try:
        with write_transaction(expire=False):
            existing = _find_submitted(stay_id, submission_key)
            if existing is not None:
                return existing
            lines = _checked_lines(stay, requests, now)
            voucher = None
            if voucher_code:
                voucher = vouchers.find_voucher(voucher_code, [r.service for r in requests])
            booking = _book_lines(stay, lines, actor, package, submission_key, confirm_now,
                                  voucher)
    except IntegrityError:
        # The same form was submitted twice at once: the other request booked it.
        db.session.rollback()
        existing = _find_submitted(stay_id, submission_key)
        if existing is None:
            raise
        return existing
    return booking


def create_bookings(stay: Stay, groups: list[tuple[Package | None, list[ItemRequest]]],
                    actor, *, submission_key: str | None = None, confirm_now: bool = False,
                    now: datetime | None = None) -> list[Booking]:
    """Book several groups of lines for a stay, every one or none: a booking per group, a
    package's group with its discount, as reception books a basket of a package and other
    services. A second call with the same ``submission_key`` returns the first bookings.

    :raises DomainError: a line breaks a rule (``item`` counts the lines of every group).
    :raises Unavailable: a line has not enough capacity left (``item`` says which).
    """
    groups = [(package, requests) for package, requests in groups if requests]
    if not groups:
        raise DomainError(_("Please add at least one service."), "items")
    keys = [f"{submission_key}-{number}" if submission_key else None
            for number in range(len(groups))]
    now = now or utcnow()
    stay_id = stay.id
    try:
        with write_transaction(expire=False):
            existing = _find_submitted(stay_id, keys[0])
            if existing is not None:
                return [_find_submitted(stay_id, key) or existing for key in keys]
            bookings, offset = [], 0
            for (package, requests), key in zip(groups, keys, strict=True):
                try:
                    if package is not None:
                        check_package(package, requests)
                    lines = _checked_lines(stay, requests, now)
                    bookings.append(_book_lines(stay, lines, actor, package, key, confirm_now))
                except DomainError as error:
                    if error.item is not None:
                        error.at_item(offset + error.item)
                    raise
                offset += len(requests)
    except IntegrityError:
        db.session.rollback()  # the same basket was sent twice at once: the other booked it
        if _find_submitted(stay_id, keys[0]) is None:
            raise
        return [_find_submitted(stay_id, key) for key in keys]
    return bookings


def can_guest_cancel(item: BookingItem, now: datetime | None = None) -> bool:
    """Tell whether the guest may still cancel the item: free until the cut-off, then
    for a fee until it starts where the service has a late-cancellation fee."""
    now = now or utcnow()
    return item.state in HOLDING_STATES and (now <= cancellation_deadline(item)
                                             or fees.can_cancel_late(item, now))


class FeeNotAccepted(NotAllowed):
    """Cancelling now costs a fee that the guest has not seen and accepted."""

    code = "fee_not_accepted"


class ItemChanged(NotAllowed):
    """The item left the state the change was made from: someone else changed it first."""


def claim_state(item: BookingItem, old_state: ItemState, values: dict) -> bool:
    """Move an item out of ``old_state`` with one conditional UPDATE; tell if it moved.

    The database serialises two such updates of one row: the second finds the item no
    longer in ``old_state`` and changes nothing, so whatever follows the change (giving
    capacity back) happens once.
    """
    result = db.session.execute(
        update(BookingItem)
        .where(BookingItem.id == item.id, BookingItem.state == old_state)
        .values(**values)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def change_item_state(item: BookingItem, new_state: ItemState, actor, reason: str = "",
                      reason_language: str = "", standard_reason=None,
                      at: datetime | None = None) -> None:
    """Move an item to a new state inside the caller's write transaction, releasing its
    capacity when it is cancelled or declined (or taking it again when such an item is
    taken back), charging the fee a late cancellation or a no-show costs (as of ``at``,
    now by default), and log the change. This is the only way an item's state changes.

    :raises ItemChanged: another request changed the item first; nothing was changed.
    :raises Unavailable: the item is taken back but its places have been sold meanwhile.
    """
    old_state = item.state
    values = {"state": new_state, "updated_at": utcnow()}
    if reason:
        values.update(reason=reason, reason_language=reason_language)
    if standard_reason is not None:
        values.update(standard_reason_id=standard_reason.id)
    if not claim_state(item, old_state, values):
        raise ItemChanged(_("Someone else changed this booking a moment ago. "
                            "Please look at it again."))
    for name, value in values.items():
        set_committed_value(item, name, value)  # written already: no second UPDATE
    if old_state in RELEASED_STATES and new_state not in RELEASED_STATES:
        # Taken back, e.g. a decline reversed: the item needs its places again.
        reserve_capacity(item.service, item.quantity, slot_id=item.slot_id,
                         first=item.start_on, last=item.end_on or item.start_on)
    if old_state not in RELEASED_STATES and new_state in RELEASED_STATES:
        release_capacity(item.service, item.quantity, slot_id=item.slot_id,
                         first=item.start_on, last=item.end_on or item.start_on)
        _offer_to_waiting_list(item)
    # A person's one place per slot is held while the item is still to happen, as the
    # rules' own check counts it.
    if item.slot_id is not None and old_state in HOLDING_STATES \
            and new_state not in HOLDING_STATES:
        free_seats(item.id)
    if item.slot_id is not None and old_state not in HOLDING_STATES \
            and new_state in HOLDING_STATES:
        take_seats(item.id, item.slot_id)
    if standard_reason is not None:
        set_committed_value(item, "standard_reason", standard_reason)
    fee = fees.charge_fees(item, old_state, new_state, actor, at)
    audit.record(f"item.{new_state.value}", item, actor, booking=item.booking.reference,
                 previous=old_state.value, reason=reason or None,
                 standard_reason=standard_reason.code if standard_reason else None,
                 fee=fee.amount if fee is not None else None)
    webhooks.state_changed(item, old_state, fee)


def _offer_to_waiting_list(item: BookingItem) -> None:
    """Offer the places an item gave back to the first guests waiting for them."""
    from hotel.services.waitlist import offer_freed_places  # it books through this module

    offer_freed_places(item.service, slot_id=item.slot_id, first=item.start_on,
                       last=item.end_on or item.start_on)


def cancel_booking_item(item: BookingItem, actor, now: datetime | None = None,
                        accepted_fee: Decimal | None = None) -> BookingItem:
    """Cancel an item for the guest, giving its capacity back and charging the
    late-cancellation fee after the cut-off.

    Staff may cancel at any time; a guest only their own items, free until the service's
    cut-off, then until it starts for the fee the guest was shown (``accepted_fee``)
    where the service has one.

    :raises NotAllowed: the item is another stay's or no longer active, or the cut-off
        has passed and the service has no late cancellation.
    :raises FeeNotAccepted: cancelling now costs a fee other than ``accepted_fee``.
    """
    item_id = item.id
    # The item is used as loaded; if someone else changed it meanwhile, the conditional
    # UPDATE of its state finds out (ItemChanged), and nothing is released twice.
    with write_transaction(expire=False):
        item = db.session.get(BookingItem, item_id)
        if isinstance(actor, Stay) and item.booking.stay_id != actor.id:
            raise NotAllowed(_("You can only cancel your own bookings."))
        if item.state not in HOLDING_STATES:
            raise NotAllowed(_("This booking can no longer be cancelled."))
        now = now or utcnow()
        if not isinstance(actor, StaffUser):
            _check_guest_may_cancel(item, now, accepted_fee)
        change_item_state(item, ItemState.CANCELLED, actor, at=now)
    return item


def _check_guest_may_cancel(item: BookingItem, now: datetime,
                            accepted_fee: Decimal | None) -> None:
    if not can_guest_cancel(item, now):
        raise NotAllowed(_("The time to cancel this online has passed. "
                           "Please contact reception."))
    fee = fees.cancellation_fee(item, now)
    if fee > 0 and (accepted_fee is None or Decimal(accepted_fee) != fee):
        raise FeeNotAccepted(_("Cancelling now costs a fee of %(fee)s. Please confirm that "
                               "you accept it.", fee=money(fee, item.booking.currency)),
                             "fee")


def own_booking(stay: Stay, reference: str,
                locales: Sequence[str] | None = None) -> Booking | None:
    """Return a stay's booking with this reference and its items, or None if it has none;
    the services' texts in ``locales`` (all if None)."""
    return db.session.scalar(
        select(Booking)
        .where(Booking.reference == reference, Booking.stay_id == stay.id)
        .options(selectinload(Booking.items).options(
            selectinload(BookingItem.service).options(*service_loaders(locales, bands=False)),
            selectinload(BookingItem.participants),
            selectinload(BookingItem.slot),
        ))
    )
