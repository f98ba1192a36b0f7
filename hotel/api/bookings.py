"""A guest's bookings: book several services at once, list them, cancel an item."""

from flask import g, request
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload, lazyload, selectinload

from hotel.api import bp, schemas, serialize
from hotel.api.tokens import guest_required
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import Booking, BookingItem, Service, ServiceText
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.catalogue import service_loaders
from hotel.services.errors import NotFound

MAX_ITEM_ID = 2**31 - 1


def _own_bookings():
    """Return a query for the signed-in guest's bookings with all that is shown of them."""
    items = selectinload(Booking.items)
    return (
        select(Booking)
        .where(Booking.stay_id == g.api_stay.id)
        .options(selectinload(Booking.package),
                 items.selectinload(BookingItem.service)
                 .options(*service_loaders(text_locales(), bands=False)),
                 items.selectinload(BookingItem.participants))
        .order_by(Booking.created_at.desc(), Booking.id.desc())
    )


def _own_booking(reference: str) -> Booking:
    """Return the guest's booking with this reference.

    :raises NotFound: there is none, or it belongs to another stay.
    """
    booking = None
    if schemas.is_reference(reference):
        query = _own_bookings().where(Booking.reference == reference.upper())
        booking = db.session.scalars(query).first()
    if booking is None:
        raise NotFound(_("We could not find this booking."))
    return booking


@bp.post("/bookings")
@guest_required
def book():
    """Book every item of the body, or none of them."""
    wanted = schemas.booking_request(schemas.json_object())
    booking = create_booking(g.api_stay, wanted.items, g.api_stay, package=wanted.package,
                             submission_key=wanted.idempotency_key,
                             voucher_code=wanted.voucher)
    return serialize.booking_json(booking), 201  # as written: nothing is read again


@bp.get("/bookings")
@guest_required
def list_bookings():
    """List the signed-in guest's bookings, newest first."""
    bookings = db.session.scalars(_own_bookings())
    return {"bookings": [serialize.booking_json(booking) for booking in bookings]}


@bp.get("/bookings/<reference>")
@guest_required
def show_booking(reference: str):
    """Show one of the signed-in guest's bookings."""
    return serialize.booking_json(_own_booking(reference))


@bp.post(f"/bookings/<reference>/items/<int(max={MAX_ITEM_ID}):item_id>/cancel")
@guest_required
def cancel_item(reference: str, item_id: int):
    """Cancel one item of the guest's booking: free before the service's cut-off, after
    it for the late-cancellation fee the body accepts."""
    fee = schemas.accepted_fee(schemas.json_object() if request.get_data(cache=True) else {})
    item = _own_item(reference, item_id)
    item = cancel_booking_item(item, g.api_stay, accepted_fee=fee)
    return serialize.item_json(item)


def _own_item(reference: str, item_id: int) -> BookingItem:
    """Return an item of the guest's booking with this reference, with what its answer
    shows, in one statement.

    :raises NotFound: there is none, or it belongs to another stay.
    """
    item = None
    if schemas.is_reference(reference):
        texts = Service.texts.and_(ServiceText.locale.in_(text_locales()))
        item = db.session.scalars(
            select(BookingItem).join(Booking)
            .where(BookingItem.id == item_id, Booking.reference == reference.upper(),
                   Booking.stay_id == g.api_stay.id)
            .options(contains_eager(BookingItem.booking),
                     joinedload(BookingItem.service).options(
                         joinedload(texts), lazyload(Service.age_bands),
                         lazyload(Service.department)),
                     joinedload(BookingItem.participants))
        ).unique().first()
    if item is None:
        raise NotFound(_("We could not find this booking."))
    return item
