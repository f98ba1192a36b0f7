"""What the pages read of the waiting lists: a guest's entries with their places in the
queue, the entries of slots and rental days for the desk, and the unmet demand."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import and_, bindparam, case, func, or_, select
from sqlalchemy.orm import aliased, joinedload, selectinload

from hotel.clock import days_in_utc
from hotel.extensions import db
from hotel.models import (
    ACTIVE_WAITING_STATES,
    Service,
    Slot,
    WaitingEntry,
    WaitingState,
)
from hotel.models.types import utcnow
from hotel.services.catalogue import service_loaders
from hotel.services.item_rows import department_values

# The ended entries a guest still sees on "My bookings": an offer that ran out, say.
SHOWN_TO_GUEST = ACTIVE_WAITING_STATES | {WaitingState.EXPIRED}


@dataclass(frozen=True)
class Waiting:
    """An entry with its place in the queue (1 is next), when it is still waiting."""

    entry: WaitingEntry
    position: int | None


def _position():
    """Return the expression of an entry's place: one more than the entries ahead of it
    for the same slot, or for overlapping days of the same rental."""
    ahead = aliased(WaitingEntry)
    same_time = or_(
        and_(WaitingEntry.slot_id.is_not(None), ahead.slot_id == WaitingEntry.slot_id),
        and_(WaitingEntry.slot_id.is_(None), ahead.start_on <= WaitingEntry.end_on,
             ahead.end_on >= WaitingEntry.start_on))
    count = (select(func.count(ahead.id))
             .where(ahead.service_id == WaitingEntry.service_id,
                    ahead.state.in_(ACTIVE_WAITING_STATES), ahead.id < WaitingEntry.id,
                    same_time)
             .correlate(WaitingEntry).scalar_subquery())
    return case((WaitingEntry.state == WaitingState.WAITING, count + 1), else_=None)


def _with_positions(query) -> list[Waiting]:
    rows = db.session.execute(query.add_columns(_position().label("position")))
    return [Waiting(entry, position) for entry, position in rows.unique()]


def entries_of_stay(stay_id: int, locales: Sequence[str] | None = None,
                    states=SHOWN_TO_GUEST) -> list[Waiting]:
    """Return a stay's entries with their places in the queue, by day (three queries)."""
    query = _entries_of_stay(tuple(locales) if locales is not None else None)
    rows = db.session.execute(query, {"stay_id": stay_id, "states": list(states)})
    return [Waiting(entry, position) for entry, position in rows.unique()]


@lru_cache(maxsize=32)
def _entries_of_stay(locales: tuple[str, ...] | None):
    """Return the statement of ``entries_of_stay``, built once per languages: "My
    bookings" runs it on every request, and building it costs ten times running it."""
    return (select(WaitingEntry)
            .where(WaitingEntry.stay_id == bindparam("stay_id"),
                   WaitingEntry.state.in_(bindparam("states", expanding=True)))
            .options(joinedload(WaitingEntry.slot),
                     selectinload(WaitingEntry.service).options(
                         *service_loaders(locales, bands=False)))
            .order_by(WaitingEntry.start_on, WaitingEntry.id)
            .add_columns(_position().label("position")))


def entry_of_stay(stay_id: int, entry_id: int) -> WaitingEntry | None:
    """Return one of a stay's entries, or None if the stay has no such entry."""
    return db.session.scalar(select(WaitingEntry).where(
        WaitingEntry.id == entry_id, WaitingEntry.stay_id == stay_id))


def _desk_query():
    return (select(WaitingEntry)
            .where(WaitingEntry.state.in_(ACTIVE_WAITING_STATES))
            .options(joinedload(WaitingEntry.stay), joinedload(WaitingEntry.slot))
            .order_by(WaitingEntry.id))


def entries_of_slots(slot_ids: Sequence[int]) -> dict[int, list[Waiting]]:
    """Return the entries still on the lists of the slots, in queue order (one query)."""
    if not slot_ids:
        return {}
    found: dict[int, list[Waiting]] = defaultdict(list)
    for waiting in _with_positions(_desk_query().where(WaitingEntry.slot_id.in_(slot_ids))):
        found[waiting.entry.slot_id].append(waiting)
    return found


def entries_of_rental(service_id: int, first: date, last: date) -> list[Waiting]:
    """Return the entries on a rental's lists whose days meet ``first`` to ``last``."""
    return _with_positions(_desk_query().where(
        WaitingEntry.service_id == service_id, WaitingEntry.slot_id.is_(None),
        WaitingEntry.start_on <= last, WaitingEntry.end_on >= first))


@dataclass(frozen=True)
class WaitingToday:
    """How many guests wait for one service's times of a day, and how many are offered."""

    service: Service
    entries: int
    people: int
    offered: int


@lru_cache(maxsize=4)
def _waiting_on(by_department: bool):
    """The counting statement of ``waiting_on``, built once: Today runs it on every
    request."""
    offered = func.sum(case((WaitingEntry.state == WaitingState.OFFERED, 1), else_=0))
    query = (select(WaitingEntry.service_id, func.count(), func.sum(WaitingEntry.quantity),
                    offered)
             .where(WaitingEntry.state.in_(ACTIVE_WAITING_STATES),
                    WaitingEntry.start_on <= bindparam("day"),
                    WaitingEntry.end_on >= bindparam("day"),
                    WaitingEntry.closes_at > bindparam("now"))
             .group_by(WaitingEntry.service_id))
    if by_department:
        query = query.join(Service, Service.id == WaitingEntry.service_id).where(
            Service.department_id == bindparam("department_id"))
    return query


def waiting_on(day: date, department_id: int | None = None,
               locales: Sequence[str] | None = None) -> list[WaitingToday]:
    """Return, per service, who waits for its times on a day (two queries)."""
    values = {"day": day, "now": utcnow(), **department_values(department_id)}
    counts = {row[0]: row[1:]
              for row in db.session.execute(_waiting_on(department_id is not None), values)}
    if not counts:
        return []
    services = db.session.scalars(select(Service).where(Service.id.in_(counts)).options(
        *service_loaders(locales, bands=False)).order_by(Service.position, Service.id))
    return [WaitingToday(service, *counts[service.id]) for service in services]


@dataclass(frozen=True)
class UnmetDemand:
    """How many guests waited for a service in a period, and what came of it."""

    service: Service
    guests: int
    entries: int
    booked: int
    not_served: int


def unmet_demand(first: date, last: date,
                 locales: Sequence[str] | None = None) -> list[UnmetDemand]:
    """Return, per service, the guests who joined a waiting list for its times from
    ``first`` to ``last``, most waited for first (two queries)."""
    booked = func.sum(case((WaitingEntry.state == WaitingState.BOOKED, 1), else_=0))
    ended = func.sum(case((WaitingEntry.state.in_(
        [WaitingState.EXPIRED, WaitingState.LEFT]), 1), else_=0))
    rows = db.session.execute(
        select(WaitingEntry.service_id, func.count(func.distinct(WaitingEntry.stay_id)),
               func.count(), booked, ended)
        .where(WaitingEntry.start_on <= last, WaitingEntry.end_on >= first)
        .group_by(WaitingEntry.service_id)).all()
    if not rows:
        return []
    services = {service.id: service for service in db.session.scalars(
        select(Service).where(Service.id.in_([row[0] for row in rows]))
        .options(*service_loaders(locales, bands=False)))}
    demand = [UnmetDemand(services[row[0]], row[1], row[2], row[3] or 0, row[4] or 0)
              for row in rows]
    return sorted(demand, key=lambda d: (-d.guests, d.service.position, d.service.id))


def slots_between(service_id: int, first: date, last: date) -> list[int]:
    """Return the ids of an activity's slots from ``first`` to ``last``."""
    start, end = days_in_utc(first, last)
    return list(db.session.scalars(select(Slot.id).where(
        Slot.service_id == service_id, Slot.starts_at >= start, Slot.starts_at < end)))


def offer_open(entry: WaitingEntry, now: datetime | None = None) -> bool:
    """Tell whether an entry's offer can still be accepted."""
    return entry.state == WaitingState.OFFERED and entry.offer_expires_at is not None \
        and entry.offer_expires_at > (now or utcnow())
