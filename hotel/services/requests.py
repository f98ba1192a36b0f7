"""Reception and departments answer booking items: confirm, decline, complete, no-show."""

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.labels import STATE_LABELS
from hotel.models import BookingItem, ItemState, MessageKind, Role, StaffUser
from hotel.services import messages
from hotel.services.bookings import change_item_state
from hotel.services.errors import DomainError, Forbidden
from hotel.services.reasons import given_reason

MAX_REASON = 500
MAX_BATCH = 200


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
