"""Reception and departments list booking items and answer them: confirm, decline,
complete, no-show.

The list reads what its page shows: the items waiting for an answer through their own
index, the items of a day through the index of their last day, a page of 50 in the order
the bookings were made, and a count that stops at a thousand.
"""

import enum
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.labels import STATE_LABELS
from hotel.models import (
    Booking,
    BookingItem,
    Department,
    ItemState,
    MessageKind,
    Role,
    Service,
    StaffUser,
    Stay,
    fold_name,
)
from hotel.services import messages
from hotel.services.bookings import change_item_state
from hotel.services.errors import DomainError, Forbidden
from hotel.services.item_rows import item_row_loaders
from hotel.services.pages import COUNT_LIMIT, Page, page_of
from hotel.services.reasons import given_reason

MAX_REASON = 500
MAX_BATCH = 200
PAGE_SIZE = 50


class Action(enum.StrEnum):
    """What staff can do to an item."""

    CONFIRM = "confirm"
    DECLINE = "decline"
    COMPLETE = "complete"
    NO_SHOW = "no_show"


# For each action: the states it starts from and the state it leads to.
TRANSITIONS = {
    Action.CONFIRM: ({ItemState.REQUESTED}, ItemState.CONFIRMED),
    Action.DECLINE: ({ItemState.REQUESTED, ItemState.CONFIRMED}, ItemState.DECLINED),
    Action.COMPLETE: ({ItemState.CONFIRMED}, ItemState.COMPLETED),
    Action.NO_SHOW: ({ItemState.CONFIRMED}, ItemState.NO_SHOW),
}

# What the guest is told of: a request confirmed, or declined.
ANSWERS = {Action.CONFIRM: MessageKind.REQUEST_CONFIRMED,
           Action.DECLINE: MessageKind.REQUEST_DECLINED}

ACTION_LABELS = {
    Action.CONFIRM: _l("Confirm"),
    Action.DECLINE: _l("Decline"),
    Action.COMPLETE: _l("Mark completed"),
    Action.NO_SHOW: _l("Mark no-show"),
}


def handle_items(item_ids: list[int], action: Action, actor: StaffUser, reason: str = "",
                 reason_language: str = "", standard_reason_id=None) -> list[BookingItem]:
    """Apply one action to one or more items, all of them or none, and log each change.

    Department staff may only handle their own department's items. Declining needs a
    standard reason, which each guest reads in their own language, or a note, which the
    guest reads as written; each guest is told of confirmations and declines.

    :raises DomainError: no items, a missing reason, or an item in a state the action
        does not apply to (the message names the item).
    :raises Forbidden: an item of another department.
    """
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise DomainError(_("Please choose at least one item."), "items")
    if len(ids) > MAX_BATCH:
        raise DomainError(_("Please choose at most %(num)d items at a time.", num=MAX_BATCH),
                          "items")
    standard_reason, reason = given_reason(standard_reason_id, reason,
                                           required=action == Action.DECLINE)
    if action != Action.DECLINE:
        standard_reason, reason = None, ""
    sources, target = TRANSITIONS[action]
    with write_transaction():
        items = db.session.scalars(
            select(BookingItem).where(BookingItem.id.in_(ids))
            .options(selectinload(BookingItem.service), selectinload(BookingItem.booking))
            .order_by(BookingItem.id)
        ).all()
        if len(items) != len(ids):
            raise DomainError(_("Some of the chosen items no longer exist."), "items")
        for item in items:
            if actor.role == Role.STAFF and item.service.department_id != actor.department_id:
                raise Forbidden(_("Item %(id)d belongs to another department.", id=item.id))
            if item.state not in sources:
                raise DomainError(_("Item %(id)d cannot be changed this way: it is %(state)s.",
                                    id=item.id, state=STATE_LABELS[item.state]), "items")
            change_item_state(item, target, actor, reason=reason,
                              reason_language=reason_language, standard_reason=standard_reason)
        if action in ANSWERS:
            messages.requests_answered(items, ANSWERS[action])
    return items


@dataclass
class ItemFilters:
    """What the desk narrowed the list of items to; empty values do not filter."""

    state: ItemState | None = None
    day: date | None = None
    service: str = ""  # a service's slug
    department: str = ""  # a department's slug
    room: str = ""
    guest: str = ""  # part of a name, or a booking reference


def items_on(day: date) -> list[int]:
    """Return the ids of the items whose days include ``day`` (one query, by the index of
    the items' last day)."""
    last_day = func.coalesce(BookingItem.end_on, BookingItem.start_on)
    return list(db.session.scalars(
        select(BookingItem.id).where(last_day >= day, BookingItem.start_on <= day)))


def _filtered(filters: ItemFilters, department_id: int | None) -> Select:
    query = select(BookingItem)
    if department_id is not None or filters.service or filters.department:
        query = query.join(BookingItem.service)
    if department_id is not None:
        query = query.where(Service.department_id == department_id)
    if filters.state:
        query = query.where(BookingItem.state == filters.state)
    if filters.day:
        # The day's items are found first and named by id: how many items cover a day is
        # more than the planner can guess from the first and last days apart.
        query = query.where(BookingItem.id.in_(items_on(filters.day)))
    if filters.service:
        query = query.where(Service.slug == filters.service)
    if filters.department:
        query = query.where(Service.department.has(Department.slug == filters.department))
    if filters.room or filters.guest:
        query = query.join(BookingItem.booking).join(Booking.stay)
    if filters.room:
        query = query.where(Stay.room == filters.room.strip())
    if filters.guest:
        needle = f"%{fold_name(filters.guest)}%"
        query = query.where(or_(Stay.last_name_key.like(needle),
                                func.lower(Stay.first_name).like(needle),
                                func.upper(Stay.reference) == filters.guest.strip().upper()))
    return query


def _load(query: Select) -> list[BookingItem]:
    return list(db.session.scalars(query.options(*item_row_loaders())))


def _page_of_a_day(query: Select, number: int) -> Page:
    """Return a page of the items of a day: they are few, so they are put in order here.

    Asked for them in order, the planner could walk every item from the oldest until it
    has found a page of the day's.
    """
    found = sorted(db.session.execute(query.with_only_columns(
        BookingItem.booking_id, BookingItem.id, maintain_column_froms=True)))
    pages = max((len(found) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    number = min(max(number, 1), pages)
    ids = [item_id for _, item_id in found[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]]
    items = {item.id: item for item in _load(select(BookingItem).where(BookingItem.id.in_(ids)))}
    return Page([items[item_id] for item_id in ids], number, PAGE_SIZE, len(found),
                limit=max(len(found), COUNT_LIMIT))


def items_page(filters: ItemFilters, department_id: int | None = None,
               number: int = 1) -> Page:
    """Return a page of the items that match the filters, oldest booking first, with what
    the list shows loaded (a fixed number of queries); ``department_id`` limits the list to
    one department's services.

    Bookings are numbered as they are made, so the items' own booking numbers give the
    order without reading the bookings.
    """
    query = _filtered(filters, department_id)
    if filters.day:
        return _page_of_a_day(query, number)
    return page_of(query.order_by(BookingItem.booking_id, BookingItem.id), number, PAGE_SIZE,
                   _load)
