"""What guests see: the catalogue, and (signed in) their bookings."""

from flask import Blueprint

from hotel.services.messages import message_body
from hotel.web.price_lines import explain_item

bp = Blueprint("guest", __name__)


@bp.record_once
def register_basket_count(state) -> None:
    """Let the page header call ``basket_count()`` for the signed-in guest's basket."""
    state.app.jinja_env.globals["basket_count"] = basket.count
    state.app.jinja_env.globals["unread_messages"] = messages.unread_messages
    state.app.jinja_env.globals["message_body"] = message_body
    state.app.jinja_env.globals["photo_url"] = photos.photo_url
    state.app.jinja_env.globals["explain_item"] = explain_item

from hotel.guest import (  # noqa: E402,F401,I001  (routes attach to bp)
    basket,
    bill,
    booking,
    catalogue,
    help,  # noqa: A004
    messages,
    my_stay,
    party,
    photos,
    ratings,
    sign_in,
    waitlist,
)
