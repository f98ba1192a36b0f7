"""Attendance at an activity: each participant checked in and out of their slot.

Checking in records an arrival and changes nothing else; the item is completed (everyone
checked out) or marked no-show (no one came) from the attendance, through the one
guarded change of an item's state, so two tablets tapping at once change it once. The
database keeps one attendance row per item and person (a unique index), so two check-ins
of one child at the same moment record one arrival; the other tablet is told so (409).
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.labels import STATE_LABELS
from hotel.models import (
    RELEASED_STATES,
    Attendance,
    Booking,
    BookingItem,
    ItemState,
    PartyMember,
    Role,
    Slot,
    StaffUser,
)
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.bookings import change_item_state
from hotel.services.care_notes import COLLECTED_BY_MAX
from hotel.services.errors import Conflict, DomainError, Forbidden, NotFound
from hotel.services.plain_text import check_text


class AlreadyCheckedIn(Conflict):
    """The person was checked in already, perhaps from another tablet a moment ago."""


@dataclass
class AttendanceLine:
    """A booking item of the slot: its stay, and each participant with their row."""

    item: BookingItem
    people: list[tuple[PartyMember, Attendance | None]] = field(default_factory=list)

    @property
    def everyone_out(self) -> bool:
        return all(row is not None and row.checked_out_at for _m, row in self.people)

    @property
    def anyone_in(self) -> bool:
        return any(row is not None for _m, row in self.people)

    @property
    def can_complete(self) -> bool:
        return self.item.state == ItemState.CONFIRMED and self.everyone_out

    @property
    def can_mark_no_show(self) -> bool:
        return self.item.state == ItemState.CONFIRMED and not self.anyone_in


def check_slot_access(slot: Slot, actor: StaffUser) -> None:
    """:raises Forbidden: department staff opening another department's slot."""
    if actor.role == Role.STAFF and slot.service.department_id != actor.department_id:
        raise Forbidden(_("This activity belongs to another department."))


def slot_attendance(slot: Slot) -> list[AttendanceLine]:
    """Return the slot's booked items with their participants and attendance rows, by
    room (three queries: the items with their bookings and stays, the participants,
    the rows)."""
    items = db.session.scalars(
        select(BookingItem)
        .where(BookingItem.slot_id == slot.id, BookingItem.state.not_in(RELEASED_STATES))
        .options(selectinload(BookingItem.booking).selectinload(Booking.stay),
                 selectinload(BookingItem.participants))
        .order_by(BookingItem.id)).all()
    rows = {(row.booking_item_id, row.party_member_id): row for row in db.session.scalars(
        select(Attendance).where(Attendance.booking_item_id.in_([i.id for i in items])))}
    lines = [AttendanceLine(item, [(member, rows.get((item.id, member.id)))
                                   for member in item.participants]) for item in items]
    lines.sort(key=lambda line: (line.item.booking.stay.room, line.item.id))
    return lines


def _item_of_slot(slot_id: int, item_id: int, actor: StaffUser) -> BookingItem:
    """Return the slot's item, checking that the actor may see it.

    :raises NotFound: the item is not booked for this slot.
    :raises Forbidden: the slot belongs to another department.
    """
    item = db.session.scalar(
        select(BookingItem).where(BookingItem.id == item_id, BookingItem.slot_id == slot_id)
        .options(selectinload(BookingItem.service), selectinload(BookingItem.booking),
                 selectinload(BookingItem.participants)))
    if item is None:
        raise NotFound(_("This booking is not for this activity."), "item")
    if actor.role == Role.STAFF and item.service.department_id != actor.department_id:
        raise Forbidden(_("This activity belongs to another department."))
    return item


def _participant(item: BookingItem, member_id: int) -> PartyMember:
    for member in item.participants:
        if member.id == member_id:
            return member
    raise NotFound(_("This person does not take part in this booking."), "member")


def _check_confirmed(item: BookingItem) -> None:
    if item.state != ItemState.CONFIRMED:
        raise DomainError(_("Item %(id)d cannot be changed this way: it is %(state)s.",
                            id=item.id, state=STATE_LABELS[item.state]), "item")


def _check_not_checked_in(item: BookingItem, member: PartyMember) -> None:
    """:raises AlreadyCheckedIn: the person has an attendance row for the item."""
    found = db.session.scalar(select(Attendance.id).where(
        Attendance.booking_item_id == item.id, Attendance.party_member_id == member.id))
    if found is not None:
        raise AlreadyCheckedIn(_("%(name)s is checked in already.", name=member.first_name),
                               "member")


def check_in(slot_id: int, item_id: int, member_id: int, actor: StaffUser,
             now: datetime | None = None) -> Attendance:
    """Record that a participant has come; it completes nothing by itself.

    :raises NotFound: the item is not the slot's, or the person not its participant.
    :raises Forbidden: the slot belongs to another department.
    :raises DomainError: the item is not confirmed.
    :raises AlreadyCheckedIn: the person was checked in already.
    """
    name = ""
    try:
        with write_transaction():
            item = _item_of_slot(slot_id, item_id, actor)
            member = _participant(item, member_id)
            name = member.first_name
            _check_confirmed(item)
            _check_not_checked_in(item, member)
            row = Attendance(booking_item_id=item.id, party_member_id=member.id,
                             checked_in_at=now or utcnow(), checked_in_by_id=actor.id)
            db.session.add(row)
            db.session.flush()
            audit.record("attendance.checked_in", item, actor, member=member.id,
                         booking=item.booking.reference)
    except IntegrityError:
        # Another tablet checked the same person in at the same moment: the unique index
        # kept one arrival.
        db.session.rollback()
        raise AlreadyCheckedIn(_("%(name)s is checked in already.", name=name),
                               "member") from None
    return row


def check_out(slot_id: int, item_id: int, member_id: int, actor: StaffUser,
              collected_by: str = "", now: datetime | None = None) -> None:
    """Record that a participant has left, and for a child who collected them.

    :raises NotFound: the item is not the slot's, or the person not its participant.
    :raises Forbidden: the slot belongs to another department.
    :raises DomainError: the person is not checked in, or is checked out already.
    """
    collected_by = (collected_by or "").strip()
    if len(collected_by) > COLLECTED_BY_MAX:
        raise DomainError(_("Please keep this to %(num)d characters.", num=COLLECTED_BY_MAX),
                          "collected_by")
    if collected_by:
        check_text(collected_by, "collected_by")
    with write_transaction():
        item = _item_of_slot(slot_id, item_id, actor)
        member = _participant(item, member_id)
        result = db.session.execute(
            update(Attendance)
            .where(Attendance.booking_item_id == item.id,
                   Attendance.party_member_id == member.id,
                   Attendance.checked_out_at.is_(None))
            .values(checked_out_at=now or utcnow(), checked_out_by_id=actor.id,
                    collected_by=collected_by if member.is_child else "")
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            raise Conflict(_("%(name)s is not checked in, or has left already.",
                             name=member.first_name), "member")
        audit.record("attendance.checked_out", item, actor, member=member.id,
                     booking=item.booking.reference, collected_by=collected_by or None)


def finish_item(slot_id: int, item_id: int, actor: StaffUser, state: ItemState) -> BookingItem:
    """Mark an item of the slot completed (everyone has checked out) or no-show (no one
    has come), once, through the guarded change of its state.

    :raises NotFound: the item is not the slot's.
    :raises Forbidden: the slot belongs to another department.
    :raises DomainError: the item is not confirmed, someone has not checked out yet (to
        complete) or someone has come (for a no-show).
    :raises ItemChanged: another tablet changed the item first.
    """
    with write_transaction(expire=False):
        item = _item_of_slot(slot_id, item_id, actor)
        _check_confirmed(item)
        rows = db.session.execute(
            select(Attendance.party_member_id, Attendance.checked_out_at)
            .where(Attendance.booking_item_id == item.id)).all()
        out = {member for member, left in rows if left is not None}
        if state == ItemState.COMPLETED and not all(m.id in out for m in item.participants):
            raise DomainError(_("Everyone must check out before the booking is completed."),
                              "item")
        if state == ItemState.NO_SHOW and rows:
            raise DomainError(_("Someone of this booking has checked in, so it cannot be "
                                "a no-show."), "item")
        change_item_state(item, state, actor)
    return item
