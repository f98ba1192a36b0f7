"""Guests rate the services they received: once per completed booking item."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import BookingItem, ItemState, Rating, Stay
from hotel.services import audit
from hotel.services.errors import NotAllowed

MAX_COMMENT = 1000


def rating_of(item: BookingItem) -> Rating | None:
    """Return the rating given to an item, if there is one."""
    return db.session.scalar(select(Rating).where(Rating.booking_item_id == item.id))


def check_can_rate(item: BookingItem) -> None:
    """:raises NotAllowed: the item is not completed yet, or it is rated already."""
    if item.state != ItemState.COMPLETED:
        raise NotAllowed(_("You can rate a service once it has taken place."), "score")
    if rating_of(item) is not None:
        raise NotAllowed(_("You have already rated this service."), "score")


def rate_item(item: BookingItem, stay: Stay, score: int, comment: str = "") -> Rating:
    """Record the guest's rating (1–5, optional comment) of one of their completed items.

    :raises NotAllowed: not completed, already rated (also when two submits race).
    :raises DomainError: the score or comment is out of range.
    """
    comment = (comment or "").strip()
    if score not in range(1, 6):
        raise NotAllowed(_("Please choose from 1 to 5."), "score")
    if len(comment) > MAX_COMMENT:
        raise NotAllowed(_("Please keep the comment under %(max)d characters.",
                           max=MAX_COMMENT), "comment")
    try:
        with write_transaction():
            item = db.session.get(BookingItem, item.id, populate_existing=True)
            check_can_rate(item)
            rating = Rating(booking_item_id=item.id, stay_id=stay.id, score=score,
                            comment=comment)
            db.session.add(rating)
            db.session.flush()
            audit.record("item.rated", item, stay, score=score)
    except IntegrityError:
        # Another submit of the same rating won the race; the unique constraint refused ours.
        db.session.rollback()
        raise NotAllowed(_("You have already rated this service."), "score") from None
    return rating
