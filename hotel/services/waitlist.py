"""Waiting lists: a guest waits for a full slot or full rental days; a freed place is
offered to the first entry that fits, and held for it with the one capacity function.

Every change of an entry is one conditional UPDATE from the state it leaves, so of two
changes at the same moment (an accept and an expiry, two cancellations offering to the
same entry) only one happens, and a held place is given back once. An offer holds its
places by ``reserve_capacity``: nobody else can book them, on any number of processes,
until the guest accepts (the hold becomes the booking, in one transaction), declines or
lets the offer run out (the places go to the next entry).
"""

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm.attributes import set_committed_value

from hotel.clock import day_starts_at
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    ACTIVE_WAITING_STATES,
    Booking,
    CapacityUnit,
    Kind,
    MessageKind,
    RentalDay,
    Service,
    Slot,
    StaffUser,
    Stay,
    WaitingEntry,
    WaitingState,
)
from hotel.models.types import utcnow
from hotel.services import audit, links, messages
from hotel.services.availability import rental_days
from hotel.services.capacity import release_capacity, reserve_capacity
from hotel.services.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotAllowed,
    NotFound,
    Unavailable,
)
from hotel.services.rules import ItemRequest, check_line, member_fits

MAX_ENTRIES_PER_STAY = 20
# How many waiting entries one freed place is tried on, at most: enough for any queue
# the hotel has, and a bound on the statements a cancellation can cost.
OFFER_CANDIDATES = 50


class _OfferedAlready(Exception):
    """Another transaction made the entry an offer first: nothing to hold here."""


class RoomLeft(Conflict):
    """There is room for what was asked: the guest should book it instead of waiting."""

    code = "room_left"


def _entry_starts_at(service: Service, slot: Slot | None, first) -> datetime:
    return slot.starts_at if slot is not None else day_starts_at(first)


def _closes_at(service: Service, slot: Slot | None, first) -> datetime:
    """Return the last moment the service can be booked for that time: its cut-off."""
    return _entry_starts_at(service, slot, first) - timedelta(hours=service.cutoff_hours or 0)


def _lock_target(service: Service, slot_id: int | None, first, last) -> None:
    """Lock the counters on PostgreSQL, so that a release committing meanwhile is seen
    (it offers its places to the entries it finds; a join must not slip past it)."""
    if db.session.get_bind().dialect.name != "postgresql":
        return  # BEGIN IMMEDIATE made this transaction the only writer
    if slot_id is not None:
        db.session.execute(select(Slot.id).where(Slot.id == slot_id).with_for_update())
    else:
        db.session.execute(select(RentalDay.id).where(
            RentalDay.service_id == service.id, RentalDay.day.between(first, last))
            .with_for_update())


def _free_places(service: Service, slot_id: int | None, first, last) -> int:
    """Return the places free now: of the slot, or on the fullest of the rental's days."""
    if slot_id is not None:
        row = db.session.execute(select(Slot.capacity - Slot.booked, Slot.closed)
                                 .where(Slot.id == slot_id)).one()
        return 0 if row[1] else row[0]
    return min(day.remaining for day in rental_days(service, first, last))


def join_waiting_list(stay: Stay, request: ItemRequest, actor, now: datetime | None = None
                      ) -> WaitingEntry:
    """Put a stay on the waiting list of a full slot, or of rental days with no unit left.

    :raises DomainError: the line breaks a booking rule (who, when, ages).
    :raises RoomLeft: there is room: the guest can book it now.
    :raises Conflict: the stay waits for this already, or has too many entries.
    :raises NotAllowed: the time to book this has passed.
    """
    now = now or utcnow()
    service = request.service
    if service.kind == Kind.ON_REQUEST:
        raise DomainError(_("Requests have no waiting list: reception answers each one."),
                          "service")
    with write_transaction(expire=False):
        line = check_line(stay, request, now)
        slot_id = line.slot.id if line.slot else None
        _lock_target(service, slot_id, line.first, line.last)
        if _free_places(service, slot_id, line.first, line.last) >= line.quantity:
            raise RoomLeft(_("There is room for you: please book it instead."), "quantity")
        _check_not_waiting_already(stay, service, slot_id, line.first, line.last)
        closes_at = _closes_at(service, line.slot, line.first)
        if closes_at <= now:
            raise NotAllowed(_("It is too late to wait for this time."), "slot_id")
        entry = WaitingEntry(stay=stay, service=service, slot=line.slot, start_on=line.first,
                             end_on=line.last, quantity=line.quantity,
                             participant_ids=[member.id for member in line.people],
                             state=WaitingState.WAITING, closes_at=closes_at)
        db.session.add(entry)
        db.session.flush()
        audit.record("waitlist.joined", entry, actor, service=service.slug, slot=slot_id,
                     start_on=line.first, end_on=line.last, quantity=line.quantity)
    return entry


def _check_not_waiting_already(stay, service, slot_id, first, last) -> None:
    active = select(WaitingEntry.id).where(WaitingEntry.stay_id == stay.id,
                                           WaitingEntry.state.in_(ACTIVE_WAITING_STATES))
    if len(db.session.scalars(active.limit(MAX_ENTRIES_PER_STAY)).all()) \
            >= MAX_ENTRIES_PER_STAY:
        raise Conflict(_("You are on %(num)d waiting lists already.",
                         num=MAX_ENTRIES_PER_STAY), "service")
    same = active.where(WaitingEntry.service_id == service.id)
    same = same.where(WaitingEntry.slot_id == slot_id) if slot_id is not None else same.where(
        WaitingEntry.start_on <= last, WaitingEntry.end_on >= first)
    if db.session.scalar(same.limit(1)) is not None:
        raise Conflict(_("You are on the waiting list for this already."), "service")


def fits(entry: WaitingEntry, stay: Stay) -> bool:
    """Tell whether an entry can still be booked as asked: its people are in the party,
    within the service's ages, and its days within the stay."""
    if entry.start_on < stay.arrival_on or entry.end_on > stay.departure_on:
        return False
    members = {member.id: member for member in stay.members}
    people = [members.get(member_id) for member_id in entry.participant_ids]
    if any(member is None for member in people):
        return False
    service = entry.service
    if service.kind != Kind.RENTAL and service.capacity_unit == CapacityUnit.PERSONS \
            and people and len(people) != entry.quantity:
        return False
    return all(member_fits(service, member, entry.start_on) for member in people)


def entry_people(entry: WaitingEntry) -> list:
    """Return the party members an entry is for, in the party's order."""
    wanted = set(entry.participant_ids)
    return [member for member in entry.stay.members if member.id in wanted]


def _hold(entry: WaitingEntry) -> dict:
    return {"slot_id": entry.slot_id, "first": entry.start_on, "last": entry.end_on}


def _claim(entry: WaitingEntry, old_state: WaitingState, values: dict) -> bool:
    """Move an entry out of ``old_state`` with one conditional UPDATE; tell if it moved."""
    where = [WaitingEntry.id == entry.id, WaitingEntry.state == old_state]
    if "offer_deadline" in values:
        where.append(WaitingEntry.offer_expires_at > values.pop("offer_deadline"))
    result = db.session.execute(update(WaitingEntry).where(*where)
                                .values(updated_at=utcnow(), **values)
                                .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return False
    for name, value in values.items():
        set_committed_value(entry, name, value)  # written already: no second UPDATE
    return True


def _offer(entry: WaitingEntry, now: datetime, actor=None) -> bool:
    """Hold an entry's places and tell the guest, in a savepoint: tell if it worked."""
    expires_at = min(now + timedelta(minutes=current_app.config["WAITLIST_HOLD_MINUTES"]),
                     entry.closes_at)
    if expires_at <= now:
        return False
    try:
        with db.session.begin_nested():
            if not _claim(entry, WaitingState.WAITING, {
                    "state": WaitingState.OFFERED, "offered_at": now,
                    "offer_expires_at": expires_at}):
                raise _OfferedAlready  # another process offered to it first
            reserve_capacity(entry.service, entry.quantity, **_hold(entry))
    except (DomainError, _OfferedAlready):
        db.session.expire(entry)
        return False
    audit.record("waitlist.offered", entry, actor, service=entry.service.slug,
                 quantity=entry.quantity, expires_at=expires_at)
    messages.tell(entry.stay, MessageKind.WAITLIST_OFFER, entry=entry,
                  people=entry_people(entry), expires_at=expires_at,
                  offer_url=links.waitlist_offer_url(entry.stay, entry.id))
    return True


def offer_freed_places(service: Service, *, slot_id: int | None = None, first=None,
                       last=None, now: datetime | None = None) -> list[WaitingEntry]:
    """Offer places that became free, in the caller's write transaction, to the first
    waiting entries that fit, in queue order; return the entries offered to.

    It costs one statement when nobody waits.
    """
    if service.kind == Kind.ON_REQUEST:
        return []
    now = now or utcnow()
    query = select(WaitingEntry).where(WaitingEntry.service_id == service.id,
                                       WaitingEntry.state == WaitingState.WAITING,
                                       WaitingEntry.closes_at > now)
    if slot_id is not None:
        query = query.where(WaitingEntry.slot_id == slot_id)
    else:
        query = query.where(WaitingEntry.start_on <= last, WaitingEntry.end_on >= first)
    waiting = db.session.scalars(query.order_by(WaitingEntry.id).limit(OFFER_CANDIDATES)).all()
    if not waiting:
        return []
    if slot_id is not None and _free_places(service, slot_id, None, None) <= 0:
        return []
    offered, too_big = [], {}
    for entry in waiting:
        days = (entry.start_on, entry.end_on)
        if entry.quantity >= too_big.get(days, entry.quantity + 1) or not fits(entry, entry.stay):
            continue
        if _offer(entry, now):
            offered.append(entry)
        else:
            too_big[days] = min(too_big.get(days, entry.quantity), entry.quantity)
    return offered


def _own_entry(entry_id: int, actor) -> WaitingEntry:
    """:raises NotFound: no such entry, or (for a guest) another stay's."""
    entry = db.session.get(WaitingEntry, entry_id, populate_existing=True)
    if entry is None or (isinstance(actor, Stay) and entry.stay_id != actor.id):
        raise NotFound(_("We could not find this place on the waiting list."))
    return entry


def _end_offer(entry: WaitingEntry, new_state: WaitingState, actor, now: datetime) -> bool:
    """Give an offer's held places back and offer them to the next entry; tell if the
    entry was still offered."""
    if not _claim(entry, WaitingState.OFFERED, {"state": new_state}):
        return False
    release_capacity(entry.service, entry.quantity, **_hold(entry))
    audit.record(f"waitlist.{new_state.value}", entry, actor, service=entry.service.slug,
                 was="offered")
    offer_freed_places(entry.service, slot_id=entry.slot_id, first=entry.start_on,
                       last=entry.end_on, now=now)
    return True


def accept_offer(entry_id: int, actor, now: datetime | None = None) -> Booking:
    """Book what an offer holds: its places become the booking's, in one transaction.

    The item is requested or confirmed like any booking of the service.

    :raises NotFound: no such entry of the guest's.
    :raises NotAllowed: the offer is over (accepted, declined, expired) or was never made.
    :raises DomainError: a booking rule is broken now (e.g. someone has a place at that
        time already); the offer stays as it was.
    """
    from hotel.services.bookings import _book_lines, _checked_lines

    now = now or utcnow()
    with write_transaction(expire=False):
        entry = _own_entry(entry_id, actor)
        stay = entry.stay
        if not _claim(entry, WaitingState.OFFERED, {"state": WaitingState.BOOKED,
                                                     "offer_deadline": now}):
            raise NotAllowed(_("This offer is no longer open."))
        release_capacity(entry.service, entry.quantity, **_hold(entry))
        request = ItemRequest(service=entry.service, quantity=entry.quantity,
                              slot_id=entry.slot_id, start_on=entry.start_on,
                              end_on=entry.end_on, participant_ids=list(entry.participant_ids))
        lines = _checked_lines(stay, [request], now)
        booking = _book_lines(stay, lines, actor, None, f"waitlist-{entry.id}", False)
        entry.booking_item_id = booking.items[0].id
        audit.record("waitlist.booked", entry, actor, booking=booking.reference)
    return booking


def leave_waiting_list(entry_id: int, actor, now: datetime | None = None) -> WaitingEntry:
    """Take an entry off the list: the guest leaves or declines the offer, or reception
    removes it; places an offer held go to the next entry.

    :raises NotFound: no such entry of the guest's.
    :raises NotAllowed: the entry is not on the list any more.
    """
    now = now or utcnow()
    with write_transaction(expire=False):
        entry = _own_entry(entry_id, actor)
        if entry.state == WaitingState.OFFERED:
            left = _end_offer(entry, WaitingState.LEFT, actor, now)
        else:
            left = _claim(entry, WaitingState.WAITING, {"state": WaitingState.LEFT})
            if left:
                audit.record("waitlist.left", entry, actor, service=entry.service.slug,
                             was="waiting")
        if not left:
            raise NotAllowed(_("This place on the waiting list has ended already."))
    return entry


def offer_by_hand(entry_id: int, actor: StaffUser, now: datetime | None = None
                  ) -> WaitingEntry:
    """Offer the free places to one waiting entry now, whatever its place in the queue.

    :raises NotAllowed: the entry is not waiting.
    :raises Unavailable: there is not enough room for it.
    """
    if not isinstance(actor, StaffUser):
        raise Forbidden(_("Only reception can do this."))
    now = now or utcnow()
    with write_transaction(expire=False):
        entry = _own_entry(entry_id, actor)
        if entry.state != WaitingState.WAITING or entry.closes_at <= now:
            raise NotAllowed(_("This entry is not waiting any more."))
        if not _offer(entry, now, actor):
            raise Unavailable(_("There is not enough room to offer to this guest."))
    return entry


# Read whenever availability is read: built once, as building a statement costs more
# than running this one.
_OVERDUE_OFFERS = (select(WaitingEntry.id)
                   .where(WaitingEntry.state == WaitingState.OFFERED,
                          WaitingEntry.offer_expires_at <= bindparam("now"))
                   .order_by(WaitingEntry.id).limit(bindparam("limit")))


def overdue_offer_ids(now: datetime, limit: int = 100) -> list[int]:
    """Return the offers that have run out (one statement, through their own index)."""
    return list(db.session.scalars(_OVERDUE_OFFERS, {"now": now, "limit": limit}))


def expire_offers(now: datetime | None = None) -> int:
    """End the offers that ran out, giving their places to the next entries; one statement
    when none has. Called by the worker and whenever availability is read."""
    now = now or utcnow()
    overdue = overdue_offer_ids(now)
    if not overdue:
        return 0
    ended = 0
    with write_transaction(expire=False):
        for entry_id in overdue:
            entry = db.session.get(WaitingEntry, entry_id, populate_existing=True)
            ended += _end_offer(entry, WaitingState.EXPIRED, None, now)
    return ended


def expire_waiting(now: datetime | None = None) -> int:
    """The worker's job: end run-out offers, and the entries whose time to book passed."""
    now = now or utcnow()
    ended = expire_offers(now)
    with write_transaction():
        result = db.session.execute(update(WaitingEntry).where(
            WaitingEntry.state == WaitingState.WAITING, WaitingEntry.closes_at <= now)
            .values(state=WaitingState.EXPIRED, updated_at=now))
    return ended + result.rowcount

