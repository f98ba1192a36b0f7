"""My stay: everything the guest booked as a plan of the stay's days, calendar files of
one item or all of them, and cancelling after seeing what it changes."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.orm import contains_eager, joinedload, lazyload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from hotel.extensions import db
from hotel.guest import bp
from hotel.guest.forms import ActionForm
from hotel.i18n import text_locales
from hotel.models import (
    HOLDING_STATES,
    Booking,
    BookingItem,
    ItemState,
    Rating,
    Service,
    ServiceText,
    booking_item_participant,
)
from hotel.models.types import utcnow
from hotel.services import fees
from hotel.services.bookings import can_guest_cancel, cancel_booking_item
from hotel.services.calendar import items_calendar
from hotel.services.catalogue import service_loaders
from hotel.services.errors import DomainError
from hotel.web.catalogue_cache import cached, kept_apart
from hotel.web.sessions import guest_required

# Items that cost the guest nothing: shown without a price.
NOT_CHARGED = frozenset({ItemState.CANCELLED, ItemState.DECLINED,
                         ItemState.CANCELLED_BY_HOTEL})


@dataclass(frozen=True)
class PlanDay:
    """A day of the stay with the items that start on it, in time order."""

    day: date
    items: list[BookingItem]


@lru_cache(maxsize=32)
def _items_of_stay(locales: tuple[str, ...], services_kept: bool = False):
    """Return the query of the items of stay ``:stay_id`` with what "My bookings" shows:
    their booking, slot and service joined, with the service's texts in ``locales`` and
    its child prices (a few rows of the catalogue each), then the party in a second
    statement; with ``services_kept``, without their services (``kept_services`` has
    them) and their party (``_PARTICIPANTS`` names them), and with the guest's rating of
    each item beside it (None if not rated). It is built once for each pair of languages."""
    query = select(BookingItem)
    if services_kept:
        service, party = lazyload(BookingItem.service), lazyload(BookingItem.participants)
        query = (select(BookingItem, Rating.score)
                 .outerjoin(Rating, Rating.booking_item_id == BookingItem.id))
    else:
        service = joinedload(BookingItem.service).options(
            joinedload(Service.texts.and_(ServiceText.locale.in_(locales))),
            joinedload(Service.age_bands), lazyload(Service.department))
        party = selectinload(BookingItem.participants)
    return (
        query
        .join(Booking)
        .where(Booking.stay_id == bindparam("stay_id"))
        .options(
            contains_eager(BookingItem.booking),
            joinedload(BookingItem.slot),
            service,
            party,
            joinedload(BookingItem.standard_reason),
        )
        .order_by(BookingItem.start_on, BookingItem.starts_at, BookingItem.id)
    )


# Who takes part in each item of stay ``:stay_id``: people of its own party, which the
# request has loaded with the stay.
_LINK = booking_item_participant.c
_PARTICIPANTS = (select(_LINK.booking_item_id, _LINK.party_member_id)
                 .join(BookingItem, BookingItem.id == _LINK.booking_item_id)
                 .join(Booking, Booking.id == BookingItem.booking_id)
                 .where(Booking.stay_id == bindparam("stay_id")))


def _priced_services() -> dict[int, Service]:
    """Load every service with its texts in the reader's language and its child prices,
    out of the session, to be kept (``kept_services``)."""
    services = db.session.scalars(select(Service).options(*service_loaders(text_locales())))
    return {service.id: service for service in kept_apart(services)}


def kept_services() -> dict[int, Service]:
    """Return every service by id, named in the reader's language and with its child
    prices, as kept until the catalogue changes: "My bookings" shows them, and loading
    them with the items on every request cost more than the items."""
    return cached("guest-priced-services", render=_priced_services)


def rated_items_of_stay() -> tuple[list[BookingItem], dict[int, int]]:
    """Return every item the signed-in guest booked, in the order of the stay, and the
    guest's score of each item rated, by item id (two statements)."""
    services = kept_services()
    values = {"stay_id": g.stay.id}
    rows = db.session.execute(_items_of_stay(text_locales(), services_kept=True),
                              values).unique().all()
    party = {member.id: member for member in g.stay.members}
    taking_part: dict[int, list] = {}
    for item_id, member_id in db.session.execute(_PARTICIPANTS, values):
        taking_part.setdefault(item_id, []).append(party[member_id])
    for item, _score in rows:  # read only: the page writes nothing
        set_committed_value(item, "service", services[item.service_id])
        set_committed_value(item, "participants", sorted(
            taking_part.get(item.id, []), key=lambda member: member.position))
    return ([item for item, _score in rows],
            {item.id: score for item, score in rows if score is not None})


def items_of_stay() -> list[BookingItem]:
    """Return every item the signed-in guest booked, in the order of the stay."""
    return rated_items_of_stay()[0]


def plan_of_stay(stay, items: list[BookingItem]) -> list[PlanDay]:
    """Return the stay's days from arrival to departure, each with the items starting on
    it; an item booked outside the stay's days (the stay was shortened) gets its own day."""
    by_day: dict[date, list[BookingItem]] = {}
    for item in items:
        by_day.setdefault(item.start_on, []).append(item)
    days = {stay.arrival_on + timedelta(days=n)
            for n in range((stay.departure_on - stay.arrival_on).days + 1)}
    return [PlanDay(day, by_day.get(day, [])) for day in sorted(days | set(by_day))]


@bp.get("/my-bookings")
@guest_required
def my_bookings():
    """Show the guest's stay day by day with everything booked, and what can be cancelled."""
    return render_my_bookings()


def render_my_bookings(status: int = 200):
    """Render "My bookings" for the signed-in guest in a constant number of queries."""
    items, ratings = rated_items_of_stay()
    now = utcnow()
    return render_template(
        "guest/my_bookings.html", items=items, plan=plan_of_stay(g.stay, items),
        cancellable={item.id for item in items if can_guest_cancel(item, now)},
        not_charged=NOT_CHARGED, holding=HOLDING_STATES, ratings=ratings,
        has_active=any(item.state in HOLDING_STATES for item in items)), status


def _own_item(item_id: int) -> BookingItem:
    item = db.session.scalars(
        _items_of_stay(text_locales()).where(BookingItem.id == item_id),
        {"stay_id": g.stay.id}).unique().first()
    return item or abort(404)


@bp.get("/my-bookings/items/<int:item_id>/cancel")
@guest_required
def confirm_cancel(item_id: int):
    """Show what cancelling an item changes, and ask to confirm."""
    item = _own_item(item_id)
    if not can_guest_cancel(item, utcnow()):
        flash(_("This booking can no longer be cancelled online. Please contact reception."),
              "error")
        return redirect(url_for("guest.my_bookings"))
    return render_template("guest/cancel.html", item=item, form=ActionForm(),
                           fee=fees.cancellation_fee(item, utcnow()))


@bp.post("/my-bookings/items/<int:item_id>/cancel")
@guest_required
def cancel_item(item_id: int):
    """Cancel one of the guest's items."""
    item = _own_item(item_id)
    try:
        cancel_booking_item(item, g.stay, accepted_fee=_accepted_fee())
    except DomainError as error:
        flash(error.message, "error")
        return render_my_bookings(status=409)
    flash(_("The booking is cancelled."), "success")
    return redirect(url_for("guest.my_bookings"))


def _accepted_fee() -> Decimal | None:
    """Return the fee the guest was shown on the confirmation, if the form names one."""
    try:
        fee = Decimal(request.form.get("accepted_fee", ""))
    except InvalidOperation:
        return None
    return fee if fee.is_finite() else None


def _calendar(items: list[BookingItem], name: str) -> Response:
    return Response(items_calendar(items), mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{name}.ics"'})


@bp.get("/my-bookings.ics")
@guest_required
def stay_ics():
    """Download everything the guest still has booked as calendar events."""
    return _calendar(items_of_stay(), g.stay.reference)


@bp.get("/my-bookings/items/<int:item_id>.ics")
@guest_required
def item_ics(item_id: int):
    """Download one booked item as a calendar event."""
    item = _own_item(item_id)
    return _calendar([item], f"{item.booking.reference}-{item.id}")
