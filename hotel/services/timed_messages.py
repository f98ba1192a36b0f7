"""Messages the hotel sends at a time rather than on a change: the reminder the evening
before, the offer before arrival, the invitation to rate what the guest did yesterday.

Each job may run any number of times, by any number of workers: a message's key
(``reminder:<stay>:<day>``...) lets it be written once.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_day, hotel_zone
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    HOLDING_STATES,
    Booking,
    BookingItem,
    Category,
    ItemState,
    Message,
    MessageKind,
    Package,
    Rating,
    Stay,
)
from hotel.models.types import utcnow
from hotel.services import links, returning
from hotel.services.messages import tell

RATING_HOUR = 10  # invitations to rate yesterday's activities go from this hour on


def _items_by_stay(query) -> dict[Stay, list[BookingItem]]:
    grouped: dict[Stay, list[BookingItem]] = defaultdict(list)
    items = db.session.scalars(query.options(
        selectinload(BookingItem.booking).selectinload(Booking.stay),
        selectinload(BookingItem.service), selectinload(BookingItem.slot),
        selectinload(BookingItem.participants)).order_by(BookingItem.starts_at,
                                                         BookingItem.id))
    for item in items:
        grouped[item.booking.stay].append(item)
    return grouped


def send_reminders(now: datetime | None = None) -> list[Message]:
    """From REMINDER_HOUR (hotel time) on, remind each stay of tomorrow's bookings."""
    now = now or utcnow()
    if now.astimezone(hotel_zone()).hour < current_app.config["REMINDER_HOUR"]:
        return []
    tomorrow = hotel_day(now) + timedelta(days=1)
    written = []
    with write_transaction():
        grouped = _items_by_stay(select(BookingItem).where(
            BookingItem.start_on == tomorrow, BookingItem.state.in_(HOLDING_STATES)))
        for stay, items in grouped.items():
            message = tell(stay, MessageKind.REMINDER, key=f"reminder:{stay.id}:{tomorrow}",
                           items=items, day=tomorrow)
            if message is not None:
                written.append(message)
    return written


def _offer_for(stay: Stay) -> tuple[list[Package], list]:
    """Choose what to offer a stay: the family packages to families, to a returning
    guest what they booked last time, and the packages to everyone else.
    """
    packages = list(db.session.scalars(
        select(Package).where(Package.active.is_(True)).order_by(Package.position)))
    if stay.children:
        return [p for p in packages if p.category == Category.FAMILY], []
    suggestions = returning.suggestions_for(stay)
    if suggestions:
        return [], suggestions
    return packages[:2], []


def send_pre_arrival_offers(now: datetime | None = None) -> list[Message]:
    """Offer each stay that agreed, PRE_ARRIVAL_DAYS or fewer before arrival, something
    chosen for its party; once per stay.
    """
    today = hotel_day(now or utcnow())
    last = today + timedelta(days=current_app.config["PRE_ARRIVAL_DAYS"])
    written = []
    with write_transaction():
        stays = db.session.scalars(select(Stay).where(
            Stay.arrival_on > today, Stay.arrival_on <= last,
            Stay.marketing_consent.is_(True)).order_by(Stay.arrival_on, Stay.id))
        for stay in stays:
            packages, services = _offer_for(stay)
            if not packages and not services:
                continue
            message = tell(stay, MessageKind.PRE_ARRIVAL_OFFER, key=f"offer:{stay.id}",
                           packages=packages, services=services,
                           catalogue_url=links.public_url("guest.home"))
            if message is not None:
                written.append(message)
    return written


def send_rating_invitations(now: datetime | None = None) -> list[Message]:
    """From RATING_HOUR on, invite each stay that agreed to rate what it completed
    yesterday and has not rated yet.
    """
    now = now or utcnow()
    if now.astimezone(hotel_zone()).hour < RATING_HOUR:
        return []
    yesterday = hotel_day(now) - timedelta(days=1)
    rated = select(Rating.booking_item_id)
    written = []
    with write_transaction():
        grouped = _items_by_stay(select(BookingItem).join(Booking).join(Stay).where(
            BookingItem.start_on == yesterday, BookingItem.state == ItemState.COMPLETED,
            BookingItem.id.not_in(rated), Stay.marketing_consent.is_(True)))
        for stay, items in grouped.items():
            rate_urls = {item.id: links.public_url("guest.rate_item_form", item_id=item.id)
                         for item in items}
            message = tell(stay, MessageKind.RATING_INVITATION,
                           key=f"rating:{stay.id}:{yesterday}", items=items,
                           rate_urls=rate_urls)
            if message is not None:
                written.append(message)
    return written
