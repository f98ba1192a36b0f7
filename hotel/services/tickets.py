"""Guests' questions, requests and complaints: tickets with tracking numbers, and their handling."""

import secrets
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import bindparam, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import (
    Booking,
    BookingItem,
    Department,
    DepartmentText,
    Role,
    Service,
    StaffUser,
    Stay,
    Ticket,
    TicketCategory,
    TicketCategoryText,
    TicketKind,
    TicketNote,
    TicketState,
)
from hotel.models.types import utcnow
from hotel.services import messages
from hotel.services.audit import record
from hotel.services.errors import DomainError, Forbidden, NotAllowed
from hotel.services.item_rows import department_values

MAX_TEXT = 4000
MAX_COMMENT = 2000
NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread
OPEN_STATES = (TicketState.NEW, TicketState.IN_PROGRESS)
# The state changes staff may make by hand; answering is its own action.
TRANSITIONS = {
    TicketState.NEW: {TicketState.IN_PROGRESS},
    TicketState.IN_PROGRESS: set(),
    TicketState.ANSWERED: {TicketState.CLOSED, TicketState.IN_PROGRESS},
    TicketState.CLOSED: set(),
}

# ------------------------------------------------------------------ times


def response_time(ticket: Ticket) -> timedelta | None:
    """Return how long the guest waited for the first answer (elapsed time), or None."""
    if ticket.answered_at is None:
        return None
    # In UTC, so that a change of the clocks in between is not counted.
    return ticket.answered_at.astimezone(UTC) - ticket.created_at.astimezone(UTC)


def is_overdue(ticket: Ticket, now: datetime | None = None) -> bool:
    """Tell whether a ticket still waits for an answer after its response-time target."""
    return ticket.state in OPEN_STATES and ticket.due_at < _utc(now)


def _utc(now: datetime | None) -> datetime:
    """Return the time in UTC (now if not given): adding hours to a local time would add
    wall-clock hours, wrong across a change of the clocks.
    """
    return (now or utcnow()).astimezone(UTC)


# ------------------------------------------------------------------ guests


def _new_number() -> str:
    """Return a tracking number nobody has yet (T-4K7Q; longer if short ones run out)."""
    for attempt in range(12):
        size = 4 if attempt < 8 else 6
        number = "T-" + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(size))
        if db.session.scalar(select(Ticket.id).where(Ticket.number == number)) is None:
            return number
    raise DomainError(_("Please try again."))


def _clean_text(text: str, field: str = "text", limit: int = MAX_TEXT,
                required: bool = True) -> str:
    text = (text or "").strip().replace("\r\n", "\n")
    if required and not text:
        raise DomainError(_("Please write a few words."), field)
    if len(text) > limit:
        raise DomainError(_("Please keep it to %(num)d characters.", num=limit), field)
    return text


def _category(category_id) -> TicketCategory:
    try:
        category = db.session.get(TicketCategory, int(category_id))
    except (TypeError, ValueError):
        category = None
    if category is None:
        raise DomainError(_("Please choose what it is about."), "category")
    return category


def _own_item(stay: Stay, item_id) -> BookingItem | None:
    if item_id in (None, "", 0):
        return None
    item = db.session.scalar(
        select(BookingItem).join(BookingItem.booking)
        .where(BookingItem.id == _as_int(item_id), Booking.stay_id == stay.id)
        .options(selectinload(BookingItem.service)))
    if item is None:
        raise DomainError(_("Please choose one of your own bookings."), "booking_item")
    return item


def create_ticket(stay: Stay, *, kind: str, category_id, text: str, language: str,
                  booking_item_id=None, now: datetime | None = None) -> Ticket:
    """Take a guest's question, request or complaint and send it to the department in
    charge: the booked service's, else the category's.

    :raises DomainError: an unknown kind or category, an empty or too long text, or a
        booking item that is not the guest's.
    """
    try:
        kind = TicketKind(kind)
    except ValueError:
        raise DomainError(_("Please choose a question, a request or a complaint."),
                          "kind") from None
    text = _clean_text(text)
    now = _utc(now)
    for attempt in range(3):
        try:
            return _insert_ticket(stay, kind, category_id, text, language, booking_item_id,
                                  now)
        except IntegrityError:
            # Another process took the same tracking number at the same moment.
            if attempt == 2:
                raise DomainError(_("Please try again.")) from None
    raise AssertionError("unreachable")


def _insert_ticket(stay: Stay, kind: TicketKind, category_id, text: str, language: str,
                   booking_item_id, now: datetime) -> Ticket:
    with write_transaction():
        category = _category(category_id)
        item = _own_item(stay, booking_item_id)
        department_id = item.service.department_id if item else category.department_id
        ticket = Ticket(number=_new_number(), stay_id=stay.id, kind=kind,
                        category_id=category.id, department_id=department_id,
                        booking_item_id=item.id if item else None, text=text,
                        language=language, state=TicketState.NEW, created_at=now,
                        due_at=now + timedelta(hours=category.response_hours))
        db.session.add(ticket)
        db.session.flush()
        record("ticket.created", ticket, stay, number=ticket.number, kind=kind.value,
               category=category.slug, department_id=department_id)
    return ticket


def rate_handling(ticket: Ticket, stay: Stay, score, comment: str = "") -> Ticket:
    """Store how satisfied the guest is with how a closed ticket was handled (once).

    :raises DomainError: not closed yet, rated already, or a score outside 1–5.
    """
    if ticket.stay_id != stay.id:
        raise Forbidden(_("This is not your ticket."))
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise DomainError(_("Please choose from 1 to 5."), "score")
    comment = _clean_text(comment, "comment", MAX_COMMENT, required=False)
    with write_transaction():
        db.session.refresh(ticket, with_for_update=True)
        if ticket.state != TicketState.CLOSED:
            raise NotAllowed(_("You can say how it was handled once it is closed."), "score")
        if ticket.satisfaction is not None:
            raise NotAllowed(_("You have already told us, thank you."), "score")
        ticket.satisfaction = score
        ticket.satisfaction_comment = comment
        record("ticket.rated", ticket, stay, satisfaction=score)
    return ticket


def tickets_of_stay(stay: Stay) -> list[Ticket]:
    """Return a guest's tickets, newest first, with their categories (two queries)."""
    return db.session.scalars(
        select(Ticket).where(Ticket.stay_id == stay.id)
        .options(selectinload(Ticket.category))
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())).all()


def find_ticket(number: str, stay: Stay | None = None) -> Ticket | None:
    """Return the ticket with a tracking number (only the guest's own if a stay is given)."""
    query = select(Ticket).where(Ticket.number == (number or "").strip().upper())
    if stay is not None:
        query = query.where(Ticket.stay_id == stay.id)
    return db.session.scalar(query.options(
        selectinload(Ticket.category), selectinload(Ticket.stay),
        selectinload(Ticket.booking_item).selectinload(BookingItem.service)
        .selectinload(Service.texts),
        selectinload(Ticket.notes).selectinload(TicketNote.staff),
        selectinload(Ticket.answered_by)))


# ------------------------------------------------------------------ the desk


def _check_actor(ticket: Ticket, actor: StaffUser) -> None:
    if actor.role == Role.STAFF and actor.department_id != ticket.department_id:
        raise Forbidden(_("This ticket belongs to another department."))


def change_state(ticket: Ticket, state: str, actor: StaffUser,
                 now: datetime | None = None) -> Ticket:
    """Move a ticket on: start work on it, close it after the answer, or reopen it.

    :raises NotAllowed: the change is not allowed from the ticket's state.
    """
    try:
        state = TicketState(state)
    except ValueError:
        raise DomainError(_("There is no such state."), "state") from None
    _check_actor(ticket, actor)
    now = _utc(now)
    with write_transaction():
        db.session.refresh(ticket, with_for_update=True)
        old = ticket.state
        if state not in TRANSITIONS[old]:
            raise NotAllowed(_("A ticket cannot go from this state to that one."), "state")
        ticket.state = state
        if state == TicketState.CLOSED:
            ticket.closed_at = now
        record("ticket.state", ticket, actor, state=f"{old.value} → {state.value}")
    return ticket


def answer_ticket(ticket: Ticket, answer: str, language: str, actor: StaffUser,
                  now: datetime | None = None) -> Ticket:
    """Answer the guest; the first answer's time is the ticket's response time.

    :raises DomainError: an empty answer, or a ticket that is closed.
    """
    answer = _clean_text(answer, "answer")
    if language not in current_app.config["LANGUAGES"]:
        raise DomainError(_("The language %(code)s is not offered.", code=language),
                          "language")
    _check_actor(ticket, actor)
    now = _utc(now)
    with write_transaction():
        db.session.refresh(ticket, with_for_update=True)
        if ticket.state == TicketState.CLOSED:
            raise NotAllowed(_("This ticket is closed."), "answer")
        old = ticket.state
        ticket.answer, ticket.answer_language = answer, language
        ticket.answered_by_id = actor.id
        if ticket.answered_at is None:
            ticket.answered_at = now
        ticket.state = TicketState.ANSWERED
        record("ticket.answered", ticket, actor, state=f"{old.value} → answered",
               language=language)
        messages.ticket_answered(ticket)
    return ticket


def add_note(ticket: Ticket, text: str, actor: StaffUser,
             now: datetime | None = None) -> TicketNote:
    """Add an internal note to a ticket; the guest never sees it."""
    text = _clean_text(text, "note")
    _check_actor(ticket, actor)
    with write_transaction():
        note = TicketNote(ticket_id=ticket.id, staff_id=actor.id, text=text,
                          created_at=_utc(now))
        db.session.add(note)
        db.session.flush()
        record("ticket.note", ticket, actor, note_id=note.id)
    return note


def reassign_ticket(ticket: Ticket, category_id, department_id, actor: StaffUser) -> Ticket:
    """Give a ticket another category (its target follows) and department (by default the
    category's).

    :raises DomainError: an unknown category or department, or a closed ticket.
    """
    _check_actor(ticket, actor)
    with write_transaction():
        category = _category(category_id)
        if department_id in (None, "", 0):
            department_id = category.department_id
        elif db.session.get(Department, _as_int(department_id)) is None:
            raise DomainError(_("There is no such department."), "department")
        department_id = int(department_id)
        db.session.refresh(ticket, with_for_update=True)
        if ticket.state == TicketState.CLOSED:
            raise NotAllowed(_("This ticket is closed."), "category")
        changes = {}
        if ticket.category_id != category.id:
            changes["category"] = f"{ticket.category.slug} → {category.slug}"
            ticket.category_id = category.id
            ticket.due_at = ticket.created_at + timedelta(hours=category.response_hours)
        if ticket.department_id != department_id:
            changes["department_id"] = f"{ticket.department_id} → {department_id}"
            ticket.department_id = department_id
        if changes:
            record("ticket.reassigned", ticket, actor, **changes)
    db.session.expire(ticket, ["category", "department"])
    return ticket


def _as_int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def desk_tickets(*, department_id: int | None = None, state: str | None = None,
                 category_id: int | None = None, overdue: bool = False,
                 now: datetime | None = None, limit: int = 50, offset: int = 0,
                 counted: bool = True):
    """Return (tickets, total) for the desk's list: overdue and oldest first, with what the
    list shows loaded in a fixed number of queries. The total is None unless ``counted``.
    """
    values = {"now": _utc(now), "limit": limit, "offset": offset,
              **department_values(department_id)}
    if state:
        values["state"] = TicketState(state)
    if category_id:
        values["category_id"] = category_id
    counting, listing = _desk_ticket_statements(
        department_id is not None, bool(state), bool(category_id), overdue, text_locales())
    total = db.session.scalar(counting, values) if counted else None
    return db.session.scalars(listing, values).all(), total


@lru_cache(maxsize=128)
def _desk_ticket_statements(by_department: bool, by_state: bool, by_category: bool,
                            overdue: bool, locales: tuple[str, ...]):
    """Return the counting and the listing statements of ``desk_tickets`` for the filters
    used, built once for each: Today lists the overdue tickets on every request."""
    query = select(Ticket)
    if by_department:
        query = query.where(Ticket.department_id == bindparam("department_id"))
    if by_state:
        query = query.where(Ticket.state == bindparam("state"))
    if by_category:
        query = query.where(Ticket.category_id == bindparam("category_id"))
    if overdue:
        query = query.where(Ticket.state.in_(OPEN_STATES), Ticket.due_at < bindparam("now"))
    counting = select(func.count()).select_from(query.subquery())
    open_first = case((Ticket.state.in_(OPEN_STATES), 0), else_=1)
    listing = (query.options(
        joinedload(Ticket.stay).lazyload(Stay.members),
        joinedload(Ticket.category).selectinload(
            TicketCategory.texts.and_(TicketCategoryText.locale.in_(locales))),
        joinedload(Ticket.department).selectinload(
            Department.texts.and_(DepartmentText.locale.in_(locales))))
        .order_by(open_first, Ticket.due_at, Ticket.id)
        .limit(bindparam("limit")).offset(bindparam("offset")))
    return counting, listing

