"""Guests rate their completed services: one rating per booked item."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from hotel.extensions import db
from hotel.guest import bp
from hotel.models import Booking, BookingItem, Service
from hotel.services.errors import DomainError
from hotel.services.ratings import MAX_COMMENT, check_can_rate, rate_item, rating_of
from hotel.web.forms import PageForm
from hotel.web.sessions import guest_required

SCORE_CHOICES = [
    (5, _l("5 – excellent")),
    (4, _l("4 – good")),
    (3, _l("3 – fair")),
    (2, _l("2 – poor")),
    (1, _l("1 – very poor")),
]


class RatingForm(PageForm):
    """A score from 1 to 5 and an optional comment."""

    score = RadioField(_l("How was it?"), choices=SCORE_CHOICES, coerce=int,
                       validators=[InputRequired(message=_l("Please choose from 1 to 5."))])
    comment = TextAreaField(_l("Comment (optional)"), validators=[
        Length(max=MAX_COMMENT, message=_l("Please keep the comment under %(max)d characters."))])


def _own_item(item_id: int) -> BookingItem:
    """Return the signed-in guest's item, or 404."""
    item = db.session.scalar(
        select(BookingItem).join(Booking)
        .where(BookingItem.id == item_id, Booking.stay_id == g.stay.id)
        .options(selectinload(BookingItem.service).selectinload(Service.texts),
                 selectinload(BookingItem.participants), selectinload(BookingItem.booking))
    )
    if item is None:
        abort(404)
    return item


def _page(item: BookingItem, form: RatingForm, status: int = 200, message: str = ""):
    return render_template("guest/rate.html", item=item, form=form, message=message,
                           rating=rating_of(item)), status


@bp.get("/my-bookings/items/<int:item_id>/rate")
@guest_required
def rate_item_form(item_id: int):
    """Ask the guest to rate a completed item, or say why it cannot be rated."""
    item = _own_item(item_id)
    try:
        check_can_rate(item)
    except DomainError as error:
        already = rating_of(item) is not None
        return _page(item, RatingForm(), 200 if already else 409, error.message)
    return _page(item, RatingForm())


@bp.post("/my-bookings/items/<int:item_id>/rate")
@guest_required
def rate_item_submit(item_id: int):
    """Record the guest's rating of a completed item."""
    item = _own_item(item_id)
    form = RatingForm()
    if not form.validate_on_submit():
        return _page(item, form, 422)
    try:
        rate_item(item, g.stay, form.score.data, form.comment.data or "")
    except DomainError as error:
        return _page(item, form, 409, error.message)
    flash(_("Thank you for your rating!"), "success")
    return redirect(url_for("guest.my_bookings"))
