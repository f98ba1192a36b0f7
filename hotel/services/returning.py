"""Returning guests: finding a guest's earlier stays, marking them and suggesting services.

A guest is the same when the e-mail is the same (ignoring case), or when the lead
guest's first and last name (folded) and date of birth are the same. Only stays that
ended before this stay's arrival count as earlier.
"""

from collections.abc import Sequence

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from hotel.extensions import db
from hotel.models import (
    RELEASED_STATES,
    Booking,
    BookingItem,
    ItemState,
    PartyMember,
    Service,
    Stay,
    fold_name,
)
from hotel.services.catalogue import service_loaders

SUGGESTIONS = 3  # at most this many services offered again
# What counts as having used a service on an earlier stay.
USED_STATES = (ItemState.COMPLETED, ItemState.CONFIRMED)


def _lead_birth_date(stay: Stay):
    lead = next((m for m in stay.members if m.position == 0 and not m.is_child), None)
    return lead.birth_date if lead is not None else None


def _earlier_stay_ids(stay: Stay) -> list[int]:
    """Return the ids of the guest's earlier stays, most recent first (one query)."""
    email = (stay.email or "").strip().lower()
    birth_date = _lead_birth_date(stay)
    matches = []
    if email:
        matches.append(func.lower(Stay.email) == email)
    lead = aliased(PartyMember)
    if birth_date is not None and stay.last_name:
        matches.append(and_(Stay.last_name_key == fold_name(stay.last_name),
                            lead.birth_date == birth_date))
    if not matches:
        return []
    rows = db.session.execute(
        select(Stay.id, Stay.first_name, func.lower(Stay.email).label("email"),
               lead.birth_date)
        .outerjoin(lead, and_(lead.stay_id == Stay.id, lead.position == 0,
                              lead.is_child.is_(False)))
        .where(Stay.departure_on < stay.arrival_on, or_(*matches))
        .order_by(Stay.departure_on.desc(), Stay.arrival_on.desc(), Stay.id.desc())
    ).all()
    first_name = fold_name(stay.first_name or "")
    # Accents and case in first names are folded here: databases fold them differently.
    return [row.id for row in rows if row.id != stay.id and (
        (email and row.email == email)
        or (birth_date is not None and row.birth_date == birth_date
            and fold_name(row.first_name) == first_name))]


def find_previous_stay(stay: Stay) -> Stay | None:
    """Return the guest's most recent stay that ended before this one began, or None."""
    ids = _earlier_stay_ids(stay)
    return db.session.get(Stay, ids[0]) if ids else None


def mark_returning(stay: Stay) -> Stay | None:
    """Link a stay to the guest's most recent earlier stay (or unlink it); return that stay.

    It runs in the caller's write transaction.
    """
    previous = find_previous_stay(stay)
    previous_id = previous.id if previous is not None else None
    if stay.previous_stay_id != previous_id:  # else no second UPDATE (and version) of the row
        stay.previous_stay_id = previous_id
    return previous


def preselect_language(stay: Stay, previous: Stay | None) -> None:
    """Give a stay sent without a language the language of the guest's earlier stay."""
    if previous is not None and previous.language:
        stay.language = previous.language


def suggestions_for(stay: Stay, locales: Sequence[str] | None = None) -> list[Service]:
    """Return up to three active services the guest used on earlier stays, most used first,
    with their texts in ``locales`` (all if None).

    Services already booked on this stay are left out; the query count is constant.
    """
    if stay.previous_stay_id is None:
        return []
    earlier = _earlier_stay_ids(stay)
    if not earlier:
        return []
    booked_here = (select(BookingItem.service_id).join(Booking)
                   .where(Booking.stay_id == stay.id,
                          BookingItem.state.not_in(RELEASED_STATES)))
    times = func.count(BookingItem.id)
    ranked = db.session.execute(
        select(BookingItem.service_id, times)
        .join(Booking).join(Service, Service.id == BookingItem.service_id)
        .where(Booking.stay_id.in_(earlier), BookingItem.state.in_(USED_STATES),
               Service.active.is_(True), BookingItem.service_id.not_in(booked_here))
        .group_by(BookingItem.service_id, Service.position)
        .order_by(times.desc(), Service.position, BookingItem.service_id)
        .limit(SUGGESTIONS)
    ).all()
    order = [row.service_id for row in ranked]
    if not order:
        return []
    query = (select(Service).options(*service_loaders(locales, bands=False))
             .where(Service.id.in_(order)))
    services = {s.id: s for s in db.session.scalars(query)}
    return [services[service_id] for service_id in order]
